#!/usr/bin/env node
/* global fetch, AbortSignal */
// `npm run test:faults [-- --n 50] [--only worker-kill,postgres-stop] [--keep]`: builds an isolated stack (own
// PostgreSQL cluster, Temporal dev server, worker and API on free ports), and for each scenario drives N
// procedures through every step over HTTP while a fault is injected, then checks the invariants with SQL.
// Prints each scenario's figures and exits 1 if any invariant broke or any request was answered 500.
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
    name: 'burst-reviews',
    title: '20 reviews accepted at once',
    n: 20,
    burst: 'review',
    async fault() {
      return 'no fault: a burst';
    },
  },
  {
    name: 'duplicate-approvals',
    title: '10 identical approvals in parallel with one key',
    n: 10,
    duplicateVotes: 10,
    async fault() {
      return 'no fault: duplicate delivery';
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
      const n = Math.min(scenario.n ?? N, N);
      const obs = new Observations();
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
      const t0 = Date.now();
      const deadline = t0 + Number(values['timeout-min']) * 60_000;
      const barrier = scenario.burst ? makeBarrier(n) : undefined;
      const drivers = plan.map(async (p, i) => {
        await sleep(i * 150);
        return driveProcedure(http, p.ward, p.unitId, p.label, {
          deadline,
          onStarted: (id) => ids.push(id),
          beforeReview: barrier,
          duplicateVotes: scenario.duplicateVotes,
        }).catch((error) => {
          say(`  procedure ${p.label}: ${error.message}`);
        });
      });
      const faultNote = await scenario.fault(stack, obs);
      await Promise.all(drivers);
      const wallMs = Date.now() - t0;
      allIds.push(...ids);
      const results = await checkInvariants(
        stack.sql,
        ids,
        [...new Set(plan.map((p) => p.ward.code))],
        allIds,
        new Date(t0),
      );
      const { rows } = await stack.sql.query(
        `SELECT count(*) FILTER (WHERE status = 'completed')::int AS completed, count(*)::int AS total
         FROM procedure WHERE id = ANY($1::uuid[])`,
        [ids],
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
      for (const r of results)
        say(
          `  ${r.ok ? '✓' : '✗'} ${r.name}${r.ok ? '' : ` — ${r.count} rows, e.g. ${JSON.stringify(r.rows[0])}`}`,
        );
      if (broken.length > 0 || seen.internalErrors > 0 || row.stuck > 0) failed = true;
      if (obs.internalErrors.length > 0) say(`  500s: ${obs.internalErrors.slice(0, 5).join('; ')}`);
    }
  } finally {
    if (!values.keep) await stack.close();
    else say(`Stack left running (--keep): ${workDir}`);
  }
  say('Summary (scenario | completed | stuck | wall | broken invariants | answers during the fault):');
  for (const row of table)
    say(
      `  ${row.scenario} | ${row.completed} | ${row.stuck} | ${row.wall} | ${row.broken.join(', ') || 'none'} | ${row.users.duringFault}`,
    );
  say(
    `Fault suite ${failed ? 'FAILED' : 'passed'} in ${seconds(Date.now() - started)} (logs in ${workDir}).`,
  );
  process.exit(failed ? 1 : 0);
}

/** Resolves for everyone once `n` procedures wait at the same point: their actions then go at once. */
function makeBarrier(n) {
  let waiting = 0;
  let release;
  const all = new Promise((resolve) => (release = resolve));
  return () => {
    waiting += 1;
    if (waiting >= n) release();
    return all;
  };
}

process.chdir(ROOT);
main().catch((error) => {
  say(`Fault suite crashed: ${error?.stack ?? error}`);
  process.exit(1);
});
