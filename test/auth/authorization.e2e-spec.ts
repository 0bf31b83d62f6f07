/**
 * Deny by default. Every endpoint is called without a token (401) and as each role of ANOTHER ward (403),
 * and nothing in PostgreSQL changes. Also: sign-in, refresh rotation and logout (throttling and secrets:
 * front-door.e2e-spec.ts).
 */
import type { App } from 'supertest/types';
import { procedureWorkflowId } from '@kientoan/workflows';
import { type TestStack, createTestStack, eventually } from '../support/test-app';
import { aClientAddress, anIdempotencyKey, givenSupervisor, givenWardShapedLike } from '../support/factories';
import { type Client, TEST_PASSWORD, client, login } from '../support/http-client';
import { ProcedureDriver, type SignedInWard, signIn } from '../support/procedure-driver';

type Call = readonly [method: 'get' | 'post', path: string, body?: Record<string, unknown>];

describe('Authentication and authorization (e2e)', () => {
  let stack: TestStack;
  let http: App;
  let wardA: Awaited<ReturnType<typeof givenWardShapedLike>>;
  let asA: SignedInWard;
  let asB: SignedInWard;
  let supervisor: Client;
  let procedureId: string;

  beforeAll(async () => {
    stack = await createTestStack();
    http = stack.app.getHttpServer() as App;
    await stack.startWorker();
    wardA = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 1 });
    asA = await signIn(http, wardA);
    asB = await signIn(
      http,
      await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 1 }),
    );
    supervisor = client(http, await login(http, await givenSupervisor(stack.prisma)));
    const driver = new ProcedureDriver(stack);
    procedureId = await driver.start(asA, wardA.code, [
      { kind: 'rename', unitId: `${wardA.code}.tdp6`, newName: 'Chi bộ Tổ dân phố số 34' },
    ]);
    // Settled: waiting for the reviewer, so nothing but the calls under test could change a row.
    await driver.waitFor(procedureId, 'reviewing');
    await eventually(async () =>
      (await stack.prisma.procedure.findUniqueOrThrow({ where: { id: procedureId } })).waitingFor ===
      'reviewer'
        ? true
        : undefined,
    );
  });

  afterAll(async () => {
    await stack?.close();
  });

  /** Every ward-scoped endpoint, aimed at ward A's procedure and registry. */
  const wardScoped = (): Call[] => [
    [
      'post',
      '/api/procedures',
      { wardCode: wardA.code, title: 'x', items: [{ kind: 'dissolve', unitId: `${wardA.code}.tdp7` }] },
    ],
    ['get', `/api/procedures/${procedureId}`],
    ['get', `/api/procedures/${procedureId}/timeline`],
    ['post', `/api/procedures/${procedureId}/review`, { decision: 'accept' }],
    [
      'post',
      `/api/procedures/${procedureId}/resubmit`,
      { items: [{ kind: 'dissolve', unitId: `${wardA.code}.tdp7` }] },
    ],
    ['post', `/api/procedures/${procedureId}/draft/submit`, {}],
    ['post', `/api/procedures/${procedureId}/withdraw`, { reason: 'x' }],
    [
      'post',
      `/api/procedures/${procedureId}/approvals`,
      { choice: 'approve', idempotencyKey: anIdempotencyKey() },
    ],
    ['get', `/api/procedures/${procedureId}/drafts`],
    ['get', `/api/procedures/${procedureId}/drafts/1`],
    ['get', `/api/procedures/${procedureId}/drafts/1/diff/1`],
    ['get', `/api/procedures/${procedureId}/documents/decision`],
    [
      'post',
      `/api/procedures/${procedureId}/announcement/acknowledgements`,
      { unitId: `${wardA.code}.tdp6` },
    ],
    ['get', `/api/inbox/${procedureId}`],
    ['get', `/api/registry/wards/${wardA.code}/tree`],
    ['get', `/api/registry/units/${wardA.code}.tdp6`],
    ['get', `/api/registry/units/search?q=chi+bo&wardCode=${wardA.code}`],
    [
      'post',
      '/api/registry/preview',
      { wardCode: wardA.code, items: [{ kind: 'dissolve', unitId: `${wardA.code}.tdp7` }] },
    ],
  ];
  const supervisionOnly = (): Call[] => [
    ['get', '/api/supervision/stalled'],
    ['get', '/api/supervision/progress'],
    ['post', '/api/supervision/bulk', { action: 'remind', dryRun: true }],
    ['post', `/api/supervision/procedures/${procedureId}/cancel`, { reason: 'x' }],
  ];
  const signedInAnywhere = (): Call[] => [
    ['get', '/api/inbox'],
    ['get', '/api/registry/wards'],
    ['get', '/api/auth/me'],
  ];

  const send = (who: Client, [method, path, body]: Call) =>
    method === 'get' ? who.get(path) : who.post(path).send(body ?? {});

  const snapshot = async () => ({
    procedures: await stack.prisma.procedure.findMany({
      where: { wardCode: wardA.code },
      orderBy: { id: 'asc' },
    }),
    votes: await stack.prisma.vote.count({ where: { procedureId } }),
    drafts: await stack.prisma.resolutionDraft.count({ where: { procedureId } }),
    units: await stack.prisma.orgUnit.count({ where: { wardCode: wardA.code, status: 'active' } }),
    audit: await stack.prisma.auditEntry.count({ where: { wardCode: wardA.code } }),
  });

  it('answers 401 without a token on every endpoint but health, docs and sign-in', async () => {
    for (const call of [...wardScoped(), ...supervisionOnly(), ...signedInAnywhere()]) {
      const response = await send(asA.anonymous, call);
      expect([call[1], response.status, response.body.code]).toEqual([call[1], 401, 'UNAUTHENTICATED']);
    }
    await asA.anonymous.get('/api/auth/me').set('Authorization', 'Bearer not.a.token').expect(401);
  });

  it.each(['secretary', 'reviewer', 'approver'] as const)(
    'given the %s of another ward, then every ward-scoped call answers 403 and nothing changes',
    async (role) => {
      const before = await snapshot();
      const who = role === 'approver' ? Object.values(asB.approvers)[0]! : asB[role];
      for (const call of wardScoped()) {
        const response = await send(who, call);
        expect([call[1], response.status]).toEqual([call[1], 403]);
      }
      for (const call of supervisionOnly()) expect((await send(who, call)).status).toBe(403);
      expect(await snapshot()).toEqual(before);
    },
  );

  it('given a supervisor, then they read everything but act only through supervision endpoints', async () => {
    await supervisor.get(`/api/procedures/${procedureId}`).expect(200);
    await supervisor.get(`/api/registry/wards/${wardA.code}/tree`).expect(200);
    await supervisor.get('/api/supervision/progress').expect(200);
    const before = await snapshot();
    await supervisor.post('/api/procedures').send(wardScoped()[0]![2]).expect(403);
    await supervisor.post(`/api/procedures/${procedureId}/review`).send({ decision: 'accept' }).expect(403);
    await supervisor.post(`/api/procedures/${procedureId}/withdraw`).send({ reason: 'x' }).expect(403);
    expect(await snapshot()).toEqual(before);
  });

  it('given the right roles in ward A, then the inbox shows the reviewer the review task, and only them', async () => {
    const inboxOf = async (who: Client) =>
      (await who.get('/api/inbox').expect(200)).body as {
        counts: { total: number };
        items: { procedureId: string; task: string }[];
      };
    const reviewerInbox = await inboxOf(asA.reviewer);
    expect(reviewerInbox.items).toEqual([expect.objectContaining({ procedureId, task: 'review' })]);
    expect(reviewerInbox.counts.total).toBe(1);
    expect((await inboxOf(asA.secretary)).items).toEqual([]);
    expect((await inboxOf(asB.reviewer)).items).toEqual([]);
    const task = await asA.reviewer.get(`/api/inbox/${procedureId}`).expect(200);
    expect(task.body).toMatchObject({ waitingFor: 'reviewer', diff: { countsByChange: { rename: 1 } } });
  });

  it('signs in, refreshes with rotation, and logs out', async () => {
    const username = wardA.users.secretary;
    const session = await asA.anonymous
      .post('/api/auth/login')
      .send({ username, password: TEST_PASSWORD })
      .expect(200);
    expect(session.body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 900,
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
    });
    const me = await client(http, session.body.accessToken as string)
      .get('/api/auth/me')
      .expect(200);
    expect(me.body).toMatchObject({ username, wardRoles: { [wardA.code]: ['secretary'] } });

    const refreshed = await asA.anonymous
      .post('/api/auth/refresh')
      .send({ refreshToken: session.body.refreshToken })
      .expect(200);
    await asA.anonymous
      .post('/api/auth/refresh')
      .send({ refreshToken: session.body.refreshToken })
      .expect(401);
    await client(http, refreshed.body.accessToken as string)
      .post('/api/auth/logout')
      .send({ refreshToken: refreshed.body.refreshToken })
      .expect(204);
    await asA.anonymous
      .post('/api/auth/refresh')
      .send({ refreshToken: refreshed.body.refreshToken })
      .expect(401);

    // Failed sign-ins are throttled per client address: this one fails from an address of its own.
    await asA.anonymous
      .post('/api/auth/login')
      .set('X-Forwarded-For', aClientAddress())
      .send({ username: 'khong-ton-tai', password: 'x' })
      .expect(401);
    await asA.anonymous.post('/api/auth/login').send({ username: 42 }).expect(400);
  });

  it('writes an append-only audit entry for each human action, with the client address and request id', async () => {
    const entries = await stack.prisma.auditEntry.findMany({ where: { procedureId } });
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'procedure.start',
        actorId: wardA.users.secretary,
        role: 'secretary',
        clientAddress: expect.any(String),
        requestId: expect.any(String),
      }),
    ]);
    await expect(
      stack.prisma.auditEntry.updateMany({ where: { procedureId }, data: { action: 'tampered' } }),
    ).rejects.toThrow(/append-only/);
    await expect(stack.prisma.auditEntry.deleteMany({ where: { procedureId } })).rejects.toThrow(
      /append-only/,
    );
  });

  it('given fuzzed bodies (wrong types, unknown fields, 10,000-character strings) on every write endpoint, then 400 with a field error and nothing changes', async () => {
    const long = 'x'.repeat(10_000);
    const approver = Object.values(asA.approvers)[0]!;
    const cases: [Client, string, Record<string, unknown>][] = [
      [asA.reviewer, `/api/procedures/${procedureId}/review`, { decision: 42 }],
      [asA.reviewer, `/api/procedures/${procedureId}/review`, { decision: 'accept', reasons: [long] }],
      [asA.reviewer, `/api/procedures/${procedureId}/review`, { decision: 'accept', extra: true }],
      [asA.secretary, `/api/procedures/${procedureId}/resubmit`, { items: 'all' }],
      [asA.secretary, `/api/procedures/${procedureId}/draft/submit`, { body: 7 }],
      [asA.secretary, `/api/procedures/${procedureId}/withdraw`, { reason: long }],
      [asA.secretary, `/api/procedures/${procedureId}/withdraw`, {}],
      [
        approver,
        `/api/procedures/${procedureId}/approvals`,
        { choice: 'maybe', idempotencyKey: anIdempotencyKey() },
      ],
      [
        approver,
        `/api/procedures/${procedureId}/approvals`,
        { choice: 'approve', comment: long, idempotencyKey: anIdempotencyKey() },
      ],
      [asA.secretary, `/api/procedures/${procedureId}/announcement/acknowledgements`, { unitId: 5 }],
      [
        asA.secretary,
        '/api/registry/preview',
        { wardCode: wardA.code, items: [{ kind: 'rename', unitId: `${wardA.code}.tdp6`, newName: long }] },
      ],
      [
        asA.secretary,
        '/api/delegations',
        { toUsername: 'x', wardCode: wardA.code, role: 'king', validFrom: 'soon', validTo: 'later' },
      ],
      [supervisor, '/api/supervision/bulk', { action: 'remind', limit: 'many' }],
      [asA.anonymous, '/api/auth/login', { username: long, password: 'x' }],
    ];
    const before = await snapshot();
    for (const [who, path, body] of cases) {
      const response = await who.post(path).send(body);
      expect([path, response.status, typeof response.body.errors?.[0]?.field]).toEqual([path, 400, 'string']);
    }
    expect(await snapshot()).toEqual(before);
  });

  // One test stack per file: the API module (and its configuration) is loaded once per file.
  it('given an acting secretary and an acting approver for a period, then they act in the ward; outside the period, or by one who does not hold the role, it is refused', async () => {
    const wardA = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 1 });
    const wardB = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 1 });
    const asA = await signIn(http, wardA);
    const asB = await signIn(http, wardB);
    const now = Date.now();
    const period = {
      validFrom: new Date(now).toISOString(),
      validTo: new Date(now + 3_600_000).toISOString(),
    };
    const items = [{ kind: 'rename', unitId: `${wardA.code}.tdp6`, newName: 'Chi bộ Tổ dân phố số 34' }];

    // Ward B's secretary cannot start in A, until A's secretary names them acting secretary.
    await asB.secretary.post('/api/procedures').send({ wardCode: wardA.code, title: 'x', items }).expect(403);
    await asB.secretary
      .post('/api/delegations')
      .send({ toUsername: wardA.users.reviewer, wardCode: wardA.code, role: 'secretary', ...period })
      .expect(403);
    await asA.secretary
      .post('/api/delegations')
      .send({
        toUsername: wardB.users.secretary,
        wardCode: wardA.code,
        role: 'secretary',
        ...period,
        reason: 'Nghỉ phép',
      })
      .expect(201);
    const me = await asB.secretary.get('/api/auth/me').expect(200);
    expect(me.body.wardRoles[wardA.code]).toEqual(['secretary']);
    const started = await asB.secretary
      .post('/api/procedures')
      .send({ wardCode: wardA.code, title: 'x', items })
      .expect(202);

    // An expired delegation grants nothing (none can be created in the past: this one is made to expire).
    const expiring = await asA.reviewer
      .post('/api/delegations')
      .send({ toUsername: wardB.users.reviewer, wardCode: wardA.code, role: 'reviewer', ...period })
      .expect(201);
    await stack.prisma.delegation.update({
      where: { id: expiring.body.id as string },
      data: { validFrom: new Date(now - 7_200_000), validTo: new Date(now - 3_600_000) },
    });
    const driver = new ProcedureDriver(stack);
    await driver.waitFor(started.body.id as string, 'reviewing');
    await asB.reviewer
      .post(`/api/procedures/${started.body.id}/review`)
      .send({ decision: 'accept' })
      .expect(403);
    await driver.review(asA, started.body.id as string, 'accept').expect(200);
    await driver.waitFor(started.body.id as string, 'drafting');
    await driver.submitDraft(asA, started.body.id as string).expect(200);
    await driver.waitFor(started.body.id as string, 'voting');

    // The committee member names an acting approver, who votes for them.
    const member = wardA.voters[0]!;
    const actingApprover = client(http, await login(http, wardB.users.reviewer));
    await asA.approvers[member]!.post('/api/delegations')
      .send({ toUsername: wardB.users.reviewer, wardCode: wardA.code, role: 'approver', ...period })
      .expect(201);

    const actingInbox = await actingApprover.get('/api/inbox').expect(200);
    expect(actingInbox.body.items).toEqual([
      expect.objectContaining({ procedureId: started.body.id, task: 'vote' }),
    ]);
    await actingApprover
      .post(`/api/procedures/${started.body.id}/approvals`)
      .set('Idempotency-Key', anIdempotencyKey())
      .send({ voterId: member, choice: 'approve' })
      .expect(200);
    await stack.temporal.workflow.getHandle(procedureWorkflowId(started.body.id)).result();
    const audit = await stack.prisma.auditEntry.findMany({
      where: { action: 'delegation.create', wardCode: wardA.code },
    });
    expect(audit.map((a) => a.role).sort()).toEqual(['approver', 'reviewer', 'secretary']);
    const mine = await asA.secretary.get('/api/delegations').expect(200);
    expect(mine.body.given).toHaveLength(1);
    await asA.secretary
      .post('/api/delegations')
      .send({
        toUsername: wardB.users.secretary,
        wardCode: wardA.code,
        role: 'secretary',
        validFrom: period.validTo,
        validTo: period.validFrom,
      })
      .expect(400);
  });
});
