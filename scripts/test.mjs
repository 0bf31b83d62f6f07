#!/usr/bin/env node
// `npm test`: the set-up, then Jest and the static checks side by side. Jest spends most of its time waiting
// on PostgreSQL, Temporal and Chromium, so the type-check, lint and schema checks run on the other core
// meanwhile (about a minute saved on a warm run, three on a fresh one); their output is shown when one fails.
// Arguments go to Jest (`npm test -- test/browser`).
import { spawn, spawnSync } from 'node:child_process';
import { ROOT, say } from './lib/run.mjs';

const setup = spawnSync(process.execPath, ['scripts/setup.mjs', '--for-tests'], {
  cwd: ROOT,
  stdio: 'inherit',
});
if (setup.status !== 0) process.exit(setup.status ?? 1);

const CHECKS = [
  ['type-check', ['run', '--silent', 'typecheck']],
  ['lint and formatting', ['run', '--silent', 'lint']],
  ['dependency rules of libs/domain and libs/workflows', ['run', '--silent', 'check:deps']],
  ['migrations against schema.prisma', ['run', '--silent', 'db:drift']],
  ['API types against the OpenAPI document', ['run', '--silent', 'api:types', '--', '--check']],
];

/** Runs one command with its output kept; resolves with its exit code and output. */
const quietly = (command, args) =>
  new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    child.on('error', (error) => resolve({ code: 1, output: String(error) }));
    child.on('close', (code) => resolve({ code: code ?? 1, output: Buffer.concat(chunks).toString('utf8') }));
  });

const staticChecks = (async () => {
  const failed = [];
  for (const [label, args] of CHECKS) {
    const started = Date.now();
    const { code, output } = await quietly('npm', args);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (code === 0) {
      say(`Static check passed: ${label} (${seconds} s)`);
    } else {
      failed.push(label);
      say(`Static check FAILED: ${label} (${seconds} s):`);
      process.stdout.write(`${output.trimEnd()}\n`);
    }
  }
  return failed;
})();

const jest = new Promise((resolve) => {
  const child = spawn('npx', ['--no-install', 'jest', '--runInBand', ...process.argv.slice(2)], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  child.on('error', () => resolve(1));
  child.on('close', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
});

const [failedChecks, jestCode] = await Promise.all([staticChecks, jest]);
if (failedChecks.length > 0) say(`Failed static checks: ${failedChecks.join('; ')} (output above).`);
if (jestCode !== 0) say(`Jest failed (exit ${jestCode}).`);
process.exit(failedChecks.length > 0 || jestCode !== 0 ? 1 : 0);
