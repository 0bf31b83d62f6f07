/**
 * A withdrawal a client sends again with the same Idempotency-Key — at once (a double click, a proxy's retry)
 * or after a 503 while no worker polled — has one effect: the procedure is withdrawn once, one audit entry,
 * and every attempt that got through answers the same result.
 */
import type { App } from 'supertest/types';
import { type TestStack, createTestStack, eventually } from '../support/test-app';
import { givenWardShapedLike } from '../support/factories';
import { ProcedureDriver, type SignedInWard, signIn } from '../support/procedure-driver';

const withdraw = (as: SignedInWard, id: string, key: string) =>
  as.secretary
    .post(`/api/procedures/${id}/withdraw`)
    .set('Idempotency-Key', key)
    .send({ reason: 'Rút để bổ sung hồ sơ' });

describe('Retried withdrawal: one effect (e2e)', () => {
  let stack: TestStack;
  let http: App;
  let driver: ProcedureDriver;

  beforeAll(async () => {
    // No worker at first: the second test needs a 503 before any worker polls.
    stack = await createTestStack();
    http = stack.app.getHttpServer() as App;
    driver = new ProcedureDriver(stack);
  });

  afterAll(async () => {
    await stack?.close();
  });

  /** The end's audit entry is written by the workflow's last step, just after the answer: waited for. */
  const settledEffectsOf = async (id: string) => {
    await eventually(
      async () =>
        (await stack.prisma.auditEntry.count({ where: { procedureId: id, action: 'procedure.withdraw' } })) >
        0
          ? true
          : undefined,
      30_000,
      'the withdrawal to be audited',
    );
    // The workflow has ended: nothing more can be written for it.
    await driver.handle(id).result();
    return effectsOf(id);
  };

  const effectsOf = async (id: string) => ({
    audit: await stack.prisma.auditEntry.count({ where: { procedureId: id, action: 'procedure.withdraw' } }),
    procedure: await stack.prisma.procedure.findUniqueOrThrow({
      where: { id },
      select: { status: true, endedBy: true, endedReason: true },
    }),
  });

  it('given no worker polls, when the secretary withdraws, then 503 with nothing done; once a worker polls, the same key withdraws once and a later retry answers the same result', async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 1 });
    const as = await signIn(http, ward);
    const id = await driver.start(as, ward.code, [
      { kind: 'rename', unitId: `${ward.code}.tdp6`, newName: 'Chi bộ Tổ dân phố số 36' },
    ]);

    const refused = await withdraw(as, id, 'withdraw-after-503');
    expect(refused.status).toBe(503);
    expect(refused.body.details).toMatchObject({ applied: false });
    expect((await effectsOf(id)).audit).toBe(0);

    await stack.startWorker();
    await driver.waitFor(id, 'reviewing');
    const first = await eventually(
      async () => {
        const response = await withdraw(as, id, 'withdraw-after-503');
        return response.status === 503 ? undefined : response;
      },
      30_000,
      'the withdrawal to be taken once a worker polls',
    );
    const again = await withdraw(as, id, 'withdraw-after-503');

    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await settledEffectsOf(id)).toEqual({
      audit: 1,
      procedure: { status: 'withdrawn', endedBy: ward.users.secretary, endedReason: 'Rút để bổ sung hồ sơ' },
    });
  });

  it('given a running procedure, when the same withdrawal is sent three times at once with one key, then every answer is the same 200 and it is withdrawn once', async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 1 });
    const as = await signIn(http, ward);
    const id = await driver.start(as, ward.code, [
      { kind: 'rename', unitId: `${ward.code}.tdp6`, newName: 'Chi bộ Tổ dân phố số 37' },
    ]);
    await driver.waitFor(id, 'reviewing');

    const answers = await Promise.all([1, 2, 3].map(() => withdraw(as, id, 'withdraw-at-once')));

    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers[1]!.body).toEqual(answers[0]!.body);
    expect(answers[2]!.body).toEqual(answers[0]!.body);
    expect((await settledEffectsOf(id)).audit).toBe(1);
    expect((await effectsOf(id)).procedure.status).toBe('withdrawn');
    // After the end: the same key still answers the first result, not 409.
    const later = await withdraw(as, id, 'withdraw-at-once');
    expect(later.status).toBe(200);
    expect(later.body).toEqual(answers[0]!.body);
    expect((await effectsOf(id)).audit).toBe(1);
  });
});
