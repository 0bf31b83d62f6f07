/**
 * Notifications people can read: the worker's addresses resolved to accounts when sent (members, an acting
 * holder under a delegation, a unit's ward secretary), listed per account, marked read once.
 */
import type { App } from 'supertest/types';
import type { ResolutionItem } from '@kientoan/domain';
import { type TestStack, createTestStack } from '../support/test-app';
import { givenWardShapedLike } from '../support/factories';
import type { Client } from '../support/http-client';
import { ProcedureDriver, type SignedInWard, signIn } from '../support/procedure-driver';

interface Item {
  readonly id: string;
  readonly kind: string;
  readonly subject: string;
  readonly procedureId: string | null;
  readonly readAt: string | null;
}

describe('Notifications (e2e)', () => {
  let stack: TestStack;
  let http: App;
  let driver: ProcedureDriver;
  let ward: Awaited<ReturnType<typeof givenWardShapedLike>>;
  let as: SignedInWard;
  let procedureId: string;

  const mine = async (
    who: Client,
    query = '',
  ): Promise<{ items: Item[]; unread: number; next: string | null }> =>
    (await who.get(`/api/notifications${query}`).expect(200)).body;
  const ofProcedure = (items: readonly Item[]) => items.filter((i) => i.procedureId === procedureId);

  beforeAll(async () => {
    stack = await createTestStack();
    http = stack.app.getHttpServer() as App;
    driver = new ProcedureDriver(stack);
    await stack.startWorker();
    ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 3 });
    as = await signIn(http, ward);
    // Member 1 names the ward secretary acting approver for a day.
    const now = Date.now();
    await as.approvers[ward.voters[0]!]!.post('/api/delegations')
      .send({
        toUsername: ward.users.secretary,
        wardCode: ward.code,
        role: 'approver',
        validFrom: new Date(now).toISOString(),
        validTo: new Date(now + 86_400_000).toISOString(),
      })
      .expect(201);
    const items: ResolutionItem[] = [
      { kind: 'rename', unitId: `${ward.code}.tdp6`, newName: 'Chi bộ Tổ dân phố số 34' },
    ];
    procedureId = await driver.start(as, ward.code, items);
    await driver.toCompletion(as, procedureId, ward.voters);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('given a vote opened, then every member and the acting approver have it, and the reviewer has not', async () => {
    for (const voter of ward.voters)
      expect(ofProcedure((await mine(as.approvers[voter]!)).items).map((i) => i.kind)).toEqual([
        'vote_opened',
      ]);
    expect(ofProcedure((await mine(as.secretary)).items).map((i) => i.kind)).toContain('vote_opened');
    expect(ofProcedure((await mine(as.reviewer)).items)).toEqual([]);
  });

  it('given a decision announced to a unit, then the ward secretary has the announcement, newest first, paged', async () => {
    const first = await mine(as.secretary, '?limit=1');
    expect(first.items.map((i) => i.kind)).toEqual(['announcement']);
    expect(first.unread).toBe(2);
    expect(first.next).toEqual(expect.any(String));
    const second = await mine(as.secretary, `?limit=1&cursor=${first.next}`);
    expect(second.items.map((i) => i.kind)).toEqual(['vote_opened']);
    expect(second.next).toBeNull();
  });

  it('given my notification, when I mark it read twice, then it is read once, unread count drops and unread ones come first', async () => {
    const { items } = await mine(as.secretary);
    const announcement = items.find((i) => i.kind === 'announcement')!;
    const once = await as.secretary.post(`/api/notifications/${announcement.id}/read`).expect(200);
    expect(once.body).toEqual({ id: announcement.id, readAt: expect.any(String) });
    const twice = await as.secretary.post(`/api/notifications/${announcement.id}/read`).expect(200);
    expect(twice.body).toEqual(once.body);

    const after = await mine(as.secretary);
    expect(after.unread).toBe(1);
    expect(after.items.map((i) => [i.kind, i.readAt !== null])).toEqual([
      ['vote_opened', false],
      ['announcement', true],
    ]);
  });

  it('given someone else’s notification, when I read or mark it, then it is not mine: 404, and theirs stays unread', async () => {
    const theirs = (await mine(as.approvers[ward.voters[1]!]!)).items[0]!;
    await as.reviewer.post(`/api/notifications/${theirs.id}/read`).expect(404);
    expect((await mine(as.reviewer)).items.map((i) => i.id)).not.toContain(theirs.id);
    expect((await mine(as.approvers[ward.voters[1]!]!)).items[0]).toMatchObject({
      id: theirs.id,
      readAt: null,
    });
    await as.reviewer.post('/api/notifications/999999999999/read').expect(404);
  });

  it('marks all mine read, and a repeat marks nothing', async () => {
    const member = as.approvers[ward.voters[2]!]!;
    expect((await member.post('/api/notifications/read-all').expect(200)).body).toEqual({ marked: 1 });
    expect((await member.post('/api/notifications/read-all').expect(200)).body).toEqual({ marked: 0 });
    expect((await mine(member)).unread).toBe(0);
  });

  it.each([
    ['a cursor that is not one', '?cursor=abc', 'cursor'],
    ['a limit of 0', '?limit=0', 'limit'],
  ])('given %s, then 400 names the field', async (_case, query, field) => {
    const response = await as.secretary.get(`/api/notifications${query}`).expect(400);
    expect((response.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
  });

  it('refuses a malformed id with 400, and anonymous callers with 401', async () => {
    await as.secretary.post('/api/notifications/abc/read').expect(400);
    await as.anonymous.get('/api/notifications').expect(401);
  });
});
