/**
 * The front door against the real stack: sign-in answers that tell nothing about who exists, throttling that
 * slows the attacker's address and not the account, tokens that only our secret and our claims make valid,
 * refresh-token reuse that revokes the family, and sessions that end when an admin disables an account or
 * sets a new password.
 */
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import request from 'supertest';
import type { App } from 'supertest/types';
import { resolveTokenSecret } from '@kientoan/platform';
import { type TestStack, createTestStack } from '../support/test-app';
import { aClientAddress, givenAdmin, givenWard } from '../support/factories';
import { TEST_PASSWORD, client, login } from '../support/http-client';

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

describe('Front door (e2e)', () => {
  let stack: TestStack;
  let http: App;
  let admin: ReturnType<typeof client>;

  beforeAll(async () => {
    stack = await createTestStack();
    http = stack.app.getHttpServer() as App;
    admin = client(http, await login(http, await givenAdmin(stack.prisma)));
  });

  afterAll(async () => {
    await stack?.close();
  });

  const signIn = (username: string, password: string, address = aClientAddress()) =>
    request(http).post('/api/auth/login').set('X-Forwarded-For', address).send({ username, password });

  it('given unknown and known usernames with a wrong password, then the status, body and timing are the same over 20 tries', async () => {
    const { users } = await givenWard(stack.prisma, { committeeSize: 1 });
    const known: number[] = [];
    const unknown: number[] = [];
    const answers = new Set<string>();
    for (let i = 0; i < 20; i += 1) {
      // Interleaved, each from an address of its own, so drift and throttling touch both alike.
      for (const [username, times] of [
        [users.reviewer, known],
        [`khong-co-${randomBytes(4).toString('hex')}`, unknown],
      ] as const) {
        const started = process.hrtime.bigint();
        const response = await signIn(username, 'mat-khau-sai-hoan-toan');
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
        answers.add(JSON.stringify([response.status, response.body]));
      }
    }
    expect([...answers]).toEqual([
      JSON.stringify([
        401,
        {
          statusCode: 401,
          code: 'BAD_CREDENTIALS',
          message: 'Tên đăng nhập hoặc mật khẩu không đúng.',
          messageEn: 'Wrong username or password.',
          details: {},
        },
      ]),
    ]);
    // Before: known 120–373 ms, unknown 7–38 ms. Both now pay one scrypt; medians agree within noise.
    const ratio = median(known) / median(unknown);
    expect(ratio).toBeGreaterThan(0.6);
    expect(ratio).toBeLessThan(1.6);
  });

  it('given 10 failed sign-ins from one address, then that address must wait and the owner signs in from another', async () => {
    const { users } = await givenWard(stack.prisma, { committeeSize: 1 });
    const attacker = aClientAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 10; i += 1)
      statuses.push((await signIn(users.secretary, `doan-${i}`, attacker)).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toContain(429);

    const slowed = await signIn(users.secretary, TEST_PASSWORD, attacker).expect(429);
    expect(slowed.body).toMatchObject({
      code: 'LOGIN_THROTTLED',
      message: expect.stringContaining('thử lại sau'),
    });
    expect(Number(slowed.headers['retry-after'])).toBeGreaterThanOrEqual(1);

    await signIn(users.secretary, TEST_PASSWORD).expect(200);
  });

  it('given 20 failed sign-ins on one account from 20 addresses, then attempts on it wait at most a minute, and not for ever', async () => {
    const { users } = await givenWard(stack.prisma, { committeeSize: 1 });
    for (let i = 0; i < 20; i += 1) await signIn(users.reviewer, `doan-${i}`).expect(401);
    const slowed = await signIn(users.reviewer, TEST_PASSWORD).expect(429);
    const wait = Number(slowed.headers['retry-after']);
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    await new Promise((resolve) => setTimeout(resolve, wait * 1000 + 200));
    await signIn(users.reviewer, TEST_PASSWORD).expect(200);
  });

  it('given a refresh token used twice, then the whole family is revoked', async () => {
    const { users } = await givenWard(stack.prisma, { committeeSize: 1 });
    const first = await signIn(users.secretary, TEST_PASSWORD).expect(200);
    const second = await request(http)
      .post('/api/auth/refresh')
      .send({ refreshToken: first.body.refreshToken })
      .expect(200);
    await request(http).post('/api/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(401);
    await request(http)
      .post('/api/auth/refresh')
      .send({ refreshToken: second.body.refreshToken })
      .expect(401);
  });

  describe('tokens', () => {
    let userId: string;
    beforeAll(async () => {
      userId = (await givenWard(stack.prisma, { committeeSize: 1 })).users.secretary;
    });

    const forge = (secret: string, change: (jwt: SignJWT) => SignJWT = (j) => j.setExpirationTime('10m')) =>
      change(
        new SignJWT({ ver: 0 })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject(userId)
          .setIssuedAt()
          .setIssuer('kientoan')
          .setAudience('kientoan-api'),
      ).sign(new TextEncoder().encode(secret));
    const me = async (token: string) => (await client(http, token).get('/api/auth/me')).status;
    const ourSecret = () => resolveTokenSecret(process.env.AUTH_TOKEN_SECRET);

    it('given a token with our claims and our secret, then it is accepted (the control)', async () => {
      expect(await me(await forge(ourSecret()))).toBe(200);
    });

    it.each([
      'kientoan-local-development-secret-change-me',
      'replace-with-at-least-32-random-characters',
      'secret',
      'changeme',
      'kientoan',
    ])(
      'given a token signed with the built-in or guessable secret "%s", then it is refused',
      async (secret) => {
        expect(await me(await forge(secret))).toBe(401);
      },
    );

    it.each([
      ['no exp', (j: SignJWT) => j],
      ['an exp ten years away', (j: SignJWT) => j.setExpirationTime('3650d')],
      ['a wrong issuer', (j: SignJWT) => j.setExpirationTime('10m').setIssuer('other')],
      ['a wrong audience', (j: SignJWT) => j.setExpirationTime('10m').setAudience('other')],
    ])('given a token with %s, then it is refused', async (_, change) => {
      expect(await me(await forge(ourSecret(), change))).toBe(401);
    });
  });

  it('given a temporary password, then sign-in asks for a change, the change signs in, and a new temporary password ends that session', async () => {
    const username = `tam-thoi-${randomBytes(3).toString('hex')}`;
    const created = await admin
      .post('/api/admin/accounts')
      .send({ username, displayName: 'Người dùng mới', temporaryPassword: 'tam-thoi-123456' })
      .expect(201);
    expect(created.body).toMatchObject({
      account: { username, mustChangePassword: true },
      temporaryPassword: 'tam-thoi-123456',
    });
    const asked = await signIn(username, 'tam-thoi-123456').expect(403);
    expect(asked.body.code).toBe('PASSWORD_CHANGE_REQUIRED');

    const changed = await request(http)
      .post('/api/auth/password')
      .send({ username, currentPassword: 'tam-thoi-123456', newPassword: TEST_PASSWORD })
      .expect(200);
    await client(http, changed.body.accessToken as string)
      .get('/api/auth/me')
      .expect(200);
    await signIn(username, 'tam-thoi-123456').expect(401);

    await admin.post(`/api/admin/accounts/${username}/temporary-password`).send({}).expect(200);
    await client(http, changed.body.accessToken as string)
      .get('/api/auth/me')
      .expect(401);
    await request(http)
      .post('/api/auth/refresh')
      .send({ refreshToken: changed.body.refreshToken })
      .expect(401);
  });

  it('given an admin disables an account, then its access token is refused at once and it cannot refresh or sign in', async () => {
    const { users } = await givenWard(stack.prisma, { committeeSize: 1 });
    const session = await signIn(users.reviewer, TEST_PASSWORD).expect(200);
    const asUser = client(http, session.body.accessToken as string);
    await asUser.get('/api/auth/me').expect(200);

    const disabled = await admin.post(`/api/admin/accounts/${users.reviewer}/disable`).expect(200);
    expect(disabled.body).toMatchObject({ username: users.reviewer, disabled: true });
    await asUser.get('/api/auth/me').expect(401);
    await request(http)
      .post('/api/auth/refresh')
      .send({ refreshToken: session.body.refreshToken })
      .expect(401);
    const refused = await signIn(users.reviewer, TEST_PASSWORD).expect(401);
    expect(refused.body.code).toBe('BAD_CREDENTIALS');

    await admin.post(`/api/admin/accounts/${users.reviewer}/enable`).expect(200);
    await signIn(users.reviewer, TEST_PASSWORD).expect(200);
    const audit = await stack.prisma.auditEntry.findMany({
      where: {
        action: { in: ['account.disable', 'account.enable'] },
        after: { path: ['username'], equals: users.reviewer },
      },
    });
    expect(audit.map((a) => a.action).sort()).toEqual(['account.disable', 'account.enable']);
  });

  it('given a locked account, then its refresh token is refused', async () => {
    const { users } = await givenWard(stack.prisma, { committeeSize: 1 });
    const session = await signIn(users.secretary, TEST_PASSWORD).expect(200);
    await stack.prisma.userAccount.update({
      where: { username: users.secretary },
      data: { lockedUntil: new Date(Date.now() + 60_000) },
    });
    await request(http)
      .post('/api/auth/refresh')
      .send({ refreshToken: session.body.refreshToken })
      .expect(401);
  });

  it('given a user who is not an admin, then every admin endpoint answers 403', async () => {
    const { users, code } = await givenWard(stack.prisma, { committeeSize: 1 });
    const secretary = client(http, await login(http, users.secretary));
    await secretary.get('/api/admin/accounts').expect(403);
    await secretary.post('/api/admin/accounts').send({ username: 'ke-gian', displayName: 'x' }).expect(403);
    await secretary.post(`/api/admin/accounts/${users.reviewer}/disable`).expect(403);
    await secretary.get(`/api/admin/wards/${code}/committee`).expect(403);
    await secretary.post('/api/admin/committee/import').send({ csv: 'a' }).expect(403);
  });

  it('given the OpenAPI document, then every sign-in, delegation and admin endpoint has its request and response schemas', async () => {
    const docs = (await request(http).get('/docs-json').expect(200)).body as {
      paths: Record<
        string,
        Record<string, { requestBody?: unknown; responses: Record<string, { content?: unknown }> }>
      >;
    };
    const operations = Object.entries(docs.paths)
      .filter(([p]) => /^\/api\/(auth|delegations|admin)/.test(p))
      .flatMap(([p, methods]) =>
        Object.entries(methods).map(([method, op]) => ({ at: `${method} ${p}`, op })),
      );
    expect(operations.length).toBeGreaterThanOrEqual(20);
    for (const { at, op } of operations) {
      const success = Object.entries(op.responses).find(([status]) => status.startsWith('2'));
      expect([at, success !== undefined]).toEqual([at, true]);
      if (success![0] !== '204') expect([at, success![1].content !== undefined]).toEqual([at, true]);
      if (at.startsWith('post') && !/\/(disable|enable)$/.test(at))
        expect([at, op.requestBody !== undefined]).toEqual([at, true]);
    }
  });
});
