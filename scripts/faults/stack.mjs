// The isolated stack of the fault suite: its own PostgreSQL cluster (initdb on a free port, so it can be stopped
/* global fetch */
// without touching anyone else's), its own Temporal dev server (SQLite file, restartable on the same file), and
// the built worker and API as child processes, each restartable and killable on demand.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import pg from 'pg';
import { ROOT } from '../lib/run.mjs';

const require = createRequire(import.meta.url);
const { startDevServer, freePort } = require('../temporal/dev-server.cjs');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** PostgreSQL binaries: the Debian layout (/usr/lib/postgresql/<v>/bin), else whatever is on PATH. */
function pgBin(name) {
  const base = '/usr/lib/postgresql';
  if (fs.existsSync(base)) {
    const versions = fs.readdirSync(base).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) {
      const file = path.join(base, v, 'bin', name);
      if (fs.existsSync(file)) return file;
    }
  }
  return name;
}

/** PostgreSQL refuses to run as root: run its tools as the `postgres` user then. */
function asPostgresUser(command, args, options = {}) {
  return isRoot()
    ? execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], options)
    : execFileSync(command, args, options);
}

export class PostgresCluster {
  constructor(dir, port) {
    this.dir = dir;
    this.port = port;
    this.log = path.join(path.dirname(dir), 'postgres.log');
  }

  static async create(workDir) {
    const dir = path.join(workDir, 'pgdata');
    fs.mkdirSync(workDir, { recursive: true });
    if (isRoot()) execFileSync('chown', ['postgres:postgres', workDir]);
    const cluster = new PostgresCluster(dir, await freePort());
    asPostgresUser(pgBin('initdb'), ['-D', dir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8'], {
      stdio: 'ignore',
    });
    await cluster.start();
    return cluster;
  }

  url(database) {
    return `postgresql://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async start() {
    asPostgresUser(
      pgBin('pg_ctl'),
      [
        '-D',
        this.dir,
        '-l',
        this.log,
        '-o',
        `-p ${this.port} -k ${path.dirname(this.dir)} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off`,
        '-w',
        'start',
      ],
      { stdio: 'ignore' },
    );
    for (let i = 0; i < 100; i += 1) {
      const client = new pg.Client({ connectionString: this.url('postgres'), connectionTimeoutMillis: 1000 });
      try {
        await client.connect();
        await client.end();
        return;
      } catch {
        await sleep(200);
      }
    }
    throw new Error(`PostgreSQL on port ${this.port} did not start (see ${this.log})`);
  }

  /** `immediate`: no checkpoint, connections cut, as when the server crashes. */
  stop(mode = 'immediate') {
    try {
      asPostgresUser(pgBin('pg_ctl'), ['-D', this.dir, '-m', mode, '-w', 'stop'], { stdio: 'ignore' });
    } catch {
      // already stopped
    }
  }
}

export class ManagedProcess {
  constructor(name, start) {
    this.name = name;
    this.startFn = start;
    this.child = undefined;
  }

  async start() {
    this.child = await this.startFn();
    return this;
  }

  get running() {
    return Boolean(this.child && this.child.exitCode === null && this.child.signalCode === null);
  }

  /** Sends the signal and waits for the exit (SIGKILL after `graceMs` for a polite signal). */
  kill(signal = 'SIGKILL', graceMs = 30_000) {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = signal === 'SIGKILL' ? undefined : setTimeout(() => child.kill('SIGKILL'), graceMs);
      child.once('exit', () => {
        if (timer) clearTimeout(timer);
        resolve();
      });
      child.kill(signal);
    });
  }
}

const nodeProcess = (file, env, logFile) => () => {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, ['--enable-source-maps', path.join(ROOT, file)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', out, out],
  });
  return Promise.resolve(child);
};

/** Everything the scenarios need, on free ports under one work directory. */
export async function createStack({ workDir, log }) {
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(workDir, { recursive: true });
  log(`PostgreSQL cluster: initdb in ${workDir}/pgdata${isRoot() ? ' (as user postgres)' : ''}`);
  const postgres = await PostgresCluster.create(workDir);
  const database = 'kientoan_faults';
  const databaseUrl = postgres.url(database);
  const admin = new pg.Client({ connectionString: postgres.url('postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();

  const nodeEnv = { ...process.env, DATABASE_URL: databaseUrl };
  log('Migrating and seeding the registry (126 wards and the generated city)…');
  execFileSync(process.execPath, ['scripts/db/migrate.mjs', 'deploy'], {
    cwd: ROOT,
    env: nodeEnv,
    stdio: 'ignore',
  });
  execFileSync(process.execPath, ['scripts/db/seed-wards.mjs'], { cwd: ROOT, env: nodeEnv, stdio: 'ignore' });
  execFileSync(process.execPath, ['dist/apps/cli/apps/cli/src/main.js', 'seed'], {
    cwd: ROOT,
    env: nodeEnv,
    stdio: 'ignore',
  });

  const temporalPort = await freePort();
  const temporalDb = path.join(workDir, 'temporal.sqlite');
  const cli = process.env.TEMPORAL_CLI_PATH ?? path.join(ROOT, '.tools', 'bin', 'temporal');
  const temporal = new ManagedProcess('temporal', async () => {
    const server = await startDevServer({
      cli,
      port: temporalPort,
      headless: true,
      dbFile: temporalDb,
      logFile: path.join(workDir, 'temporal.log'),
      timeoutMs: 60_000,
    });
    return server.child;
  });
  await temporal.start();

  const apiPort = await freePort();
  // Named sessions: a scenario finds the API's open transactions in pg_stat_activity.
  const named = (name) => `${databaseUrl}?application_name=${name}`;
  const appEnv = {
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: 'kientoan-faults',
    WORKFLOW_BUNDLE_PATH: path.join(ROOT, 'dist', 'workflow-bundle.js'),
    API_PORT: String(apiPort),
    NODE_ENV: 'production',
    // Production requires a strong token secret; this stack's own, thrown away with it.
    AUTH_TOKEN_SECRET: randomBytes(48).toString('base64url'),
  };
  const worker = new ManagedProcess(
    'worker',
    nodeProcess(
      'dist/apps/worker/apps/worker/src/main.js',
      { ...appEnv, DATABASE_URL: named('faults-worker') },
      path.join(workDir, 'worker.log'),
    ),
  );
  const api = new ManagedProcess(
    'api',
    nodeProcess(
      'dist/apps/api/apps/api/src/main.js',
      { ...appEnv, DATABASE_URL: named('faults-api') },
      path.join(workDir, 'api.log'),
    ),
  );
  await worker.start();
  await api.start();
  const baseUrl = `http://127.0.0.1:${apiPort}`;
  for (let i = 0; ; i += 1) {
    try {
      const response = await fetch(`${baseUrl}/health`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (i > 300) throw new Error(`API did not become healthy (see ${workDir}/api.log)`);
    await sleep(200);
  }
  const sql = new pg.Pool({ connectionString: databaseUrl, max: 3, connectionTimeoutMillis: 2000 });
  sql.on('error', () => undefined);

  return {
    postgres,
    temporal,
    worker,
    api,
    sql,
    baseUrl,
    databaseUrl,
    async close() {
      await sql.end().catch(() => undefined);
      for (const p of [api, worker, temporal]) await p.kill('SIGKILL');
      postgres.stop('immediate');
    },
  };
}

export const defaultWorkDir = () => path.join(os.tmpdir(), `kientoan-faults-${process.pid}`);
