/**
 * A start is never half-done: with an Idempotency-Key a repeated start answers the same procedure, and when the
 * API's transaction does not commit after the workflow started (the API killed at that moment), the workflow's
 * first view creates the row and its one `procedure.start` audit entry; the client's retry then finds it.
 */
import type { App } from 'supertest/types';
import { type TestStack, createTestStack, eventually } from '../support/test-app';
import { givenWardShapedLike } from '../support/factories';
import { signIn } from '../support/procedure-driver';
import { ProcedureWorkflowGateway } from '../../apps/api/src/procedures/procedure-workflow.gateway';

describe('Starting a procedure, retried (e2e)', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await createTestStack();
  });

  afterAll(async () => {
    await stack?.close();
  });

  const body = (wardCode: string) => ({
    wardCode,
    title: 'kiện toàn (khởi tạo lại)',
    items: [{ kind: 'rename', unitId: `${wardCode}.tdp6`, newName: 'Chi bộ Tổ dân phố số 34' }],
  });
  const startEntries = (procedureId: string) =>
    stack.prisma.auditEntry.count({ where: { procedureId, action: 'procedure.start' } });

  it('given a start with an Idempotency-Key, when it is sent again, then the same procedure answers 202 and one row and one audit entry exist', async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 1 });
    const as = await signIn(stack.app.getHttpServer() as App, ward);

    const first = await as.secretary
      .post('/api/procedures')
      .set('Idempotency-Key', 'start-retry-0001')
      .send(body(ward.code));
    const again = await as.secretary
      .post('/api/procedures')
      .set('Idempotency-Key', 'start-retry-0001')
      .send(body(ward.code));

    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.body.id).toBe(first.body.id);
    expect(await stack.prisma.procedure.count({ where: { wardCode: ward.code } })).toBe(1);
    expect(await startEntries(first.body.id as string)).toBe(1);
  });

  it('given a start with an Idempotency-Key, when the key is sent again with other units, then 409 IDEMPOTENCY_KEY_REUSED and nothing else is started', async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 1 });
    const as = await signIn(stack.app.getHttpServer() as App, ward);
    const first = await as.secretary
      .post('/api/procedures')
      .set('Idempotency-Key', 'start-retry-0004')
      .send(body(ward.code));

    const other = await as.secretary
      .post('/api/procedures')
      .set('Idempotency-Key', 'start-retry-0004')
      .send({
        ...body(ward.code),
        items: [{ kind: 'rename', unitId: `${ward.code}.tdp6`, newName: 'Chi bộ 35' }],
      });

    expect(first.status).toBe(202);
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      message: expect.stringContaining('hãy dùng khóa mới'),
    });
    expect(await stack.prisma.procedure.count({ where: { wardCode: ward.code } })).toBe(1);
    expect(await startEntries(first.body.id as string)).toBe(1);
  });

  it('given the workflow started but no worker wrote the row yet (none runs), when the client retries with the key, then the retry commits the row and its one audit entry', async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 1 });
    const as = await signIn(stack.app.getHttpServer() as App, ward);
    const gateway = stack.app.get(ProcedureWorkflowGateway);
    const realStart = gateway.start.bind(gateway);
    jest.spyOn(gateway, 'start').mockImplementationOnce(async (input) => {
      await realStart(input);
      throw new Error('killed after the workflow started');
    });
    const lost = await as.secretary
      .post('/api/procedures')
      .set('Idempotency-Key', 'start-retry-0003')
      .send(body(ward.code));
    expect(lost.status).toBe(500);

    const retried = await as.secretary
      .post('/api/procedures')
      .set('Idempotency-Key', 'start-retry-0003')
      .send(body(ward.code));

    expect(retried.status).toBe(202);
    expect(await stack.prisma.procedure.count({ where: { wardCode: ward.code } })).toBe(1);
    expect(await startEntries(retried.body.id as string)).toBe(1);
  });

  it('given the transaction failed after the workflow started, when a worker runs it and the client retries with the key, then one row, one procedure.start entry, the same id', async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 1 });
    const as = await signIn(stack.app.getHttpServer() as App, ward);
    const gateway = stack.app.get(ProcedureWorkflowGateway);
    const realStart = gateway.start.bind(gateway);
    // The API dies right after Temporal started the workflow: its transaction (row, plan, audit) never commits.
    jest.spyOn(gateway, 'start').mockImplementationOnce(async (input) => {
      await realStart(input);
      throw new Error('killed after the workflow started');
    });

    const lost = await as.secretary
      .post('/api/procedures')
      .set('Idempotency-Key', 'start-retry-0002')
      .send(body(ward.code));
    expect(lost.status).toBe(500);
    expect(await stack.prisma.procedure.count({ where: { wardCode: ward.code } })).toBe(0);

    // Stopped with the stack.
    await stack.startWorker();
    const row = await eventually(
      async () => (await stack.prisma.procedure.findFirst({ where: { wardCode: ward.code } })) ?? undefined,
      30_000,
      'the workflow to create the row',
    );
    expect(row.initiatedBy).toBe(ward.users.secretary);
    const entry = await stack.prisma.auditEntry.findFirst({
      where: { procedureId: row.id, action: 'procedure.start' },
    });
    expect(entry).toMatchObject({ actorId: ward.users.secretary, role: 'secretary', wardCode: ward.code });

    const retried = await as.secretary
      .post('/api/procedures')
      .set('Idempotency-Key', 'start-retry-0002')
      .send(body(ward.code));

    expect(retried.status).toBe(202);
    expect(retried.body.id).toBe(row.id);
    expect(await stack.prisma.procedure.count({ where: { wardCode: ward.code } })).toBe(1);
    expect(await startEntries(row.id)).toBe(1);
  });
});
