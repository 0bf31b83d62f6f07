#!/usr/bin/env node
// `npm run bench`: measures the product beside bare Temporal and its reads at city scale, on a stack of its
// own (database `<app database>_bench`, a Temporal dev server, the product's worker and API from dist/),
// started and stopped here. Options: see `npm run bench -- --help` and the README.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { apiClient } from './lib/http.mjs';
import { say } from './lib/measure.mjs';
import { RESULTS_DIR, prepare, startStack } from './lib/stack.mjs';
import { markdownReport } from './lib/report.mjs';
import { workflowBench } from './lanes/workflow-bench.mjs';
import { readsBench } from './reads/reads-bench.mjs';
import { freshnessBench } from './reads/freshness-bench.mjs';
import { resolutionBench } from './reads/resolution-bench.mjs';

const PARTS = ['workflows', 'reads', 'freshness', 'resolution'];
const HELP = `npm run bench [-- options]
  --smoke              tiny sizes, one repetition, a few seconds per part (npm test runs it)
  --only a,b           parts to run: ${PARTS.join(', ')} (default: all)
  --inflight 10,50     closed-loop procedures in flight
  --repetitions 3      repetitions of the alternated lanes
  --per-run N          procedures per lane run (default: 2 × in flight)
  --wards N            bench wards the P1 lane spreads its slots over (default: the largest in flight)
  --wait events        how P1 waits between actions: events (the SSE stream, as the web app; a read only
                       when no event came for 2 s) or poll (GET /api/procedures/:id every --poll-ms)
  --poll-ms N          P1's status poll interval with --wait poll (default: max(100, 10 × in flight) ms)
  --procedures 100000  open procedures in the synthetic city (reads)
  --connections 10,50  autocannon connections (reads)
  --duration 5         seconds per autocannon run
  --read-repetitions 3 API and raw runs alternated per read and connection count (medians reported)
  --freshness 30       approvals timed for freshness
  --resolution-runs 3  preview + issue runs of the 96-item resolution
  --web-runs 7         first loads of the web app in Chromium, each in a new browser context (resolution)
  --skip-setup         do not run scripts/setup.mjs first (dist/ must be built)
  --out FILE           also write the JSON report to FILE`;

const { values } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    only: { type: 'string' },
    inflight: { type: 'string' },
    repetitions: { type: 'string' },
    'per-run': { type: 'string' },
    wards: { type: 'string' },
    'poll-ms': { type: 'string' },
    wait: { type: 'string', default: 'events' },
    procedures: { type: 'string' },
    connections: { type: 'string' },
    duration: { type: 'string' },
    'read-repetitions': { type: 'string' },
    freshness: { type: 'string' },
    'resolution-runs': { type: 'string' },
    'web-runs': { type: 'string' },
    'skip-setup': { type: 'boolean', default: false },
    out: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write(`${HELP}\n`);
  process.exit(0);
}
const smoke = values.smoke;
const list = (v, fallback) => (v ? v.split(',').map((x) => Number(x.trim())) : fallback);
const num = (v, full, small) => (v !== undefined ? Number(v) : smoke ? small : full);
const options = {
  smoke,
  parts: values.only ? values.only.split(',') : PARTS,
  inflights: list(values.inflight, smoke ? [2] : [10, 50]),
  repetitions: num(values.repetitions, 3, 1),
  perRunOption: values['per-run'] === undefined ? undefined : Number(values['per-run']),
  wards: values.wards === undefined ? undefined : Number(values.wards),
  pollMs: values['poll-ms'] === undefined ? undefined : Number(values['poll-ms']),
  wait: values.wait,
  warmup: smoke ? 0 : 3,
  procedures: num(values.procedures, 100_000, 300),
  connections: list(values.connections, smoke ? [2] : [10, 50]),
  duration: num(values.duration, 5, 1),
  readRepetitions: num(values['read-repetitions'], 3, 1),
  freshnessSamples: num(values.freshness, 30, 3),
  resolutionRuns: num(values['resolution-runs'], 3, 1),
  webRuns: num(values['web-runs'], 7, 2),
};
// One bench ward per slot by default: no two procedures in flight share a ward's register.
options.wards ??= Math.max(...options.inflights);
options.perRun = (inflight) => options.perRunOption ?? (smoke ? 2 : 2 * inflight);
if (!['events', 'poll'].includes(options.wait))
  throw new Error(`--wait is events or poll, not "${options.wait}"`);
for (const part of options.parts)
  if (!PARTS.includes(part)) throw new Error(`Unknown part "${part}" (parts: ${PARTS.join(', ')})`);

const startedAt = new Date();
say(`kientoan bench${smoke ? ' (smoke)' : ''}: ${options.parts.join(', ')}`);
prepare({ skipSetup: values['skip-setup'] });
const stack = await startStack();
const stopOnSignal = () => void stack.stop().then(() => process.exit(130));
process.once('SIGINT', stopOnSignal);
process.once('SIGTERM', stopOnSignal);

const report = {
  startedAt: startedAt.toISOString(),
  smoke,
  machine: {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model ?? null,
    loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))),
    memoryGb: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    node: process.version,
  },
  options: { ...options, perRun: undefined },
};
let failed;
try {
  const api = apiClient(stack.baseUrl);
  if (options.parts.includes('workflows')) report.workflows = await workflowBench(stack, api, options);
  if (options.parts.includes('reads')) report.reads = await readsBench(stack, api, options);
  if (options.parts.includes('freshness')) report.freshness = await freshnessBench(stack, api, options);
  if (options.parts.includes('resolution')) report.resolution = await resolutionBench(stack, api, options);
} catch (error) {
  failed = error;
  report.error = String(error?.stack ?? error);
} finally {
  say('Stopping the stack…');
  await stack.stop();
}
report.finishedAt = new Date().toISOString();
report.machine.loadAverageAtEnd = os.loadavg().map((l) => Number(l.toFixed(2)));

fs.mkdirSync(RESULTS_DIR, { recursive: true });
const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
const base = `${smoke ? 'smoke' : 'bench'}-${stamp}`;
const markdown = markdownReport(report);
fs.writeFileSync(path.join(RESULTS_DIR, `${base}.json`), JSON.stringify(report, null, 2));
fs.writeFileSync(path.join(RESULTS_DIR, `${base}.md`), markdown);
const latest = smoke ? 'latest-smoke' : 'latest';
fs.writeFileSync(path.join(RESULTS_DIR, `${latest}.json`), JSON.stringify(report, null, 2));
fs.writeFileSync(path.join(RESULTS_DIR, `${latest}.md`), markdown);
if (values.out) fs.writeFileSync(values.out, JSON.stringify(report, null, 2));
process.stdout.write(`\n${markdown}\n`);
say(`Results: bench/results/${base}.json and .md (also ${latest}.json / .md)`);
if (failed) {
  say(`Failed: ${failed?.message ?? failed}`);
  process.exit(1);
}
