/** Access tokens are accepted only when signed with our secret and carrying every claim we require. */
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import type { ConfigService } from '@nestjs/config';
import { TOKEN_AUDIENCE, TOKEN_ISSUER, TokenService } from './token.service';

const SECRET = randomBytes(48).toString('base64url');
const config = (values: Record<string, unknown>) =>
  ({ get: (key: string) => values[key] }) as unknown as ConfigService;
const service = new TokenService(
  config({ AUTH_TOKEN_SECRET: SECRET, AUTH_ACCESS_TOKEN_SECONDS: 900, AUTH_REFRESH_TOKEN_DAYS: 7 }),
);
const key = (secret: string) => new TextEncoder().encode(secret);

/** A token like ours, with one thing changed. */
interface Forgery {
  secret?: string;
  exp?: string | number | null;
  iss?: string;
  aud?: string;
  iat?: number;
}
const forge = async ({
  secret = SECRET,
  exp = '15m',
  iss = TOKEN_ISSUER,
  aud = TOKEN_AUDIENCE,
  iat,
}: Forgery = {}) => {
  const jwt = new SignJWT({ ver: 0 }).setProtectedHeader({ alg: 'HS256' }).setSubject('bithu.x');
  jwt.setIssuedAt(iat);
  if (exp !== null) jwt.setExpirationTime(exp);
  if (iss) jwt.setIssuer(iss);
  if (aud) jwt.setAudience(aud);
  return jwt.sign(key(secret));
};

describe('TokenService', () => {
  it('given a token it signed, then it answers the account and its token version', async () => {
    await expect(service.verifyAccess(await service.signAccess('bithu.x', 3))).resolves.toEqual({
      userId: 'bithu.x',
      tokenVersion: 3,
    });
  });

  it('given a well-formed token, then it is accepted (the forger below differs only where stated)', async () => {
    await expect(service.verifyAccess(await forge())).resolves.toEqual({
      userId: 'bithu.x',
      tokenVersion: 0,
    });
  });

  it.each([
    ['the former built-in secret', 'kientoan-local-development-secret-change-me'],
    ['a guessable secret', 'secret'],
    ['an empty-looking secret', ' '],
  ])('given a token signed with %s, then it is refused', async (_, secret) => {
    await expect(service.verifyAccess(await forge({ secret }))).resolves.toBeUndefined();
  });

  it('given a token without exp, then it is refused', async () => {
    await expect(service.verifyAccess(await forge({ exp: null }))).resolves.toBeUndefined();
  });

  it('given a token whose exp is ten years away, then it is refused', async () => {
    await expect(service.verifyAccess(await forge({ exp: '3650d' }))).resolves.toBeUndefined();
  });

  it('given a token issued longer ago than the access lifetime, then it is refused even if exp is later', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expect(
      service.verifyAccess(await forge({ iat: now - 3600, exp: now + 3600 })),
    ).resolves.toBeUndefined();
  });

  it.each([
    ['a wrong issuer', { iss: 'someone-else' }],
    ['no issuer', { iss: '' }],
    ['a wrong audience', { aud: 'another-api' }],
    ['no audience', { aud: '' }],
  ])('given a token with %s, then it is refused', async (_, change) => {
    await expect(service.verifyAccess(await forge(change))).resolves.toBeUndefined();
  });

  describe('a token verified before', () => {
    afterEach(() => jest.useRealTimers());
    const at = (ms: number) =>
      jest.useFakeTimers({ now: ms, doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] });

    it('given it is presented again within its lifetime, then the same claims', async () => {
      const token = await service.signAccess('bithu.y', 2);
      await service.verifyAccess(token);
      await expect(service.verifyAccess(token)).resolves.toEqual({ userId: 'bithu.y', tokenVersion: 2 });
    });

    it('given it is presented again after it expired, then it is refused', async () => {
      const start = Date.now();
      at(start);
      const token = await service.signAccess('bithu.z', 1);
      await expect(service.verifyAccess(token)).resolves.toEqual({ userId: 'bithu.z', tokenVersion: 1 });

      at(start + 15 * 60_000 + 6_000);

      await expect(service.verifyAccess(token)).resolves.toBeUndefined();
    });

    it('given its signature is altered, then the altered one is refused', async () => {
      const token = await service.signAccess('bithu.w', 0);
      await service.verifyAccess(token);
      const altered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
      await expect(service.verifyAccess(altered)).resolves.toBeUndefined();
    });
  });
});
