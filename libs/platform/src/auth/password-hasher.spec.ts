import { setTimeout as sleep } from 'node:timers/promises';
import { MAX_CONCURRENT_SCRYPT, hashPassword, verifyPassword, withScryptSlot } from './password-hasher';

describe('password hashing', () => {
  it('given a hash, when verified with the same password (in another Unicode form), then true; with another, false', async () => {
    const stored = await hashPassword('Mật khẩu 1');

    expect(await verifyPassword('Mật khẩu 1'.normalize('NFD'), stored)).toBe(true);
    expect(await verifyPassword('Mật khẩu 2', stored)).toBe(false);
  });

  it('given many sign-ins at once, when they hash, then at most two run together (libuv threads stay free for the requests), in arrival order, and all finish', async () => {
    let now = 0;
    let most = 0;
    const started: number[] = [];
    const results = await Promise.all(
      [0, 1, 2, 3, 4, 5, 6].map((i) =>
        withScryptSlot(async () => {
          started.push(i);
          now += 1;
          most = Math.max(most, now);
          await sleep(15);
          now -= 1;
          return i;
        }),
      ),
    );

    expect(MAX_CONCURRENT_SCRYPT).toBe(2);
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('given a hashing that fails, when it ends, then its slot is given back', async () => {
    await expect(withScryptSlot(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(withScryptSlot(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');

    await expect(
      Promise.all([1, 2, 3].map((i) => withScryptSlot(() => Promise.resolve(i)))),
    ).resolves.toEqual([1, 2, 3]);
  });
});
