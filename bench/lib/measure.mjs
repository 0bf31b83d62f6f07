// What every part of the bench measures with: percentiles, CPU time per process from /proc, PostgreSQL
// transaction counters, and a progress printer. Plain Node, no project code: the product is a black box.
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

export { sleep };

export const say = (message) => process.stdout.write(`[bench] ${message}\n`);

/** Nearest-rank percentile of numbers (ms); null for an empty list. */
export function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export const median = (values) => percentile(values, 50);

export const max = (values) => (values.length ? Math.max(...values) : null);

export const round = (value, digits = 2) =>
  value === null || value === undefined || Number.isNaN(value) ? null : Number(value.toFixed(digits));

/** A row of timings (ms): what, how many runs, p50 and max rounded to the millisecond. */
export const summary = (what, values) => ({
  what,
  runs: values.length,
  p50: round(median(values), 0),
  max: round(max(values), 0),
});

let ticksPerSecond;
const clockTicks = () => {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
};

/** User + system CPU seconds a process has used so far (its own threads; children are separate processes). */
export function cpuSeconds(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: fields after the closing parenthesis are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks();
  } catch {
    return 0;
  }
}

/** The PostgreSQL server processes serving one database right now (pids from pg_stat_activity). */
export async function postgresBackends(pg, database) {
  const { rows } = await pg.query('SELECT pid FROM pg_stat_activity WHERE datname = $1', [database]);
  return rows.map((r) => Number(r.pid));
}

/**
 * CPU seconds per named process between `start()` and `stop()`. Processes: `{ name: pid }`; PostgreSQL
 * backends of the bench database are found again at the end (pooled connections stay; new ones count from 0).
 */
export function cpuMeter(processes, pgBackends) {
  let before;
  let beforePg;
  let startedAt;
  return {
    async start() {
      startedAt = process.hrtime.bigint();
      before = Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, cpuSeconds(pid)]));
      beforePg = new Map((pgBackends ? await pgBackends() : []).map((pid) => [pid, cpuSeconds(pid)]));
    },
    async stop() {
      const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
      const used = Object.fromEntries(
        Object.entries(processes).map(([name, pid]) => [name, cpuSeconds(pid) - before[name]]),
      );
      if (pgBackends) {
        let total = 0;
        for (const pid of await pgBackends()) total += cpuSeconds(pid) - (beforePg.get(pid) ?? 0);
        used.postgres = total;
      }
      return { seconds, used };
    },
  };
}

/** Committed transactions of a database so far. Statistics reach pg_stat_database after a short delay. */
export async function committedTransactions(pg, database) {
  const { rows } = await pg.query(
    'SELECT xact_commit::bigint AS n FROM pg_stat_database WHERE datname = $1',
    [database],
  );
  return Number(rows[0]?.n ?? 0);
}

/** Waits until the counter stops moving (other backends flush their statistics at most every second). */
export async function settledTransactions(pg, database, { quietMs = 1200, maxMs = 12_000 } = {}) {
  const deadline = Date.now() + maxMs;
  let last = await committedTransactions(pg, database);
  for (;;) {
    await sleep(quietMs);
    const now = await committedTransactions(pg, database);
    if (now === last || Date.now() > deadline) return now;
    last = now;
  }
}

/** Prints "label: n/total" at most every `everyMs` while a long step runs. */
export function progress(label, total, everyMs = 2000) {
  let done = 0;
  let lastPrinted = 0;
  const started = Date.now();
  return {
    tick(n = 1) {
      done += n;
      const now = Date.now();
      if (now - lastPrinted >= everyMs || done >= total) {
        lastPrinted = now;
        say(`  ${label}: ${done}/${total} (${((now - started) / 1000).toFixed(1)} s)`);
      }
    },
  };
}
