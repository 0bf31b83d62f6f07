/**
 * The built API and worker refuse to start where others could reach them without a strong token secret,
 * and say why. Runs the real entry points (`npm run build` output) as child processes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const ENTRY = {
  api: path.join(ROOT, 'dist/apps/api/apps/api/src/main.js'),
  worker: path.join(ROOT, 'dist/apps/worker/apps/worker/src/main.js'),
};

/** Starts an entry point with only the given variables (from an empty folder, so no `.env` is read). */
const start = (entry: string, variables: Record<string, string>) => {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'kientoan-start-'));
  const result = spawnSync(process.execPath, [entry], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...variables },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
};

/** Starts an entry point and stops it (by its pid) once `text` shows in its output, or after 30 s. */
const startUntil = (entry: string, variables: Record<string, string>, text: string): Promise<string> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [entry], {
      cwd: fs.mkdtempSync(path.join(os.tmpdir(), 'kientoan-start-')),
      env: { PATH: process.env.PATH ?? '', ...variables },
    });
    let output = '';
    const stop = () => {
      clearTimeout(timer);
      child.kill('SIGTERM');
      resolve(output);
    };
    const timer = setTimeout(stop, 30_000);
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes(text)) stop();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('exit', stop);
  });

describe('Start-up without a strong secret (built API and worker)', () => {
  beforeAll(() => {
    for (const file of Object.values(ENTRY))
      if (!fs.existsSync(file)) throw new Error(`${file} is missing: run "npm run build" first`);
  });

  it.each(Object.keys(ENTRY) as (keyof typeof ENTRY)[])(
    'given NODE_ENV=production and no AUTH_TOKEN_SECRET, then the %s exits with a message that names the variable and the reason',
    (app) => {
      const { status, output } = start(ENTRY[app], { NODE_ENV: 'production' });
      expect(status).not.toBe(0);
      expect(output).toContain('AUTH_TOKEN_SECRET is required because NODE_ENV is production');
    },
  );

  it('given the API bound beyond loopback in development and no secret, then it exits and says why', () => {
    const { status, output } = start(ENTRY.api, { API_HOST: '0.0.0.0' });
    expect(status).not.toBe(0);
    expect(output).toContain(
      'AUTH_TOKEN_SECRET is required because API_HOST 0.0.0.0 is reachable beyond this machine',
    );
  });

  it('given production with the former built-in secret, then the API exits and says it is refused', () => {
    const { status, output } = start(ENTRY.api, {
      NODE_ENV: 'production',
      AUTH_TOKEN_SECRET: 'kientoan-local-development-secret-change-me',
    });
    expect(status).not.toBe(0);
    expect(output).toContain('AUTH_TOKEN_SECRET is refused');
    expect(output).not.toContain('kientoan-local-development-secret-change-me');
  });

  it('given production with a strong secret, then the API starts, on loopback by default', async () => {
    const output = await startUntil(
      ENTRY.api,
      {
        NODE_ENV: 'production',
        AUTH_TOKEN_SECRET: randomBytes(48).toString('base64url'),
        API_PORT: '0',
        // Connections are lazy: the API starts before it ever reaches PostgreSQL or Temporal.
        DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none',
      },
      'API listening on',
    );
    expect(output).toContain('API listening on http://127.0.0.1:');
    expect(output).not.toContain('AUTH_TOKEN_SECRET');
  });
});
