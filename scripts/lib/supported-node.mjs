// The Node versions kientoan runs on (22 and 24 LTS), and the project's own Node 24 for machines whose Node is
// older: installed once from the npm registry (the `node-<platform>-<arch>` packages ship the official
// binary) into .tools/node. Plain Node built-ins only: this runs before dependencies exist, on any Node ≥ 18.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, run, say } from './run.mjs';

/** Pinned: the version `.tools/node` holds. Raise it with the LTS releases. */
export const LOCAL_NODE_VERSION = '24.21.0';
const LOCAL_NODE_DIR = path.join(ROOT, '.tools', 'node');
const LOCAL_NODE_BIN = path.join(LOCAL_NODE_DIR, 'bin');

/** `engines` in package.json: ^22.12 (require(esm) unflagged) or ^24. */
export const isSupportedNode = (version) => {
  const [major, minor] = version.split('.').map(Number);
  return (major === 22 && minor >= 12) || major === 24;
};

const packageName = () => {
  const platform = { linux: 'linux', darwin: 'darwin', win32: 'win' }[process.platform];
  const arch = { x64: 'x64', arm64: 'arm64' }[process.arch];
  if (!platform || !arch)
    throw new Error(`No Node ${LOCAL_NODE_VERSION} package for ${process.platform}-${process.arch}`);
  return `node-${platform}-${arch}`;
};

const stampFile = path.join(LOCAL_NODE_DIR, '.version');
const installed = () =>
  fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8').trim() === LOCAL_NODE_VERSION;

function install() {
  const spec = `${packageName()}@${LOCAL_NODE_VERSION}`;
  say(
    `Node ${process.versions.node} is not supported (22 or 24 LTS needed): installing Node ${LOCAL_NODE_VERSION} into .tools/node (${spec}, once)…`,
  );
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kientoan-node-'));
  try {
    const packed = spawnSync('npm', ['pack', spec, '--silent', '--pack-destination', scratch], {
      cwd: scratch,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (packed.status !== 0) throw new Error(`npm pack ${spec} failed (status ${packed.status})`);
    const tarball = path.join(scratch, packed.stdout.trim().split('\n').pop());
    fs.rmSync(LOCAL_NODE_DIR, { recursive: true, force: true });
    fs.mkdirSync(LOCAL_NODE_DIR, { recursive: true });
    run('tar', ['-xzf', tarball, '-C', LOCAL_NODE_DIR, '--strip-components=1']);
    const check = spawnSync(path.join(LOCAL_NODE_BIN, 'node'), ['--version'], { encoding: 'utf8' });
    if (check.stdout.trim() !== `v${LOCAL_NODE_VERSION}`)
      throw new Error(
        `.tools/node/bin/node answers "${check.stdout.trim()}", expected v${LOCAL_NODE_VERSION}`,
      );
    fs.writeFileSync(stampFile, `${LOCAL_NODE_VERSION}\n`);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The environment to run project code in: unchanged on a supported Node; otherwise with the project's Node 24
 * first on PATH (installed when missing), so `node`, npm and every `#!/usr/bin/env node` tool resolve to it.
 */
export function supportedNodeEnvironment() {
  if (isSupportedNode(process.versions.node)) return { env: process.env, local: false };
  if (!installed()) install();
  return {
    local: true,
    env: { ...process.env, PATH: `${LOCAL_NODE_BIN}${path.delimiter}${process.env.PATH ?? ''}` },
  };
}

/**
 * For scripts run as `node scripts/x.mjs`: on an unsupported Node, runs this same script again on the
 * project's Node 24 and exits with its status; on a supported one, returns and the script goes on.
 */
export function reexecOnSupportedNode() {
  const { env, local } = supportedNodeEnvironment();
  if (!local) return;
  say(
    `Using the project's Node ${LOCAL_NODE_VERSION} (.tools/node) instead of Node ${process.versions.node}.`,
  );
  const result = spawnSync(path.join(LOCAL_NODE_BIN, 'node'), process.argv.slice(1), {
    stdio: 'inherit',
    env,
  });
  process.exit(result.status ?? 1);
}
