import fs from 'node:fs';
import path from 'node:path';
import type { Duration } from '@temporalio/common';
import { type NativeConnection, Worker } from '@temporalio/worker';
import type { ProcedureActivities } from '@kientoan/workflows';

export interface ProcedureWorkerOptions {
  readonly connection: NativeConnection;
  readonly namespace: string;
  readonly taskQueue: string;
  readonly activities: ProcedureActivities;
  /** The workflow bundle built by `npm run build` (scripts/bundle-workflows.mjs). */
  readonly workflowBundlePath: string;
  readonly maxConcurrentActivityTaskExecutions?: number;
  /** How long a stopping worker lets in-flight activities finish before cancelling them (they then retry elsewhere). */
  readonly shutdownGraceTime?: Duration;
}

/**
 * Steps are short database transactions: 20 s lets every in-flight one commit on SIGTERM (the default, 0,
 * cancels them at once). Keep it below the supervisor's wait before SIGKILL (systemd and Kubernetes: 30 s+).
 */
const DEFAULT_SHUTDOWN_GRACE: Duration = '20 seconds';

/** Production and tests start workers the same way: from the pre-built workflow bundle. */
export const createProcedureWorker = async (options: ProcedureWorkerOptions): Promise<Worker> => {
  const codePath = path.resolve(options.workflowBundlePath);
  if (!fs.existsSync(codePath)) {
    throw new Error(`Workflow bundle not found at ${codePath}. Run "npm run build" first.`);
  }
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    workflowBundle: { codePath },
    activities: options.activities,
    maxConcurrentActivityTaskExecutions: options.maxConcurrentActivityTaskExecutions ?? 10,
    shutdownGraceTime: options.shutdownGraceTime ?? DEFAULT_SHUTDOWN_GRACE,
  });
};
