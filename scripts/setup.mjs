#!/usr/bin/env node
// All set-up, idempotent and fast when nothing changed; run by both `npm start` and `npm test`.
//   0. a supported Node (22 or 24 LTS; else the project's Node 24 in .tools/node, from the npm registry)
//   1. dependencies from the lockfile (npm ci) when missing or stale
//   2. Prisma client (generated with the offline engine stub)
//   3. Temporal CLI at a pinned version in .tools/bin (go install, once)
//   4. PostgreSQL reachable (starts the local cluster when installed and stopped), databases migrated
//   5. reference data (126 communes and wards)
//   6. build (API, worker, CLI, workflow bundle; the web app into dist/web) when sources changed
//   7. the generated city registry below the wards (`npm run seed`; skipped where already seeded)
// `--for-tests` also prepares the test database and a Chromium for the browser tests.
// Only Node built-ins are imported statically: node_modules may not exist yet.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, capture, hashFiles, listFiles, readStamp, run, say, timed, writeStamp } from './lib/run.mjs';
import { reexecOnSupportedNode } from './lib/supported-node.mjs';

const forTests = process.argv.includes('--for-tests');
const skipSeed = process.argv.includes('--skip-seed');
const started = Date.now();

// 0. Node 22 or 24 LTS: on an older Node, the project's Node 24 (.tools/node) runs this script instead.
reexecOnSupportedNode();

// 1. Dependencies
const lockHash = hashFiles([path.join(ROOT, 'package-lock.json')]);
const installStamp = path.join(ROOT, 'node_modules', '.kientoan-lock-hash');
if (readStamp(installStamp) !== lockHash) {
  await timed('Dependencies installed from package-lock.json', () =>
    run('npm', ['ci', '--no-audit', '--no-fund']),
  );
  writeStamp(installStamp, lockHash);
}

// 2. Prisma client
const schemaHash = hashFiles([
  path.join(ROOT, 'prisma', 'schema.prisma'),
  path.join(ROOT, 'package-lock.json'),
]);
const clientStamp = path.join(ROOT, 'prisma', 'generated', '.schema-hash');
if (readStamp(clientStamp) !== schemaHash) {
  await timed('Prisma client generated', () => run('npx', ['--no-install', 'prisma', 'generate']));
  writeStamp(clientStamp, schemaHash);
}

// 3. Temporal CLI (skipped when an existing cluster is configured)
const { ensureTemporalCli } = await import('./temporal/install-cli.mjs');
if (!process.env.TEMPORAL_ADDRESS || forTests) ensureTemporalCli();

// 4. PostgreSQL
const { databaseUrl, withDatabase, databaseName } = await import('./db/database-url.mjs');
const pg = (await import('pg')).default;
const { connectionConfig } = await import('./db/pg-adapter-factory.mjs');

async function reachable(url) {
  const client = new pg.Client({
    ...connectionConfig(withDatabase(url, 'postgres')),
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const url = databaseUrl();
if (!(await reachable(url))) {
  const clusters = capture('pg_lsclusters', ['--no-header']);
  const line = clusters.ok ? clusters.stdout.split('\n').find((l) => l.trim()) : undefined;
  if (!line) {
    say(
      `PostgreSQL is not reachable at ${new URL(url).host} and no local cluster is installed. Set DATABASE_URL.`,
    );
    process.exit(1);
  }
  const [version, cluster] = line.trim().split(/\s+/);
  say(`Starting local PostgreSQL cluster ${version}/${cluster}…`);
  run('pg_ctlcluster', ['--skip-systemctl-redirect', version, cluster, 'start']);
  if (!(await reachable(url))) {
    say(`PostgreSQL still not reachable at ${new URL(url).host}.`);
    process.exit(1);
  }
}

const testUrl = process.env.DATABASE_URL_TEST || withDatabase(url, `${databaseName(url)}_test`);
const databases = forTests ? [testUrl] : [url];
for (const target of databases) {
  await timed(`Database ${databaseName(target)} migrated`, () =>
    run(process.execPath, ['scripts/db/migrate.mjs', 'deploy'], {
      env: { ...process.env, DATABASE_URL: target },
    }),
  );
  run(process.execPath, ['scripts/db/seed-wards.mjs'], {
    env: { ...process.env, DATABASE_URL: target },
    stdio: 'ignore',
  });
}

// 6. Build
const WEB_ROOT = path.join(ROOT, 'apps', 'web');
const sources = [
  ...listFiles(
    path.join(ROOT, 'apps'),
    (f) => f.endsWith('.ts') && !/\.(e2e-)?spec\.ts$/.test(f) && !f.startsWith(WEB_ROOT),
  ),
  ...listFiles(path.join(ROOT, 'libs'), (f) => f.endsWith('.ts') && !/\.spec\.ts$/.test(f)),
  ...[
    'tsconfig.json',
    'tsconfig.build.json',
    'nest-cli.json',
    'package-lock.json',
    'prisma/schema.prisma',
  ].map((f) => path.join(ROOT, f)),
];
const buildHash = hashFiles(sources);
const buildStamp = path.join(ROOT, 'dist', '.build-hash');
if (readStamp(buildStamp) !== buildHash || !fs.existsSync(path.join(ROOT, 'dist', 'workflow-bundle.js'))) {
  await timed('Built API, worker and workflow bundle', () => run('npm', ['run', '--silent', 'build']));
  writeStamp(buildStamp, buildHash);
}

// The web app (Vite): its sources, its config and the lockfile decide whether to rebuild.
const webHash = hashFiles([
  ...listFiles(WEB_ROOT, (f) => !/\.(spec|test)\.tsx?$/.test(f)),
  path.join(ROOT, 'package-lock.json'),
]);
const webStamp = path.join(ROOT, 'dist', '.web-build-hash');
if (readStamp(webStamp) !== webHash || !fs.existsSync(path.join(ROOT, 'dist', 'web', 'index.html'))) {
  await timed('Built the web app into dist/web', () =>
    run('npx', [
      '--no-install',
      'vite',
      'build',
      '--config',
      'apps/web/vite.config.mts',
      '--logLevel',
      'warn',
    ]),
  );
  writeStamp(webStamp, webHash);
}

// Chromium for the browser tests (test/browser): Debian's package when missing and root, else CHROMIUM_PATH.
if (forTests) {
  const { ensureChromium } = await import('./browser/ensure-chromium.mjs');
  await ensureChromium();
}

// 7. Registry seed (idempotent: wards that already have units are skipped)
for (const target of skipSeed ? [] : databases) {
  await timed(`Registry of ${databaseName(target)} seeded`, () =>
    run(process.execPath, ['dist/apps/cli/apps/cli/src/main.js', 'seed'], {
      env: { ...process.env, DATABASE_URL: target },
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
  );
}

say(`Set-up complete in ${((Date.now() - started) / 1000).toFixed(1)} s`);
