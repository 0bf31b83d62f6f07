/**
 * No worker polls the task queue: an action is refused within 5 s with 503 NO_WORKER_AVAILABLE (not sent, so
 * never applied later), leaves no audit entry, /health names the workers; once a worker polls, the same action
 * goes through.
 */
import request from 'supertest';
import type { App } from 'supertest/types';
import { type TestStack, createTestStack, eventually } from '../support/test-app';
import { givenWardShapedLike } from '../support/factories';
import { ProcedureDriver, signIn } from '../support/procedure-driver';

describe('No worker polling the task queue (e2e)', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await createTestStack();
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('given no worker, when the reviewer accepts, then it answers 503 NO_WORKER_AVAILABLE within 5 s, records nothing, and succeeds once a worker polls', async () => {
    const http = stack.app.getHttpServer() as App;
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 1 });
    const as = await signIn(http, ward);
    const driver = new ProcedureDriver(stack);
    // Starting needs only the Temporal server: the workflow waits in the queue for a worker.
    const id = await driver.start(as, ward.code, [
      { kind: 'rename', unitId: `${ward.code}.tdp6`, newName: 'Chi bộ Tổ dân phố số 34' },
    ]);
    const auditBefore = await stack.prisma.auditEntry.count({ where: { procedureId: id } });

    const started = Date.now();
    const refused = await driver.review(as, id, 'accept');
    const elapsedMs = Date.now() - started;

    expect(refused.status).toBe(503);
    expect(elapsedMs).toBeLessThan(5_000);
    expect(refused.headers['retry-after']).toBe('10');
    expect(refused.body).toMatchObject({
      code: 'NO_WORKER_AVAILABLE',
      details: { dependency: 'worker', applied: false, mayApplyLater: false },
    });
    expect(await stack.prisma.auditEntry.count({ where: { procedureId: id } })).toBe(auditBefore);
    const health = await request(http).get('/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({
      down: ['workers'],
      checks: { workers: { status: 'down', polling: 0 } },
    });

    await stack.startWorker();
    await driver.waitFor(id, 'reviewing');
    const accepted = await eventually(
      async () => {
        const response = await driver.review(as, id, 'accept');
        return response.status === 503 ? undefined : response;
      },
      30_000,
      'the review to be taken once a worker polls',
    );
    expect(accepted.status).toBe(200);
    expect(
      await stack.prisma.auditEntry.count({ where: { procedureId: id, action: 'procedure.review.accept' } }),
    ).toBe(1);
  });
});
