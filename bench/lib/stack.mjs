/* global fetch */
// The embedded stack the bench measures, all of its own: a PostgreSQL database `<app database>_bench` on the
// same server, a Temporal dev server (in memory, headless) on a free port, the product's worker and API from
// dist/ (built by scripts/setup.mjs), and a worker for the bare-Temporal lanes. Started and stopped here.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import pg from 'pg';
import { say, sleep } from './measure.mjs';

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
export const RESULTS_DIR = path.join(ROOT, 'bench', 'results');
const { startDevServer, freePort, stopProcess } = require('../../scripts/temporal/dev-server.cjs');

const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/kientoan';
export const BARE_TASK_QUEUE = 'kientoan-bench-bare';

/** `<DATABASE_URL's database>_bench` on the same server (or BENCH_DATABASE_URL). */
export function benchDatabaseUrl() {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  const url = new URL(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
  url.pathname = `/${url.pathname.slice(1) || 'kientoan'}_bench`;
  return url.toString();
}

export const databaseNameOf = (url) => decodeURIComponent(new URL(url).pathname.slice(1));

function runStep(label, command, args, env = process.env) {
  const started = Date.now();
  say(`${label}…`);
  const result = spawnSync(command, args, { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0)
    throw new Error(`${label} failed (${command} ${args.join(' ')} → ${result.status})`);
  say(`${label}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Builds dist/ and prepares the bench database: migrations, the 126 wards, the generated city registry. */
export function prepare({ skipSetup = false } = {}) {
  if (!skipSetup)
    runStep('Set-up (build when sources changed)', process.execPath, ['scripts/setup.mjs', '--skip-seed']);
  const env = { ...process.env, DATABASE_URL: benchDatabaseUrl() };
  const name = databaseNameOf(env.DATABASE_URL);
  runStep(`Database ${name}: migrations`, process.execPath, ['scripts/db/migrate.mjs', 'deploy'], env);
  runStep(`Database ${name}: communes and wards`, process.execPath, ['scripts/db/seed-wards.mjs'], env);
  runStep(
    `Database ${name}: city registry and demo accounts (progress per ward; skipped where seeded)`,
    process.execPath,
    ['dist/apps/cli/apps/cli/src/main.js', 'seed'],
    env,
  );
}

/** `BENCH_PROFILE=1`: the worker and the API write V8 CPU profiles to bench/results/profiles on exit. */
const PROFILE_DIR = path.join(RESULTS_DIR, 'profiles');
const nodeArgs = () =>
  process.env.BENCH_PROFILE === '1' ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];

function launch(name, file, env, logFile) {
  const out = fs.openSync(logFile, 'a');
  // Named to PostgreSQL (pg reads PGAPPNAME): pg_stat_activity and statement logs tell the processes apart.
  const child = spawn(process.execPath, [...nodeArgs(), file], {
    cwd: ROOT,
    env: { ...env, PGAPPNAME: `kientoan-bench-${name}` },
    stdio: ['ignore', out, out],
  });
  child.on('exit', (code, signal) => {
    if (!child.benchStopping) say(`${name} exited (${signal ?? code}); see ${path.relative(ROOT, logFile)}`);
  });
  return child;
}

async function waitForHealth(baseUrl, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(300);
  }
  throw new Error(`the API at ${baseUrl} did not become healthy within ${timeoutMs} ms`);
}

/** Waits for a child's "ready" line on stdout (the bare worker prints it once it polls). */
function waitForLine(child, marker, timeoutMs = 60_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${marker}" within ${timeoutMs} ms`)), timeoutMs);
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (line.includes(marker)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before "${marker}"`));
    });
  });
}

/**
 * Starts Temporal, the product's worker and API, and the bare worker. Returns addresses, pids, a pg pool on
 * the bench database, and stop().
 */
export async function startStack() {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const logs = path.join(RESULTS_DIR, 'logs');
  fs.mkdirSync(logs, { recursive: true });
  const databaseUrl = benchDatabaseUrl();
  const cli = process.env.TEMPORAL_CLI_PATH ?? path.join(ROOT, '.tools', 'bin', 'temporal');
  const stoppers = [];
  let stopping;
  // Once only (a signal and the normal end may both ask), last started first.
  const stop = () =>
    (stopping ??= (async () => {
      for (const s of [...stoppers].reverse()) await s();
    })());
  try {
    say('Starting the Temporal dev server (in memory, headless)…');
    const temporal = await startDevServer({ cli, headless: true, logFile: path.join(logs, 'temporal.log') });
    stoppers.push(() => temporal.stop());
    const apiPort = await freePort();
    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: temporal.namespace,
      API_PORT: String(apiPort),
      // Local development mode: the reads sign in as the seeded demo accounts, which production refuses. A
      // random token secret of its own, so the bench never touches the developer's `.data/` secret.
      NODE_ENV: 'development',
      AUTH_TOKEN_SECRET: randomBytes(48).toString('base64url'),
    };
    say(`Temporal at ${temporal.address}; starting the product's worker and API (port ${apiPort})…`);
    const worker = launch(
      'worker',
      'dist/apps/worker/apps/worker/src/main.js',
      env,
      path.join(logs, 'worker.log'),
    );
    stoppers.push(() => ((worker.benchStopping = true), stopProcess(worker)));
    const api = launch('api', 'dist/apps/api/apps/api/src/main.js', env, path.join(logs, 'api.log'));
    stoppers.push(() => ((api.benchStopping = true), stopProcess(api)));
    const baseUrl = `http://127.0.0.1:${apiPort}`;
    await waitForHealth(baseUrl, api);

    say('Starting the bare-Temporal worker (bundles its workflows)…');
    const bare = spawn(process.execPath, ['bench/workflows/bare-worker.mjs'], {
      cwd: ROOT,
      env: { ...env, BENCH_TASK_QUEUE: BARE_TASK_QUEUE },
      stdio: ['ignore', 'pipe', fs.openSync(path.join(logs, 'bare-worker.log'), 'a')],
    });
    stoppers.push(() => ((bare.benchStopping = true), stopProcess(bare)));
    await waitForLine(bare, 'bench-bare-worker ready');
    bare.stdout.resume();

    const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
    stoppers.push(() => pool.end());
    // Counters (pg_stat_database, pg_stat_activity) are read from another database, so that reading them
    // adds no transaction to the bench database's count.
    const adminUrl = new URL(databaseUrl);
    adminUrl.pathname = '/postgres';
    const admin = new pg.Pool({ connectionString: adminUrl.toString(), max: 2 });
    stoppers.push(() => admin.end());
    say('Stack is up.');
    return {
      databaseUrl,
      database: databaseNameOf(databaseUrl),
      temporalAddress: temporal.address,
      namespace: temporal.namespace,
      baseUrl,
      pool,
      admin,
      pids: {
        temporal: temporal.pid,
        worker: worker.pid,
        api: api.pid,
        bareWorker: bare.pid,
        bench: process.pid,
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
