'use strict';
// Starts the Temporal dev server (`temporal server start-dev`: server, SQLite, Web UI in one binary) and
// waits until it answers. Used by `npm start` and by the Jest global set-up. CommonJS so both can load it.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

// The procedure workflows' search attributes, named once (the workflow code reads the same file).
const SEARCH_ATTRIBUTES = Object.fromEntries(
  Object.values(require('../../libs/workflows/src/procedure/procedure-search-attributes.json')).map((a) => [
    a.name,
    a.type,
  ]),
);
const INDEXED_VALUE_TYPE = { Keyword: 2, Datetime: 6 };

/** A free TCP port on 127.0.0.1 (the OS picks it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilServing(address, namespace, child, timeoutMs) {
  const { Connection } = require('@temporalio/client');
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Temporal dev server exited with code ${child.exitCode}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await connection.workflowService.describeNamespace({ namespace });
        return connection;
      } catch (error) {
        await connection.close();
        throw error;
      }
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  throw new Error(`Temporal dev server at ${address} did not answer within ${timeoutMs} ms: ${lastError}`);
}

/** With an existing --db-filename, new --search-attribute flags may be ignored: add what is missing. */
async function ensureSearchAttributes(connection, namespace) {
  const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
  const missing = Object.entries(SEARCH_ATTRIBUTES).filter(([name]) => !(name in (customAttributes ?? {})));
  if (missing.length === 0) return;
  await connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: Object.fromEntries(missing.map(([name, type]) => [name, INDEXED_VALUE_TYPE[type]])),
  });
}

/**
 * @param {{ cli: string, port?: number, uiPort?: number, headless?: boolean, dbFile?: string,
 *           namespace?: string, logFile?: string, timeoutMs?: number }} options
 */
async function startDevServer(options) {
  const port = options.port ?? (await freePort());
  const namespace = options.namespace ?? 'default';
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--namespace', namespace];
  if (options.headless) args.push('--headless');
  else args.push('--ui-port', String(options.uiPort ?? port + 1000));
  if (options.dbFile) {
    fs.mkdirSync(path.dirname(options.dbFile), { recursive: true });
    args.push('--db-filename', options.dbFile);
  }
  args.push('--sqlite-pragma', 'journal_mode=WAL', '--sqlite-pragma', 'synchronous=NORMAL');
  for (const [name, type] of Object.entries(SEARCH_ATTRIBUTES))
    args.push('--search-attribute', `${name}=${type}`);
  args.push('--log-level', 'warn', '--log-format', 'pretty');

  const out = options.logFile ? fs.openSync(options.logFile, 'a') : 'ignore';
  const child = spawn(options.cli, args, { stdio: ['ignore', out, out], detached: false });
  const address = `127.0.0.1:${port}`;
  const connection = await waitUntilServing(address, namespace, child, options.timeoutMs ?? 30_000);
  try {
    await ensureSearchAttributes(connection, namespace);
  } finally {
    await connection.close();
  }
  return {
    pid: child.pid,
    address,
    namespace,
    uiUrl: options.headless ? undefined : `http://localhost:${options.uiPort ?? port + 1000}`,
    child,
    stop: () => stopProcess(child),
  };
}

function stopProcess(child, graceMs = 5000) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

module.exports = { startDevServer, freePort, stopProcess, SEARCH_ATTRIBUTES };
