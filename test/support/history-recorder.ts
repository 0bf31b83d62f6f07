/**
 * `RECORD_HISTORIES=1` refreshes the histories that test/replay replays against the current workflow code.
 * Histories of runs before a patch keep their own names (e.g. `before-projection-*`) and are never rewritten.
 */
import fs from 'node:fs';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { procedureWorkflowId } from '@kientoan/workflows';
import type { TestStack } from './test-app';

export const HISTORIES = path.join(__dirname, '..', 'fixtures', 'histories');

export const recordHistory = async (stack: TestStack, name: string, procedureId: string): Promise<void> => {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const history = await stack.temporal.workflow.getHandle(procedureWorkflowId(procedureId)).fetchHistory();
  fs.mkdirSync(HISTORIES, { recursive: true });
  fs.writeFileSync(path.join(HISTORIES, `${name}.json`), historyToJSON(history));
};
