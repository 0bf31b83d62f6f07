import fs from 'node:fs';
import path from 'node:path';
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
}

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
    maxConcurrentActivityTaskExecutions: options.maxConcurrentActivityTaskExecutions ?? 20,
  });
};
