// The worker of the bare-Temporal lanes: the bench's own workflows (bundled here), no-op activities, its own
// task queue. A separate process so that its CPU is measured apart from the product's worker.
import path from 'node:path';
import { NativeConnection, Worker, bundleWorkflowCode } from '@temporalio/worker';

const here = path.dirname(new URL(import.meta.url).pathname);
const noop = async () => undefined;
const activities = Object.fromEntries(
  [
    'noop',
    'beginStep',
    'checkRules',
    'markWaiting',
    'recordReview',
    'draftResolution',
    'submitDraft',
    'openCommitteeVote',
    'recordVote',
    'closeCommitteeVote',
    'issueDecision',
    'announceDecision',
    'completeProcedure',
  ].map((name) => [name, noop]),
);

const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS });
const workflowBundle = await bundleWorkflowCode({
  workflowsPath: path.join(here, 'bare.workflows.mjs'),
  logger: {
    trace() {},
    debug() {},
    info() {},
    warn() {},
    error: (m) => process.stderr.write(`${m}\n`),
    log() {},
  },
});
const worker = await Worker.create({
  connection,
  namespace: process.env.TEMPORAL_NAMESPACE || 'default',
  taskQueue: process.env.BENCH_TASK_QUEUE,
  workflowBundle,
  activities,
  // Same slot count as the product's worker (WORKER_MAX_CONCURRENT_ACTIVITIES default).
  maxConcurrentActivityTaskExecutions: 20,
});
process.on('SIGTERM', () => worker.shutdown());
process.on('SIGINT', () => worker.shutdown());
const running = worker.run();
process.stdout.write('bench-bare-worker ready\n');
await running;
await connection.close();
