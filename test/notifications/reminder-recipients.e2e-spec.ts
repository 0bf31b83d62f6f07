/**
 * A reminder reaches the holder of the role waited for and its acting holder; the escalation reaches the
 * supervisors. A working day lasts one second here (DEADLINE_WORKING_DAY_MS).
 */
import type { App } from 'supertest/types';
import { type TestStack, createTestStack, eventually } from '../support/test-app';
import { givenSupervisor, givenWardShapedLike } from '../support/factories';
import { type Client, client, login } from '../support/http-client';
import { ProcedureDriver, signIn } from '../support/procedure-driver';

describe('Reminder and escalation recipients (e2e)', () => {
  let stack: TestStack;
  let driver: ProcedureDriver;

  beforeAll(async () => {
    stack = await createTestStack({ workingDayMs: 1000 });
    driver = new ProcedureDriver(stack);
    await stack.startWorker();
  });

  afterAll(() => stack?.close());

  const kindsFor = async (who: Client, procedureId: string): Promise<string[]> => {
    const response = await who.get('/api/notifications?limit=100').expect(200);
    return (response.body.items as { kind: string; procedureId: string }[])
      .filter((i) => i.procedureId === procedureId)
      .map((i) => i.kind)
      .sort();
  };

  it('given a reviewer with an acting reviewer who both do not act, then both are reminded and the supervisors get the escalation', async () => {
    const http = stack.app.getHttpServer() as App;
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 1 });
    const as = await signIn(http, ward);
    const supervisor = client(http, await login(http, await givenSupervisor(stack.prisma)));
    const acting = as.approvers[ward.voters[0]!]!;
    const now = Date.now();
    await as.reviewer
      .post('/api/delegations')
      .send({
        toUsername: ward.users.approvers[0],
        wardCode: ward.code,
        role: 'reviewer',
        validFrom: new Date(now).toISOString(),
        validTo: new Date(now + 86_400_000).toISOString(),
      })
      .expect(201);

    const id = await driver.start(as, ward.code, [
      { kind: 'rename', unitId: `${ward.code}.tdp6`, newName: 'Chi bộ Tổ dân phố số 34' },
    ]);
    await eventually(
      async () => ((await kindsFor(supervisor, id)).includes('escalation') ? true : undefined),
      30_000,
      'the escalation',
    );
    expect(await kindsFor(as.reviewer, id)).toEqual(['reminder']);
    expect(await kindsFor(acting, id)).toEqual(['reminder']);
    expect(await kindsFor(as.secretary, id)).toEqual([]);
    await stack.temporal.workflow.getHandle(`procedure-${id}`).terminate('test finished');
  });
});
