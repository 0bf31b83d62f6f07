/**
 * The secret that signs access tokens. Outside local development there is no usable default: production (or
 * an API reachable beyond loopback) needs a strong AUTH_TOKEN_SECRET, and any built-in, example or guessable
 * value is refused everywhere. Local development generates a random secret once and keeps it under `.data/`.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Values that have shipped with the project or its examples, and the usual placeholders. */
const KNOWN_SECRETS: readonly string[] = [
  'kientoan-local-development-secret-change-me',
  'replace-with-at-least-32-random-characters',
];
// Words of five or more letters, so a random value almost never contains one by chance.
const PLACEHOLDER_WORDS = /change.?me|replace|example|secret|passw|kientoan|default|12345|qwerty/i;
const MIN_LENGTH = 32;
const MIN_DISTINCT_CHARACTERS = 12;

/** Why `secret` is not strong enough (English, for the start-up message), or undefined when it is. */
export const tokenSecretWeakness = (secret: string): string | undefined => {
  if (KNOWN_SECRETS.includes(secret)) return 'it is a value published with the project';
  if (secret.length < MIN_LENGTH) return `it has fewer than ${MIN_LENGTH} characters`;
  if (PLACEHOLDER_WORDS.test(secret)) return 'it contains a guessable word (secret, change-me, kientoan, …)';
  if (new Set(secret).size < MIN_DISTINCT_CHARACTERS)
    return `it has fewer than ${MIN_DISTINCT_CHARACTERS} different characters`;
  return undefined;
};

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1']);
export const isLoopbackHost = (host: string): boolean => LOOPBACK.has(host) || /^127\./.test(host);

export const GENERATE_SECRET_HINT =
  "Generate one with: node -e \"console.log(require('crypto').randomBytes(48).toString('base64url'))\"";

/** Where local development keeps its generated secret. */
export const localSecretFile = (dataDir = path.resolve('.data')): string =>
  path.join(dataDir, 'auth-token-secret');

/**
 * The configured secret, or (only where the schema allowed its absence: local development on loopback) the
 * one generated earlier under the data folder, created now if missing (readable by the owner only).
 */
export const resolveTokenSecret = (configured: string | undefined, file = localSecretFile()): string => {
  if (configured) return configured;
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, randomBytes(48).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    // Another process (API or worker) created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return fs.readFileSync(file, 'utf8').trim();
};
