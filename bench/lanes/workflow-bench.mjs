// Deliverable 1: B-min, B-shape and P1 alternated, at each in-flight level, for each repetition. Per lane run:
// procedures/s, start → completed p50/p99, one human action p50/p99, CPU per process, PostgreSQL
// transactions per procedure (pg_stat_database.xact_commit delta; P1 also without its status polls).
import { bareLane, closedLoop, productLane } from './lanes.mjs';
import { ensureBenchWards } from '../lib/fixtures.mjs';
import {
  cpuMeter,
  median,
  percentile,
  postgresBackends,
  progress,
  round,
  say,
  settledTransactions,
} from '../lib/measure.mjs';

async function measureRun(stack, lane, { inflight, total }) {
  const meter = cpuMeter(stack.pids, () => postgresBackends(stack.admin, stack.database));
  const xactBefore = await settledTransactions(stack.admin, stack.database);
  await meter.start();
  const bar = progress(`${lane.name} × ${inflight} in flight`, total, 5000);
  const { results, errors, seconds } = await closedLoop(lane, { inflight, total, onDone: () => bar.tick() });
  const cpu = await meter.stop();
  const xactAfter = await settledTransactions(stack.admin, stack.database);
  const totals = results.map((r) => r.totalMs);
  const actions = results.flatMap((r) => r.actions);
  const done = results.length;
  const polls = results.reduce((a, r) => a + r.polls, 0);
  const busyRetries = results.reduce((a, r) => a + (r.busyRetries ?? 0), 0);
  return {
    lane: lane.name,
    inflight,
    procedures: done,
    errors: errors.length,
    firstErrors: errors.slice(0, 3),
    seconds: round(seconds),
    proceduresPerSecond: round(done / seconds, 3),
    startToCompletedMs: { p50: round(median(totals), 0), p99: round(percentile(totals, 99), 0) },
    humanActionMs: { p50: round(median(actions), 0), p99: round(percentile(actions, 99), 0) },
    xactPerProcedure: done ? round((xactAfter - xactBefore) / done, 1) : null,
    pollsPerProcedure: done ? round(polls / done, 1) : 0,
    busyRetries,
    cpuSecondsPerProcedure: Object.fromEntries(
      Object.entries(cpu.used).map(([name, s]) => [name, done ? round(s / done, 3) : null]),
    ),
    cpuCores: Object.fromEntries(
      Object.entries(cpu.used).map(([name, s]) => [name, round(s / cpu.seconds, 2)]),
    ),
  };
}

/** PostgreSQL transactions of one status poll (GET /api/procedures/:id), to take P1's polls out. */
async function xactPerPoll(stack, api, id, username, n = 100) {
  const token = await api.token(username);
  const before = await settledTransactions(stack.admin, stack.database);
  for (let i = 0; i < n; i += 1) await api.request('GET', `/api/procedures/${id}`, { token });
  const after = await settledTransactions(stack.admin, stack.database);
  return (after - before) / n;
}

const summarize = (runs, lane, inflight) => {
  const mine = runs.filter((r) => r.lane === lane && r.inflight === inflight);
  if (!mine.length) return undefined;
  const med = (f) => round(median(mine.map(f).filter((v) => v !== null && v !== undefined)), 3);
  const cpuNames = Object.keys(mine[0].cpuSecondsPerProcedure);
  return {
    lane,
    inflight,
    repetitions: mine.length,
    procedures: mine.reduce((a, r) => a + r.procedures, 0),
    errors: mine.reduce((a, r) => a + r.errors, 0),
    busyRetries: mine.reduce((a, r) => a + (r.busyRetries ?? 0), 0),
    proceduresPerSecond: med((r) => r.proceduresPerSecond),
    startToCompletedP50Ms: med((r) => r.startToCompletedMs.p50),
    startToCompletedP99Ms: med((r) => r.startToCompletedMs.p99),
    humanActionP50Ms: med((r) => r.humanActionMs.p50),
    humanActionP99Ms: med((r) => r.humanActionMs.p99),
    xactPerProcedure: med((r) => r.xactPerProcedure),
    xactPerProcedureWithoutPolls: med((r) => r.xactPerProcedureWithoutPolls ?? r.xactPerProcedure),
    pollsPerProcedure: med((r) => r.pollsPerProcedure),
    cpuSecondsPerProcedure: Object.fromEntries(
      cpuNames.map((n) => [n, med((r) => r.cpuSecondsPerProcedure[n])]),
    ),
    cpuCores: Object.fromEntries(cpuNames.map((n) => [n, med((r) => r.cpuCores[n])])),
  };
};

export async function workflowBench(stack, api, options) {
  const { inflights, repetitions, perRun, wards, pollMs, warmup, wait } = options;
  const slots = Math.max(...inflights);
  say(`Workflow lanes: bench wards (${wards}) and one cell per slot (${slots})…`);
  await ensureBenchWards(stack.pool, { wards, slots });
  const lanes = [
    await bareLane('B-min', 'benchMinimal', stack),
    await bareLane('B-shape', 'benchShape', stack),
    productLane(api, { wards, wait }),
  ];
  const p1 = lanes[2];
  say(`Signing in ${p1.usernames(slots).length} bench accounts…`);
  await api.fresh(p1.usernames(slots));
  if (warmup > 0) {
    say(`Warm-up: ${warmup} procedure(s) per lane, not measured…`);
    for (const lane of lanes) await closedLoop(lane, { inflight: Math.min(warmup, slots), total: warmup });
  }
  const runs = [];
  for (let rep = 1; rep <= repetitions; rep += 1) {
    for (const inflight of inflights) {
      for (const lane of lanes) {
        await api.fresh(p1.usernames(slots));
        const total = perRun(inflight);
        // Status polls of all slots together stay near 100 a second, so that the bench's own reads do not
        // exhaust the API's connection pool (which then fails starts with 500).
        p1.pollMs = pollMs ?? Math.max(100, 10 * inflight);
        say(`Repetition ${rep}/${repetitions}: ${lane.name}, ${inflight} in flight, ${total} procedures…`);
        const run = await measureRun(stack, lane, { inflight, total });
        runs.push({ repetition: rep, ...run });
        say(
          `  ${run.proceduresPerSecond} procedures/s, start → completed p50 ${run.startToCompletedMs.p50} ms, ` +
            `p99 ${run.startToCompletedMs.p99} ms, action p50 ${run.humanActionMs.p50} ms, ${run.xactPerProcedure} xact/procedure` +
            (run.busyRetries ? `, ${run.busyRetries} answers 503 retried` : '') +
            (run.errors ? `, ${run.errors} errors: ${run.firstErrors[0]}` : ''),
        );
      }
    }
  }
  for (const lane of lanes) await lane.close();

  // Take P1's status polls out of its transaction count (they are the bench's, not the product's path).
  const { rows } = await stack.pool.query(
    `SELECT id FROM procedure WHERE status = 'completed' AND ward_code = $1 ORDER BY completed_at DESC LIMIT 1`,
    ['bench-ward-0'],
  );
  let perPoll = null;
  if (rows[0]) {
    perPoll = round(await xactPerPoll(stack, api, rows[0].id, `bench-ward-0.bithu`), 2);
    for (const run of runs)
      if (run.lane === 'P1' && run.xactPerProcedure !== null)
        run.xactPerProcedureWithoutPolls = round(run.xactPerProcedure - run.pollsPerProcedure * perPoll, 1);
  }
  const summary = [];
  for (const inflight of inflights)
    for (const lane of lanes) {
      const s = summarize(runs, lane.name, inflight);
      if (s) summary.push(s);
    }
  const ratios = inflights.map((inflight) => {
    const of = (name) => summary.find((s) => s.lane === name && s.inflight === inflight)?.proceduresPerSecond;
    return {
      inflight,
      p1OverBMin: of('B-min') ? round(of('P1') / of('B-min'), 2) : null,
      p1OverBShape: of('B-shape') ? round(of('P1') / of('B-shape'), 2) : null,
      bShapeOverBMin: of('B-min') ? round(of('B-shape') / of('B-min'), 2) : null,
    };
  });
  return { xactPerPoll: perPoll, wait, pollMs: pollMs ?? 'max(100, 10 × in flight)', summary, ratios, runs };
}
