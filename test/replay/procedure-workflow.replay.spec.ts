/**
 * Replays real recorded histories (test/fixtures/histories, recorded from the e2e tests with
 * RECORD_HISTORIES=1; histories of runs before a patch are kept as `before-<patch>-*.json` and never
 * re-recorded) against the CURRENT workflow code. A change that would break procedures already
 * running in production — a reordered activity, a new timer — fails here with a non-determinism error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DefaultLogger, Runtime, Worker, bundleWorkflowCode } from '@temporalio/worker';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const bundler = require('../../scripts/temporal/workflow-bundler-options.cjs') as {
  WORKFLOWS_ENTRY: string;
  webpackConfigHook: Parameters<typeof bundleWorkflowCode>[0]['webpackConfigHook'];
  quietLogger: Parameters<typeof bundleWorkflowCode>[0]['logger'];
};

const HISTORIES = path.join(__dirname, '..', 'fixtures', 'histories');
const files = fs
  .readdirSync(HISTORIES)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('procedure workflow replay', () => {
  let workflowBundle: { code: string };

  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    workflowBundle = await bundleWorkflowCode({
      workflowsPath: bundler.WORKFLOWS_ENTRY,
      webpackConfigHook: bundler.webpackConfigHook,
      logger: bundler.quietLogger,
    });
  }, 60_000);

  it('has recorded histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
  });

  it.each(files)(
    'given the recorded history %s, when replayed with the current code, then it is deterministic',
    async (file) => {
      const history: unknown = JSON.parse(fs.readFileSync(path.join(HISTORIES, file), 'utf8'));
      await expect(
        Worker.runReplayHistory({ workflowBundle, replayName: file }, history),
      ).resolves.toBeUndefined();
    },
    // A replay takes well under a second alone, but several seconds while the e2e project loads the machine.
    30_000,
  );
});
