#!/usr/bin/env node
// `npm start`: the whole system on one machine. Starts the Temporal dev server (SQLite file under .data, so
// procedures survive a restart; Web UI on its own port) unless TEMPORAL_ADDRESS names an existing cluster,
// then the worker and the API. Prints the URLs. Ctrl-C stops everything.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { ROOT, say } from './lib/run.mjs';
import { temporalCliPath } from './temporal/install-cli.mjs';

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
  for (const child of [...children].reverse()) await stopProcess(child.process);
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

function launch(name, file) {
  const child = spawn(process.execPath, ['--enable-source-maps', file], {
    cwd: ROOT,
    env: process.env,
    stdio: 'inherit',
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      say(`${name} exited (${signal ?? code}); stopping the rest.`);
      void stopAll(code || 1);
    }
  });
  children.push({ name, process: child });
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
  say(`  Web app      http://localhost:${apiPort}/   (sign in as bithu.ochodua / kientoan-demo)`);
  say(`  API          http://localhost:${apiPort}/api`);
  say(`  API docs     http://localhost:${apiPort}/docs`);
  say(`  Health       http://localhost:${apiPort}/health`);
  if (uiUrl) say(`  Temporal UI  ${uiUrl}`);
  say(
    `  Temporal     ${process.env.TEMPORAL_ADDRESS} (namespace ${process.env.TEMPORAL_NAMESPACE || 'default'})`,
  );
  say('Press Ctrl-C to stop.');
} catch (error) {
  say(`Start failed: ${error?.message ?? error}`);
  await stopAll(1);
}
