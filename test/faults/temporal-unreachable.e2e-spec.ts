/**
 * Honest answers while Temporal is down: an API whose Temporal address answers nothing refuses actions within
 * 5 s with 503 WORKFLOW_SERVICE_UNAVAILABLE and Retry-After, records nothing, and /health names the part down.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types';
import { procedureWorkflowId } from '@kientoan/workflows';
import { type TestStack, createTestStack } from '../support/test-app';
import { givenWard, givenWardShapedLike } from '../support/factories';
import { signIn } from '../support/procedure-driver';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freePort } = require('../../scripts/temporal/dev-server.cjs') as { freePort(): Promise<number> };

describe('Temporal unreachable (e2e)', () => {
  let stack: TestStack;

  beforeAll(async () => {
    // A free port nobody listens on: connections are refused, as when the dev server has been killed.
    stack = await createTestStack({ apiTemporalAddress: `127.0.0.1:${await freePort()}` });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('given a running procedure, when the reviewer accepts, then it answers 503 WORKFLOW_SERVICE_UNAVAILABLE within 5 s and writes no audit entry', async () => {
    const ward = await givenWard(stack.prisma, { committeeSize: 1 });
    const as = await signIn(stack.app.getHttpServer() as App, ward);
    const id = randomUUID();
    await stack.prisma.procedure.create({
      data: {
        id,
        wardCode: ward.code,
        kind: 'rename',
        title: 'kiện toàn',
        workflowId: procedureWorkflowId(id),
      },
    });

    const started = Date.now();
    const response = await as.reviewer.post(`/api/procedures/${id}/review`).send({ decision: 'accept' });
    const elapsedMs = Date.now() - started;

    expect(response.status).toBe(503);
    expect(elapsedMs).toBeLessThan(5_000);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.body).toMatchObject({
      code: 'WORKFLOW_SERVICE_UNAVAILABLE',
      details: { dependency: 'temporal', applied: false },
    });
    expect(response.body.message).toContain('chưa được thực hiện');
    expect(await stack.prisma.auditEntry.count({ where: { procedureId: id } })).toBe(0);
  });

  it('given Temporal is down, when the secretary starts a procedure, then it answers 503 within 5 s and stores nothing (no row, no audit entry)', async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 1 });
    const as = await signIn(stack.app.getHttpServer() as App, ward);

    const started = Date.now();
    const response = await as.secretary
      .post('/api/procedures')
      .set('Idempotency-Key', 'start-while-down-1')
      .send({
        wardCode: ward.code,
        title: 'kiện toàn',
        items: [{ kind: 'rename', unitId: `${ward.code}.tdp6`, newName: 'Chi bộ Tổ dân phố số 34' }],
      });
    const elapsedMs = Date.now() - started;

    expect(response.status).toBe(503);
    expect(elapsedMs).toBeLessThan(5_000);
    expect(response.body).toMatchObject({
      code: 'WORKFLOW_SERVICE_UNAVAILABLE',
      details: { applied: false },
    });
    expect(await stack.prisma.procedure.count({ where: { wardCode: ward.code } })).toBe(0);
    expect(
      await stack.prisma.auditEntry.count({ where: { wardCode: ward.code, action: 'procedure.start' } }),
    ).toBe(0);
  });

  it('given Temporal is down, when /health is asked, then it answers 503 naming temporal, with no error text', async () => {
    const response = await request(stack.app.getHttpServer() as App).get('/health');

    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({
      status: 'degraded',
      down: ['temporal'],
      checks: { database: { status: 'up' }, temporal: { status: 'down' }, workers: { status: 'unknown' } },
    });
    expect(JSON.stringify(response.body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|Error/);
  });
});
