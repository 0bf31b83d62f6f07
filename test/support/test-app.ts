/**
 * The real API (the same AppModule and configureApp as main.ts) and a real worker, wired to the test
 * servers. Each test file gets its own task queue, so files never pick up each other's workflows.
 */
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { Client, Connection } from '@temporalio/client';
import { type Clock, type PrismaClient, createPrismaClient, systemClock } from '@kientoan/platform';
import type { ProcedureActivities } from '@kientoan/workflows';
import { configureApp } from '../../apps/api/src/bootstrap/configure-app';
import { CLOCK } from '../../apps/api/src/infrastructure/infrastructure.module';
import { createProcedureActivities } from '../../apps/worker/src/activities/procedure-steps.activities';
import { createDefaultNotifier } from '../../apps/worker/src/notifications/default-notifier';
import { createProcedureWorker } from '../../apps/worker/src/temporal/create-procedure-worker';
import { readTestEnvironment } from './test-environment';

export interface TestStack {
  readonly app: INestApplication;
  readonly prisma: PrismaClient;
  readonly temporal: Client;
  readonly taskQueue: string;
  /** `faults` replaces activities (e.g. one that fails non-retryably), the rest are the real ones. */
  startWorker(options?: {
    faults?: (real: ProcedureActivities) => Partial<ProcedureActivities>;
  }): Promise<RunningWorker>;
  close(): Promise<void>;
}

export interface RunningWorker {
  readonly worker: Worker;
  stop(): Promise<void>;
}

let runtimeInstalled = false;
const quietTemporalRuntime = (): void => {
  if (runtimeInstalled) return;
  Runtime.install({ logger: new DefaultLogger('WARN') });
  runtimeInstalled = true;
};

export interface TestStackOptions {
  /** "Now" for the API and the worker (default: the system clock); see `TestClock`. */
  readonly clock?: Clock;
  /** A working day of this many milliseconds (DEADLINE_WORKING_DAY_MS), to see deadlines pass. */
  readonly workingDayMs?: number;
  /** The Temporal address the API uses (default: the test server); a dead one simulates Temporal being down. */
  readonly apiTemporalAddress?: string;
}

export const createTestStack = async (options: TestStackOptions = {}): Promise<TestStack> => {
  const { clock = systemClock, workingDayMs } = options;
  quietTemporalRuntime();
  const env = readTestEnvironment();
  const taskQueue = `kientoan-test-${randomUUID()}`;
  Object.assign(process.env, {
    DATABASE_URL: env.databaseUrl,
    TEMPORAL_ADDRESS: options.apiTemporalAddress ?? env.temporalAddress,
    TEMPORAL_NAMESPACE: env.temporalNamespace,
    TEMPORAL_TASK_QUEUE: taskQueue,
    WORKFLOW_BUNDLE_PATH: env.workflowBundlePath,
  });
  if (workingDayMs !== undefined) process.env.DEADLINE_WORKING_DAY_MS = String(workingDayMs);

  // Imported only now: ConfigModule.forRoot reads process.env when the module file is first evaluated.
  const { AppModule } = await import('../../apps/api/src/app.module');
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(CLOCK)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
  configureApp(app);
  await app.init();

  const prisma = createPrismaClient({ url: env.databaseUrl, poolSize: 5 });
  const clientConnection = await Connection.connect({ address: env.temporalAddress });
  const temporal = new Client({ connection: clientConnection, namespace: env.temporalNamespace });
  const workers: RunningWorker[] = [];

  const startWorker: TestStack['startWorker'] = async (options = {}) => {
    const connection = await NativeConnection.connect({ address: env.temporalAddress });
    const workerPrisma = createPrismaClient({ url: env.databaseUrl, poolSize: 5 });
    const real = createProcedureActivities({
      prisma: workerPrisma,
      clock,
      notifier: createDefaultNotifier(workerPrisma, clock),
    });
    const worker = await createProcedureWorker({
      connection,
      namespace: env.temporalNamespace,
      taskQueue,
      activities: { ...real, ...options.faults?.(real) },
      workflowBundlePath: env.workflowBundlePath,
    });
    const running = worker.run();
    const handle: RunningWorker = {
      worker,
      stop: async () => {
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await running;
        await connection.close();
        await workerPrisma.$disconnect();
      },
    };
    workers.push(handle);
    return handle;
  };

  return {
    app,
    prisma,
    temporal,
    taskQueue,
    startWorker,
    close: async () => {
      await Promise.all(workers.map((w) => w.stop()));
      await app.close();
      await prisma.$disconnect();
      await clientConnection.close();
      if (workingDayMs !== undefined) delete process.env.DEADLINE_WORKING_DAY_MS;
    },
  };
};

/** Polls until `probe` returns a value that is not undefined, or fails after `timeoutMs`. */
export const eventually = async <T>(
  probe: () => Promise<T | undefined>,
  timeoutMs = 30_000,
  what = 'condition',
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
};
