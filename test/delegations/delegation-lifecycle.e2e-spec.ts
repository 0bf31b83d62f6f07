/**
 * Delegations that end: a bounded period starting now or later, revocable by the delegator, an admin or a
 * supervisor with immediate effect, and ended (audited) when the delegator loses the role or the term.
 */
import type { App } from 'supertest/types';
import { type TestStack, createTestStack, eventually } from '../support/test-app';
import { givenAdmin, givenSupervisor, givenWardShapedLike } from '../support/factories';
import { type Client, client, login } from '../support/http-client';
import { signIn } from '../support/procedure-driver';

const DAY_MS = 86_400_000;

describe('Delegation lifecycle (e2e)', () => {
  let stack: TestStack;
  let http: App;
  let admin: Client;
  let supervisor: Client;

  beforeAll(async () => {
    stack = await createTestStack();
    http = stack.app.getHttpServer() as App;
    admin = client(http, await login(http, await givenAdmin(stack.prisma)));
    supervisor = client(http, await login(http, await givenSupervisor(stack.prisma)));
  });

  afterAll(async () => {
    await stack?.close();
  });

  /** Ward A whose secretary can delegate to ward B's reviewer (an account with no role in A). */
  const givenTwoWards = async () => {
    const wardA = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 1 });
    const wardB = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 1 });
    return { wardA, asA: await signIn(http, wardA), wardB, asB: await signIn(http, wardB) };
  };
  const period = (days: number, startInMs = 0) => {
    const from = Date.now() + startInMs;
    return { validFrom: new Date(from).toISOString(), validTo: new Date(from + days * DAY_MS).toISOString() };
  };
  const delegate = (from: Client, toUsername: string, wardCode: string, p = period(7), role = 'secretary') =>
    from.post('/api/delegations').send({ toUsername, wardCode, role, ...p });
  const treeOf = (who: Client, wardCode: string) => who.get(`/api/registry/wards/${wardCode}/tree`);

  it('given a period beyond the maximum (90 days), then the delegation is refused; 90 days is accepted', async () => {
    const { wardA, asA, wardB } = await givenTwoWards();
    const refused = await delegate(asA.secretary, wardB.users.reviewer, wardA.code, period(91)).expect(400);
    expect(refused.body).toMatchObject({
      code: 'DELEGATION_TOO_LONG',
      message: 'Thời hạn ủy quyền tối đa là 90 ngày.',
      errors: [{ field: 'validTo' }],
    });
    await delegate(asA.secretary, wardB.users.reviewer, wardA.code, period(90)).expect(201);
  });

  it('given a start in the past, then the delegation is refused', async () => {
    const { wardA, asA, wardB } = await givenTwoWards();
    const refused = await delegate(
      asA.secretary,
      wardB.users.reviewer,
      wardA.code,
      period(7, -3_600_000),
    ).expect(400);
    expect(refused.body).toMatchObject({
      code: 'DELEGATION_STARTS_IN_PAST',
      errors: [{ field: 'validFrom' }],
    });
  });

  it('given a delegation revoked by its delegator, then it stops working at once for the token already held', async () => {
    const { wardA, asA, asB } = await givenTwoWards();
    const created = await delegate(asA.secretary, (await me(asB.reviewer)).username, wardA.code).expect(201);
    await treeOf(asB.reviewer, wardA.code).expect(200);

    const revoked = await asA.secretary.delete(`/api/delegations/${created.body.id}`).expect(200);
    expect(revoked.body).toMatchObject({
      id: created.body.id,
      revokedAt: expect.any(String),
      revokedReason: 'revoked',
    });
    await treeOf(asB.reviewer, wardA.code).expect(403);
    expect((await me(asB.reviewer)).wardRoles[wardA.code]).toBeUndefined();
    const audit = await stack.prisma.auditEntry.findMany({
      where: { action: 'delegation.revoke', wardCode: wardA.code },
    });
    expect(audit).toEqual([expect.objectContaining({ role: 'delegator' })]);
  });

  it('given someone who neither gave it nor supervises nor administers, then revoking answers 403; a supervisor and an admin may', async () => {
    const { wardA, asA, wardB, asB } = await givenTwoWards();
    const first = await delegate(asA.secretary, wardB.users.reviewer, wardA.code).expect(201);
    const second = await delegate(asA.secretary, wardB.users.secretary, wardA.code).expect(201);
    const third = await delegate(asA.secretary, wardB.users.approvers[0]!, wardA.code).expect(201);
    await asB.reviewer.delete(`/api/delegations/${first.body.id}`).expect(403);
    await supervisor.delete(`/api/delegations/${second.body.id}`).expect(200);
    await admin.delete(`/api/delegations/${third.body.id}`).expect(200);
    await asA.secretary.delete('/api/delegations/00000000-0000-4000-8000-000000000000').expect(404);
    await asA.secretary.delete('/api/delegations/not-an-id').expect(400);
    const stillValid = await stack.prisma.delegation.findUniqueOrThrow({
      where: { id: first.body.id as string },
    });
    expect(stillValid.revokedAt).toBeNull();
  });

  it('given the delegator loses the role, then the delegation ends at once and the ending is audited', async () => {
    const { wardA, asA, wardB, asB } = await givenTwoWards();
    const created = await delegate(asA.secretary, wardB.users.reviewer, wardA.code).expect(201);
    await treeOf(asB.reviewer, wardA.code).expect(200);

    await admin
      .delete(`/api/admin/accounts/${wardA.users.secretary}/roles/${wardA.code}/secretary`)
      .expect(200);
    await treeOf(asB.reviewer, wardA.code).expect(403);
    const ended = await stack.prisma.delegation.findUniqueOrThrow({
      where: { id: created.body.id as string },
    });
    expect(ended).toMatchObject({ revokedAt: expect.any(Date), revokedReason: 'role_revoked' });
    const actions = (
      await stack.prisma.auditEntry.findMany({ where: { wardCode: wardA.code }, orderBy: { id: 'asc' } })
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['delegation.create', 'delegation.end', 'account.role_revoke']),
    );
  });

  it("given a committee member's term ends, then the approver delegation they gave ends with it", async () => {
    const { wardA, asA, wardB } = await givenTwoWards();
    const member = wardA.voters[0]!;
    const created = await delegate(
      asA.approvers[member]!,
      wardB.users.reviewer,
      wardA.code,
      period(7),
      'approver',
    ).expect(201);
    const today = new Date().toISOString().slice(0, 10);
    await admin
      .patch(`/api/admin/wards/${wardA.code}/committee/${member}`)
      .send({ servedTo: today })
      .expect(200);
    const ended = await stack.prisma.delegation.findUniqueOrThrow({
      where: { id: created.body.id as string },
    });
    expect(ended.revokedReason).toBe('term_ended');
  });

  it("given a committee member's term that runs out by date, then the approver delegation they gave grants nothing from that day", async () => {
    const { wardA, asA, wardB, asB } = await givenTwoWards();
    const member = wardA.voters[0]!;
    await delegate(asA.approvers[member]!, wardB.users.reviewer, wardA.code, period(7), 'approver').expect(
      201,
    );
    expect((await me(asB.reviewer)).wardRoles[wardA.code]).toEqual(['approver']);
    // The term was set to end in the future; that day has now come (no one revoked anything).
    await stack.prisma.wardCommitteeMember.update({
      where: { id: member },
      data: { servedTo: new Date(Date.now() - 2 * DAY_MS) },
    });
    // Written behind the API's back (as another process would): it hears of it through `actor_changed`.
    await eventually(async () =>
      (await me(asB.reviewer)).wardRoles[wardA.code] === undefined ? true : undefined,
    );
  });

  const me = async (who: Client) =>
    (await who.get('/api/auth/me').expect(200)).body as {
      username: string;
      wardRoles: Record<string, string[]>;
    };
});
