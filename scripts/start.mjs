#!/usr/bin/env node
// `npm start`: the whole system on one machine. Starts the Temporal dev server (SQLite file under .data, so
// procedures survive a restart; Web UI on its own port) unless TEMPORAL_ADDRESS names an existing cluster,
// then the worker and the API. Prints the URLs. Ctrl-C stops everything. A worker or API that crashes is
// started again after a back-off (1 s, 2 s, 4 s … 30 s; reset after a minute of running) and the log says so;
// the rest of the stack keeps running meanwhile.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { ROOT, say } from './lib/run.mjs';
import { reexecOnSupportedNode } from './lib/supported-node.mjs';
import { temporalCliPath } from './temporal/install-cli.mjs';

// The apps are launched with this process's Node: make it a supported one.
reexecOnSupportedNode();

const require = createRequire(import.meta.url);
const { SEARCH_ATTRIBUTES, startDevServer, stopProcess } = require('./temporal/dev-server.cjs');

// .env is read by the apps (ConfigModule) too; the launcher needs the same ports.
const envFile = path.join(ROOT, '.env');
if (fs.existsSync(envFile)) {
  for (const line of fs.readFileSync(envFile, 'utf8').split('\n')) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line);
    if (match && !(match[1] in process.env)) process.env[match[1]] = match[2].replace(/^["']|["']$/g, '');
  }
}

const dataDir = path.join(ROOT, '.data');
fs.mkdirSync(dataDir, { recursive: true });
const children = [];
let stopping = false;

async function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  say('Stopping…');
  // API first (it refuses new actions while stopping), then the worker (it drains in-flight steps, up to 20 s),
  // then Temporal.
  for (const child of [...children].reverse())
    await stopProcess(child.process, child.name === 'worker' ? 25_000 : 5_000);
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

/** Back-off before restart number `attempt` (0-based): 1 s doubling to 30 s. */
const restartDelayMs = (attempt) => Math.min(30_000, 1_000 * 2 ** attempt);
/** A process that ran this long before crashing is considered healthy again: its back-off starts over. */
const HEALTHY_AFTER_MS = 60_000;

function launch(name, file) {
  const entry = { name, process: undefined };
  children.push(entry);
  let attempt = 0;
  const spawnOnce = () => {
    const startedAt = Date.now();
    const child = spawn(process.execPath, ['--enable-source-maps', file], {
      cwd: ROOT,
      env: process.env,
      stdio: 'inherit',
    });
    entry.process = child;
    child.on('exit', (code, signal) => {
      if (stopping) return;
      if (Date.now() - startedAt >= HEALTHY_AFTER_MS) attempt = 0;
      const delay = restartDelayMs(attempt++);
      say(
        `${name} exited (${signal ?? code}); restarting it in ${delay / 1000} s (restart ${attempt}). ` +
          'The rest of the stack keeps running.',
      );
      const timer = setTimeout(() => {
        if (stopping) return;
        say(`Restarting ${name}…`);
        spawnOnce();
      }, delay);
      // Until then, stopping the stack only has to cancel the pending restart.
      entry.process = {
        exitCode: null,
        signalCode: null,
        kill: () => clearTimeout(timer),
        once: (_event, callback) => callback(),
      };
    });
  };
  spawnOnce();
}

async function startTemporal() {
  if (process.env.TEMPORAL_ADDRESS) {
    say(`Using the Temporal cluster at ${process.env.TEMPORAL_ADDRESS} (TEMPORAL_ADDRESS is set).`);
    return { uiUrl: process.env.TEMPORAL_UI_URL };
  }
  const port = Number(process.env.TEMPORAL_PORT || 7233);
  const uiPort = Number(process.env.TEMPORAL_UI_PORT || 8233);
  const cli = temporalCliPath();
  if (cli) {
    const server = await startDevServer({
      cli,
      port,
      uiPort,
      dbFile: path.join(dataDir, 'temporal.sqlite'),
      logFile: path.join(dataDir, 'temporal.log'),
    });
    children.push({ name: 'temporal', process: server.child });
    process.env.TEMPORAL_ADDRESS = server.address;
    return { uiUrl: server.uiUrl };
  }
  // No Go on this machine: let the Temporal SDK download the same dev server (needs internet).
  say('Downloading the Temporal dev server through @temporalio/testing…');
  const { TestWorkflowEnvironment } = require('@temporalio/testing');
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      ip: '127.0.0.1',
      port,
      ui: true,
      uiPort,
      dbFilename: path.join(dataDir, 'temporal.sqlite'),
      searchAttributes: Object.entries(SEARCH_ATTRIBUTES).map(([name, type]) => ({
        name,
        type: type.toUpperCase(),
      })),
    },
  });
  process.env.TEMPORAL_ADDRESS = `127.0.0.1:${port}`;
  children.push({
    name: 'temporal',
    process: { exitCode: null, kill: () => void env.teardown(), once: (_e, cb) => env.teardown().then(cb) },
  });
  return { uiUrl: `http://localhost:${uiPort}` };
}

try {
  const { uiUrl } = await startTemporal();
  launch('worker', 'dist/apps/worker/apps/worker/src/main.js');
  launch('api', 'dist/apps/api/apps/api/src/main.js');
  const apiPort = process.env.API_PORT || 3000;
  say('kientoan is starting:');
  say(
    `  Web app      http://localhost:${apiPort}/   (sign in as bithu.ochodua / kientoan-demo; supervisors: giamsat)`,
  );
  const apiHost = process.env.API_HOST || '127.0.0.1';
  say(`  API          http://${apiHost}:${apiPort}/api (API_HOST=${apiHost})`);
  say(`  API docs     http://localhost:${apiPort}/docs`);
  say(`  Health       http://localhost:${apiPort}/health`);
  if (uiUrl) say(`  Temporal UI  ${uiUrl}   (operators only: no sign-in; supervisors use the board)`);
  say(
    `  Temporal     ${process.env.TEMPORAL_ADDRESS} (namespace ${process.env.TEMPORAL_NAMESPACE || 'default'})`,
  );
  if (process.env.NODE_ENV === 'production') {
    say(
      '  Accounts     production mode: no demo accounts (first admin: npm run cli -- bootstrap-admin <name>)',
    );
  } else {
    say('  Accounts     demo accounts (password "kientoan-demo", see README) for LOCAL DEVELOPMENT ONLY;');
    say('               they are refused when NODE_ENV=production');
  }
  say('Press Ctrl-C to stop.');
} catch (error) {
  say(`Start failed: ${error?.message ?? error}`);
  await stopAll(1);
}
