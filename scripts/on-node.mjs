#!/usr/bin/env node
// `node scripts/on-node.mjs '<shell command>'` or `node scripts/on-node.mjs <program> [args…]`: runs it on a
// supported Node (22 or 24 LTS). Where the
// machine's Node is older, the project's Node 24 (.tools/node, installed once from the npm registry) is put
// first on PATH, so the command and all it starts — npm, jest, nest, tsc, the apps — run on it. The npm
// scripts that run project code (`npm test`, `npm start`, the apps, Jest) go through here; so does CI.
import { spawnSync } from 'node:child_process';
import { say } from './lib/run.mjs';
import { LOCAL_NODE_VERSION, supportedNodeEnvironment } from './lib/supported-node.mjs';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  process.stderr.write("usage: node scripts/on-node.mjs '<shell command>' | <program> [args…]\n");
  process.exit(2);
}
const { env, local } = supportedNodeEnvironment();
if (local)
  say(
    `Node ${process.versions.node} is out of support: running on the project's Node ${LOCAL_NODE_VERSION} (.tools/node).`,
  );
/** One argument for POSIX sh, quoted unless plainly safe. */
const shellQuote = (arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`);
// One argument is a shell command line (`a && b`); a shell command line followed by arguments (`npm run
// test:faults -- --only x`) gets them appended to its last command; otherwise a program and its arguments,
// passed as they are.
const isCommandLine = /\s/.test(command);
const result =
  args.length === 0 || isCommandLine
    ? spawnSync([command, ...args.map(shellQuote)].join(' '), { shell: true, stdio: 'inherit', env })
    : spawnSync(command, args, { stdio: 'inherit', env });
if (result.error) process.stderr.write(`on-node: ${command}: ${result.error.message}\n`);
if (result.signal) process.kill(process.pid, result.signal);
process.exit(result.status ?? 1);
