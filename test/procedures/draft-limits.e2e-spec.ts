/**
 * No request can exhaust the API: the worst draft the body limit used to admit (33,000 lines) is refused
 * before it reaches the workflow, comparing two huge stored versions is bounded, and /health answers fast
 * meanwhile (the API and this test share one event loop, so a blocked loop would show in /health's time).
 */
import request from 'supertest';
import type { App } from 'supertest/types';
import { type TestStack, createTestStack } from '../support/test-app';
import { givenWardShapedLike } from '../support/factories';
import { ProcedureDriver, type SignedInWard, signIn } from '../support/procedure-driver';

const WORST_CASE_LINES = 33_000;
const worstCaseDraft = (word: string) =>
  Array.from({ length: WORST_CASE_LINES }, (_, i) => `${word} ${i}`).join('\n');

/** Milliseconds a request takes from send to answer. */
const timed = async (pending: PromiseLike<request.Response>) => {
  const started = performance.now();
  const response = await pending;
  return { response, ms: performance.now() - started };
};

describe('Draft size and diff limits (e2e)', () => {
  let stack: TestStack;
  let http: App;
  let driver: ProcedureDriver;
  let as: SignedInWard;
  let id: string;

  beforeAll(async () => {
    stack = await createTestStack();
    http = stack.app.getHttpServer() as App;
    driver = new ProcedureDriver(stack);
    await stack.startWorker();
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 1 });
    as = await signIn(http, ward);
    id = await driver.start(as, ward.code, [
      { kind: 'rename', unitId: `${ward.code}.tdp6`, newName: 'Chi bộ Tổ dân phố số 34' },
    ]);
    await driver.waitFor(id, 'reviewing');
    await driver.review(as, id, 'accept').expect(200);
    await driver.waitFor(id, 'drafting');
  });

  afterAll(async () => {
    if (id) await stack?.temporal.workflow.getHandle(`procedure-${id}`).terminate('test finished');
    await stack?.close();
  });

  it('given a 33,000-line draft (66 KB), when the secretary submits it, then 413 names the field in Vietnamese within 200 ms and /health stays fast', async () => {
    const body = Array.from({ length: WORST_CASE_LINES }, () => 'x').join('\n');
    // Warm the route (token check, pipes): the first request of a fresh app pays for lazy set-up.
    await driver.submitDraft(as, id, { body: '' }).expect(400);
    const submit = timed(driver.submitDraft(as, id, { body }));
    const health = timed(request(http).get('/health'));
    const [{ response, ms }, healthCheck] = await Promise.all([submit, health]);

    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({
      code: 'DRAFT_TOO_LARGE',
      message: expect.stringContaining('Dự thảo quá dài'),
      errors: [expect.objectContaining({ field: 'body' })],
    });
    expect(ms).toBeLessThan(200);
    expect(healthCheck.response.status).toBe(200);
    expect(healthCheck.ms).toBeLessThan(200);
    expect((await driver.state(id)).status).toBe('drafting');
  });

  it('given a body beyond the request size limit, then 413 answers before parsing', async () => {
    const response = await driver.submitDraft(as, id, { body: 'x'.repeat(1_000_000) });
    expect(response.status).toBe(413);
    expect(response.body.message).toBe('Dữ liệu gửi lên quá lớn.');
  });

  it('given two unrelated 33,000-line versions already stored, when a reviewer compares them, then the diff is bounded and /health stays fast', async () => {
    const createdAt = new Date();
    await stack.prisma.resolutionDraft.createMany({
      data: [
        { procedureId: id, version: 90, body: worstCaseDraft('cũ'), decisionBody: '', createdAt },
        { procedureId: id, version: 91, body: worstCaseDraft('mới'), decisionBody: '', createdAt },
      ],
    });
    let done = false;
    const diff = as.reviewer.get(`/api/procedures/${id}/drafts/90/diff/91`).then((r) => {
      done = true;
      return r;
    });
    // /health every 25 ms for as long as the comparison runs: a blocked event loop shows as one slow answer.
    const probes: number[] = [];
    while (!done) {
      const { response, ms } = await timed(request(http).get('/health'));
      expect(response.status).toBe(200);
      probes.push(ms);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const response = await diff;

    expect(response.status).toBe(200);
    expect(response.body.resolution).toHaveLength(2 * WORST_CASE_LINES);
    expect(Math.max(...probes)).toBeLessThan(300);
  });
});
