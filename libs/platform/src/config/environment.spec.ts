/** Start-up refuses a missing or weak token secret where the API can be reached by others. */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveTokenSecret } from '../auth/token-secret';
import { validateEnvironment } from './environment';

const strong = () => randomBytes(48).toString('base64url');

describe('AUTH_TOKEN_SECRET', () => {
  it('given production and no secret, then start-up fails and says why and how to make one', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'production' })).toThrow(
      /AUTH_TOKEN_SECRET is required because NODE_ENV is production.*randomBytes/,
    );
  });

  it('given development bound beyond loopback and no secret, then start-up fails', () => {
    expect(() => validateEnvironment({ API_HOST: '0.0.0.0' })).toThrow(
      /AUTH_TOKEN_SECRET is required because API_HOST 0\.0\.0\.0 is reachable beyond this machine/,
    );
  });

  it('given development on loopback and no secret, then start-up goes on (a local secret is generated)', () => {
    expect(validateEnvironment({}).AUTH_TOKEN_SECRET).toBeUndefined();
    expect(validateEnvironment({ API_HOST: '::1' }).API_HOST).toBe('::1');
  });

  it.each([
    ['the former built-in default', 'kientoan-local-development-secret-change-me'],
    ['the .env.example placeholder', 'replace-with-at-least-32-random-characters'],
    ['a short value', 'Zq8#kP2!vX'],
    ['a placeholder word', 'mySuperSecretValueForTheKientoanApi2026'],
    ['a change-me value', 'please-change-me-before-going-live-xyz'],
    ['a repeated character', 'a'.repeat(64)],
    ['few different characters', 'abababababcdcdcdcdcdabababababcdcd'],
  ])('given %s, then it is refused in every mode', (_, secret) => {
    for (const NODE_ENV of ['development', 'production'])
      expect(() => validateEnvironment({ NODE_ENV, AUTH_TOKEN_SECRET: secret })).toThrow(
        /AUTH_TOKEN_SECRET is refused/,
      );
  });

  it('given a random secret, then production starts', () => {
    const secret = strong();
    expect(
      validateEnvironment({ NODE_ENV: 'production', API_HOST: '0.0.0.0', AUTH_TOKEN_SECRET: secret })
        .AUTH_TOKEN_SECRET,
    ).toBe(secret);
  });

  it('given local development, then the secret is generated once, kept owner-only and reused', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kientoan-secret-')), 'auth-token-secret');
    const first = resolveTokenSecret(undefined, file);
    expect(first.length).toBeGreaterThanOrEqual(64);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    expect(resolveTokenSecret(undefined, file)).toBe(first);
    expect(resolveTokenSecret('configured', file)).toBe('configured');
  });
});
