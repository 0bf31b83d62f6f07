/**
 * Password hashing with scrypt from Node's crypto (OpenSSL): memory-hard, salted, constant-time compare.
 * Format: scrypt$N$r$p$salt$hash (base64), so parameters can be raised later without breaking old hashes.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';

const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

/**
 * At most this many scrypt runs at once. Each holds one of libuv's threads (4 by default) for tens to hundreds of
 * ms, and every authenticated request verifies its access token with WebCrypto on the same threads: in the burst
 * fault scenario 100 sign-ins queued there and made an unrelated action wait 9.3 s before it could even start.
 * Two runs leave the other threads to the requests; sign-ins beyond that wait here, in order.
 */
export const MAX_CONCURRENT_SCRYPT = 2;

let running = 0;
const waiting: (() => void)[] = [];

/** Runs `work` when a slot is free (first come, first served); the slot passes straight to the next waiter. */
export const withScryptSlot = async <T>(work: () => Promise<T>): Promise<T> => {
  if (running < MAX_CONCURRENT_SCRYPT) running += 1;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
};

const scrypt = (password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> =>
  withScryptSlot(
    () =>
      new Promise((resolve, reject) =>
        scryptCallback(
          password.normalize('NFC'),
          salt,
          KEY_LENGTH,
          { N: n, r, p, maxmem: 64 * 1024 * 1024 },
          (error, key) => (error ? reject(error) : resolve(key)),
        ),
      ),
  );

export const hashPassword = async (password: string): Promise<string> => {
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, N, R, P);
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${hash.toString('base64')}`;
};

export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
};
