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
// One argument is a shell command line (`a && b`); several are a program and its arguments, passed as they are.
const result =
  args.length === 0
    ? spawnSync(command, { shell: true, stdio: 'inherit', env })
    : spawnSync(command, args, { stdio: 'inherit', env });
if (result.signal) process.kill(process.pid, result.signal);
process.exit(result.status ?? 1);
