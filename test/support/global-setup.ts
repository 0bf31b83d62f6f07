/**
 * Starts the real servers the e2e tests need: PostgreSQL (the test database, migrated) and a Temporal dev
 * server on free ports (headless, in memory). The Temporal SDK's own test server launcher allows only 5 s to
 * start, too little on 2 cores, so we start the binary ourselves and wait up to 30 s.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { writeTestEnvironment } from './test-environment';

const ROOT = path.resolve(__dirname, '..', '..');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const devServer = require('../../scripts/temporal/dev-server.cjs') as {
  startDevServer(options: {
    cli: string;
    headless: boolean;
    logFile?: string;
  }): Promise<{ pid: number; address: string; namespace: string }>;
};

/** DATABASE_URL_TEST, else the app database's name + "_test" on the same server (as scripts/setup.mjs). */
const testDatabaseUrl = (): string => {
  if (process.env.DATABASE_URL_TEST) return process.env.DATABASE_URL_TEST;
  const url = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/kientoan');
  url.pathname = `/${url.pathname.slice(1) || 'kientoan'}_test`;
  return url.toString();
};

export default async function globalSetup(): Promise<void> {
  const databaseUrl = testDatabaseUrl();
  execFileSync(process.execPath, ['scripts/db/migrate.mjs', 'deploy'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: 'ignore',
  });
  execFileSync(process.execPath, ['scripts/db/seed-wards.mjs'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: 'ignore',
  });

  // The generated city (idempotent: seeded wards are skipped), when the CLI has been built.
  const seedCli = path.join(ROOT, 'dist', 'apps', 'cli', 'apps', 'cli', 'src', 'main.js');
  if (fs.existsSync(seedCli)) {
    execFileSync(process.execPath, [seedCli, 'seed'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: 'ignore',
    });
  }

  // The workflow bundle is rebuilt from the current source so tests never run stale workflow code.
  const workflowBundlePath = path.join(ROOT, 'dist', 'test', 'workflow-bundle.js');
  execFileSync(process.execPath, ['scripts/bundle-workflows.mjs', workflowBundlePath], {
    cwd: ROOT,
    stdio: 'ignore',
  });

  const cli = process.env.TEMPORAL_CLI_PATH ?? path.join(ROOT, '.tools', 'bin', 'temporal');
  const server = await devServer.startDevServer({
    cli,
    headless: true,
    logFile: path.join(ROOT, 'dist', 'test', 'temporal.log'),
  });
  writeTestEnvironment({
    databaseUrl,
    temporalAddress: server.address,
    temporalNamespace: server.namespace,
    temporalPid: server.pid,
    workflowBundlePath,
  });
}
