#!/usr/bin/env node
// Pre-bundles the workflow code (libs/workflows) into dist/workflow-bundle.js, so workers start without
// webpack and run exactly the code that was built.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { bundleWorkflowCode } from '@temporalio/worker';

const require = createRequire(import.meta.url);
const {
  WORKFLOWS_ENTRY,
  webpackConfigHook,
  quietLogger,
} = require('./temporal/workflow-bundler-options.cjs');
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.resolve(process.argv[2] ?? path.join(root, 'dist', 'workflow-bundle.js'));

const started = Date.now();
const { code } = await bundleWorkflowCode({
  workflowsPath: WORKFLOWS_ENTRY,
  webpackConfigHook,
  logger: quietLogger,
});
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, code);
process.stdout.write(
  `Workflow bundle ${path.relative(root, out)}: ${(code.length / 1024).toFixed(0)} KiB in ${Date.now() - started} ms\n`,
);
