#!/usr/bin/env node
/* global fetch, AbortSignal */
// `npm run test:faults [-- --n 50] [--only worker-kill,postgres-stop] [--keep]`: builds an isolated stack (own
// PostgreSQL cluster, Temporal dev server, worker and API on free ports), and for each scenario drives N
// procedures through every step over HTTP while a fault is injected, then checks the invariants with SQL.
// Prints each scenario's figures and exits 1 if any invariant broke or any request was answered 500.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, say } from '../lib/run.mjs';
import {
  Http,
  Observations,
  driveProcedure,
  givenWardAccounts,
  unitToRename,
  usableWards,
} from './driver.mjs';
import { checkInvariants } from './invariants.mjs';
import { createStack, defaultWorkDir } from './stack.mjs';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '50' },
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'timeout-min': { type: 'string', default: '15' },
  },
});
const N = Number(values.n);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const between = (min, max) => min + Math.random() * (max - min);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Polls /health until it answers 200; returns how long that took. */
async function recovery(stack, from = Date.now()) {
  for (;;) {
    try {
      const response = await fetch(`${stack.baseUrl}/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.status === 200) return Date.now() - from;
    } catch {
      // API not answering yet
    }
    await sleep(250);
  }
}

/** Polls `check` every `everyMs` until it holds (true) or `timeoutMs` passed (false). */
async function until(check, timeoutMs, everyMs) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      if (await check()) return true;
    } catch {
      // the database restarting
    }
    await sleep(everyMs);
  }
  return false;
}

/** Transactions of other sessions waiting inside (the API's start holds one while Temporal starts the workflow). */
async function openApiTransactions(stack) {
  const { rows } = await stack.sql.query(`
    SELECT count(*)::int AS n FROM pg_stat_activity
    WHERE datname = current_database() AND state = 'idle in transaction' AND application_name = 'faults-api'`);
  return rows[0].n;
}

/** Lines of a log written since `offset` that match `pattern`. */
function logLinesSince(file, offset, pattern) {
  if (!fs.existsSync(file)) return 0;
  const text = fs.readFileSync(file, 'utf8').slice(offset);
  return text.split('\n').filter((line) => pattern.test(line)).length;
}
const logSize = (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').length : 0);
/** Prisma's "no connection from the pool in time" (P2024) and the transaction API's pool wait. */
const POOL_WAIT = /P2024|Timed out fetching a new connection|Unable to start a transaction in the given time/;

const SCENARIOS = [
  {
    name: 'worker-kill',
    title: 'worker SIGKILL ×3 at random moments',
    async fault(stack, obs) {
      const recoveries = [];
      for (let i = 0; i < 3; i += 1) {
        await sleep(between(8_000, 20_000));
        obs.faultActive = true;
        const at = Date.now();
        await stack.worker.kill('SIGKILL');
        await sleep(1_000); // a supervisor's restart delay
        await stack.worker.start();
        await recovery(stack, at);
        recoveries.push(Date.now() - at);
        obs.faultActive = false;
      }
      return `kills at random; back to healthy after ${recoveries.map(seconds).join(', ')}`;
    },
  },
  {
    name: 'temporal-kill',
    title: 'Temporal dev server kill -9, restarted on the same SQLite file after 5 s',
    async fault(stack, obs) {
      await sleep(between(8_000, 15_000));
      obs.faultActive = true;
      await stack.temporal.kill('SIGKILL');
      await sleep(5_000);
      const at = Date.now();
      await stack.temporal.start();
      const healthy = await recovery(stack, at);
      obs.faultActive = false;
      return `down 5 s + restart; healthy ${seconds(healthy)} after the restart began`;
    },
  },
  {
    name: 'postgres-stop',
    title: 'PostgreSQL stopped (immediate) for 20 s, then started',
    async fault(stack, obs) {
      await sleep(between(8_000, 15_000));
      obs.faultActive = true;
      stack.postgres.stop('immediate');
      await sleep(20_000);
      const at = Date.now();
      await stack.postgres.start();
      const healthy = await recovery(stack, at);
      obs.faultActive = false;
      return `down 20 s; healthy ${seconds(healthy)} after PostgreSQL was back`;
    },
  },
  {
    name: 'no-worker',
    title: 'no worker for 90 s while people act (worker stopped with SIGTERM: drains)',
    async fault(stack, obs) {
      await sleep(between(5_000, 10_000));
      obs.faultActive = true;
      const drainStarted = Date.now();
      await stack.worker.kill('SIGTERM');
      const drained = Date.now() - drainStarted;
      await sleep(90_000);
      const at = Date.now();
      await stack.worker.start();
      const healthy = await recovery(stack, at);
      obs.faultActive = false;
      return `worker drained in ${seconds(drained)}; healthy ${seconds(healthy)} after it restarted`;
    },
  },
  {
    name: 'worker-kill-issue',
    title: 'worker SIGKILL inside the issue transaction (numbers taken, not committed) ×3',
    async fault(stack, obs) {
      const kills = [];
      for (let i = 0; i < 3; i += 1) {
        // An open transaction that has written a document register (numbers are taken there per issuer, type
        // and term since document sets; decision_register is the older per-year one): the issue step between its
        // numbers and its commit. Polled every 10 ms; the kill follows at once.
        const found = await until(
          async () => {
            const { rows } = await stack.sql.query(`
            SELECT l.pid FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
            WHERE c.relname IN ('document_register', 'decision_register') AND l.mode = 'RowExclusiveLock'
              AND l.granted AND l.pid <> pg_backend_pid()`);
            return rows.length > 0;
          },
          180_000,
          10,
        );
        if (!found) break;
        obs.faultActive = true;
        const at = Date.now();
        await stack.worker.kill('SIGKILL');
        await sleep(1_000);
        await stack.worker.start();
        await recovery(stack, at);
        kills.push(Date.now() - at);
        obs.faultActive = false;
      }
      obs.figures.push(`killed inside an issue transaction ${kills.length}×`);
      if (kills.length < 3)
        obs.mismatches.push(`only ${kills.length} of 3 kills inside an issue transaction`);
      return `kills inside the issue transaction: ${kills.length}; healthy after ${kills.map(seconds).join(', ')}`;
    },
  },
  {
    name: 'api-kill-start',
    title: 'API SIGKILL while starts are between storing the procedure and starting its workflow ×2',
    burst: 'start',
    async fault(stack, obs, { barrier }) {
      await barrier.released;
      const notes = [];
      for (let i = 0; i < 2; i += 1) {
        // Starts in flight: their transaction holds the new row (idle in transaction while Temporal starts the
        // workflow). Kill when some are open.
        await until(async () => (await openApiTransactions(stack)) > 0, 20_000, 5);
        const open = await openApiTransactions(stack);
        obs.faultActive = true;
        const at = Date.now();
        await stack.api.kill('SIGKILL');
        await sleep(1_000);
        await stack.api.start();
        const healthy = await recovery(stack, at);
        obs.faultActive = false;
        notes.push(`${open} start transactions open at the kill, healthy ${seconds(healthy)} later`);
        await sleep(between(500, 1_500));
      }
      obs.figures.push(notes.join('; '));
      return notes.join('; ');
    },
  },
  {
    name: 'burst-reviews-20',
    title: '20 reviews accepted at once',
    n: 20,
    burst: 'review',
    noPoolWaits: true,
    async fault() {
      return 'no fault: a burst';
    },
  },
  {
    name: 'burst-drafts',
    title: '20 drafts submitted at once',
    n: 20,
    burst: 'draft',
    noPoolWaits: true,
    async fault() {
      return 'no fault: a burst';
    },
  },
  {
    name: 'duplicate-delivery',
    title:
      '10 identical approvals with one key; 3 approvers at the threshold at once; review, draft, withdrawal and acknowledgement each sent twice',
    n: 20,
    drive: (i) =>
      i % 2 === 0
        ? { duplicateVotes: 10, retryEach: true, acknowledge: true }
        : { parallelApprovals: true, retryEach: true, acknowledge: true, withdraw: i % 4 === 3 },
    async fault() {
      return 'no fault: duplicate delivery';
    },
  },
  {
    name: 'burst-reviews-100',
    title: '100 reviews accepted at once',
    n: 100,
    burst: 'review',
    noPoolWaits: true,
    async fault() {
      return 'no fault: a burst';
    },
  },
];

async function main() {
  const started = Date.now();
  const workDir = defaultWorkDir();
  const chosen = values.only ? SCENARIOS.filter((s) => values.only.split(',').includes(s.name)) : SCENARIOS;
  say(`Fault suite: ${chosen.length} scenarios, ${N} procedures each (work dir ${workDir}).`);
  const stack = await createStack({ workDir, log: say });
  // Ctrl-C or a CI timeout: leave no cluster or server behind.
  for (const signal of ['SIGINT', 'SIGTERM'])
    process.once(signal, () => {
      say(`${signal}: stopping the fault stack…`);
      void stack.close().finally(() => process.exit(130));
    });
  say(
    `Stack up in ${seconds(Date.now() - started)}: API ${stack.baseUrl}, PostgreSQL port ${stack.postgres.port}.`,
  );
  const wards = await usableWards(stack.sql);
  const accounts = new Map();
  const allIds = [];
  let cursor = 0;
  const table = [];
  let failed = false;
  try {
    for (const scenario of chosen) {
      // Fault scenarios drive --n procedures; bursts and duplicate delivery their own number.
      const n = scenario.n ?? N;
      const obs = new Observations();
      obs.figures = [];
      const http = new Http(stack.baseUrl, obs);
      const plan = [];
      for (let i = 0; i < n; i += 1, cursor += 1) {
        const wardCode = wards[cursor % wards.length];
        if (!accounts.has(wardCode)) accounts.set(wardCode, await givenWardAccounts(stack.sql, wardCode));
        const unitId = await unitToRename(stack.sql, wardCode, Math.floor(cursor / wards.length));
        plan.push({
          ward: { code: wardCode, users: accounts.get(wardCode) },
          unitId,
          label: `${cursor + 1}`,
        });
      }
      say(`▶ ${scenario.name}: ${scenario.title} (${n} procedures)`);
      const ids = [];
      const ends = [];
      const t0 = Date.now();
      const workerLog = path.join(workDir, 'worker.log');
      const workerLogFrom = logSize(workerLog);
      const deadline = t0 + Number(values['timeout-min']) * 60_000;
      const barrier = scenario.burst ? makeBarrier(n) : undefined;
      const drivers = plan.map(async (p, i) => {
        if (scenario.burst !== 'start') await sleep(i * 150);
        return driveProcedure(http, p.ward, p.unitId, p.label, {
          deadline,
          onStarted: (id) => ids.push(id),
          ...(scenario.burst === 'start' ? { beforeStart: barrier } : {}),
          ...(scenario.burst === 'review' ? { beforeReview: barrier } : {}),
          ...(scenario.burst === 'draft' ? { beforeDraft: barrier } : {}),
          ...(scenario.drive?.(i) ?? {}),
        })
          .then((end) => ends.push(end))
          .catch((error) => {
            barrier?.leave();
            say(`  procedure ${p.label}: ${error.message}`);
          });
      });
      const faultNote = await scenario.fault(stack, obs, { barrier });
      await Promise.all(drivers);
      const wallMs = Date.now() - t0;
      allIds.push(...ids);
      const withdrawnIds = ends.filter((e) => e.expected === 'withdrawn').map((e) => e.id);
      const completedIds = ids.filter((id) => !withdrawnIds.includes(id));
      const results = await checkInvariants(
        stack.sql,
        { completedIds, withdrawnIds },
        [...new Set(plan.map((p) => p.ward.code))],
        allIds,
        new Date(t0),
      );
      // No step waited on the pool: no "no connection in time" in the worker's log during the scenario.
      const poolWaits = logLinesSince(workerLog, workerLogFrom, POOL_WAIT);
      if (scenario.noPoolWaits)
        results.push({
          name: 'no step waited on the connection pool (worker log)',
          ok: poolWaits === 0,
          rows: [],
          count: poolWaits,
        });
      // How long the draft step took to generate its text after the review (the step that starved before).
      const { rows: draftTimes } = await stack.sql.query(
        `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, max(ms) AS max FROM (
           SELECT extract(epoch FROM d.created_at - s.started_at) * 1000 AS ms
           FROM procedure_step s JOIN resolution_draft d
             ON d.procedure_id = s.procedure_id AND d.round = s.round AND d.origin = 'generated'
           WHERE s.step = 'draft_resolution' AND s.procedure_id = ANY($1::uuid[])) t`,
        [ids],
      );
      obs.figures.push(
        `draft generated ${seconds(Number(draftTimes[0]?.p50 ?? 0))} p50 / ${seconds(Number(draftTimes[0]?.max ?? 0))} max after the step began; pool waits in the worker log: ${poolWaits}`,
      );
      const { rows } = await stack.sql.query(
        `SELECT count(*) FILTER (WHERE status = 'completed' OR (status = 'withdrawn' AND id = ANY($2::uuid[])))::int
                AS completed, count(*)::int AS total
         FROM procedure WHERE id = ANY($1::uuid[])`,
        [ids, withdrawnIds],
      );
      const seen = obs.summary();
      const broken = results.filter((r) => !r.ok);
      const row = {
        scenario: scenario.name,
        completed: `${rows[0].completed}/${n}`,
        stuck: n - rows[0].completed,
        wall: seconds(wallMs),
        fault: faultNote,
        users: seen,
        broken: broken.map((b) => b.name),
      };
      table.push(row);
      say(`  completed ${row.completed}, stuck ${row.stuck}, wall time ${row.wall}; ${faultNote}`);
      say(`  users saw: ${seen.answers}; during the fault: ${seen.duringFault}; codes: ${seen.codes}`);
      say(
        `  slowest answer ${seconds(seen.slowestMs)} (${seen.slowestWhat}); answers over 5 s during the fault: ${seen.slowDuringFault}; 500s: ${seen.internalErrors}`,
      );
      for (const figure of obs.figures) say(`  ${figure}`);
      if (withdrawnIds.length) say(`  ended as scripted: ${withdrawnIds.length} withdrawn`);
      if (obs.mismatches.length)
        say(`  ✗ duplicate deliveries answered unlike: ${obs.mismatches.slice(0, 5).join('; ')}`);
      for (const r of results)
        say(
          `  ${r.ok ? '✓' : '✗'} ${r.name}${r.ok ? '' : ` — ${r.count} rows, e.g. ${JSON.stringify(r.rows[0])}`}`,
        );
      if (
        broken.length > 0 ||
        seen.internalErrors > 0 ||
        seen.mismatches > 0 ||
        row.stuck > 0 ||
        seen.slow503 > 0
      )
        failed = true;
      if (obs.internalErrors.length > 0) say(`  500s: ${obs.internalErrors.slice(0, 5).join('; ')}`);
    }
  } finally {
    if (!values.keep) await stack.close();
    else say(`Stack left running (--keep): ${workDir}`);
  }
  say('Summary (scenario | completed | stuck | wall | invariants | fault and recovery | what users saw):');
  for (const row of table)
    say(
      `  ${row.scenario} | ${row.completed} | ${row.stuck} | ${row.wall} | ${row.broken.length ? `broken: ${row.broken.join(', ')}` : 'all hold'} | ${row.fault} | during the fault ${row.users.duringFault}; codes ${row.users.codes}; slowest ${seconds(row.users.slowestMs)}; 500s ${row.users.internalErrors}`,
    );
  say(
    `Fault suite ${failed ? 'FAILED' : 'passed'} in ${seconds(Date.now() - started)} (logs in ${workDir}).`,
  );
  process.exit(failed ? 1 : 0);
}

/**
 * Resolves for everyone once `n` procedures wait at the same point: their actions then go at once. A procedure
 * that fails before it gets there leaves (`leave()`), so the others are not held forever; `released` resolves
 * when the burst goes.
 */
function makeBarrier(n) {
  let expected = n;
  let waiting = 0;
  let release;
  const all = new Promise((resolve) => (release = resolve));
  const check = () => {
    if (waiting >= expected) release();
  };
  const arrive = () => {
    waiting += 1;
    check();
    return all;
  };
  arrive.released = all;
  arrive.leave = () => {
    expected -= 1;
    check();
  };
  return arrive;
}

process.chdir(ROOT);
main().catch((error) => {
  say(`Fault suite crashed: ${error?.stack ?? error}`);
  process.exit(1);
});
