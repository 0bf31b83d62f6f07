/**
 * The whole path over HTTP against the real stack: API → Temporal → worker → PostgreSQL. Proves that a
 * started procedure runs the five steps in order, waits for the committee, records each step exactly once,
 * issues one numbered decision, and that bad or repeated requests change nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { App } from 'supertest/types';
import { type TestStack, createTestStack, eventually } from '../support/test-app';
import { aStartBody, anIdempotencyKey, givenWard } from '../support/factories';

const HISTORIES = path.join(__dirname, '..', 'fixtures', 'histories');

describe('Procedure walking skeleton (e2e)', () => {
  let stack: TestStack;
  let http: App;

  beforeAll(async () => {
    stack = await createTestStack();
    http = stack.app.getHttpServer() as App;
    await stack.startWorker();
  });

  afterAll(async () => {
    await stack?.close();
  });

  const stepsOf = (procedureId: string) =>
    stack.prisma.procedureStep.findMany({ where: { procedureId }, orderBy: { startedAt: 'asc' } });

  /** `RECORD_HISTORIES=1` refreshes the histories that test/replay replays against the current workflow code. */
  const recordHistory = async (name: string, procedureId: string) => {
    if (process.env.RECORD_HISTORIES !== '1') return;
    const history = await stack.temporal.workflow.getHandle(`procedure-${procedureId}`).fetchHistory();
    fs.mkdirSync(HISTORIES, { recursive: true });
    // The proto3 JSON form, as `temporal workflow show --output json` and the Web UI export it.
    fs.writeFileSync(path.join(HISTORIES, `${name}.json`), historyToJSON(history));
  };

  /** Votes are accepted once the workflow has opened the vote (its state query says "voting"). */
  const waitForVoting = (procedureId: string) =>
    eventually(
      async () => {
        const state = await stack.temporal.workflow
          .getHandle(`procedure-${procedureId}`)
          .query<{ status: string }>('procedureState');
        return state.status === 'voting' ? state : undefined;
      },
      30_000,
      'the committee vote to open',
    );

  const vote = (procedureId: string, voterId: string, key = anIdempotencyKey(), choice = 'approve') =>
    request(http)
      .post(`/api/procedures/${procedureId}/approvals`)
      .set('Idempotency-Key', key)
      .send({ voterId, choice });

  it('given a ward with a one-member committee, when a procedure is started and approved once, then all five steps complete and one decision is issued', async () => {
    const ward = await givenWard(stack.prisma, { committeeSize: 1 });

    const started = await request(http).post('/api/procedures').send(aStartBody(ward.code)).expect(202);
    const procedureId = started.body.id as string;
    expect(started.body.workflowId).toBe(`procedure-${procedureId}`);

    await waitForVoting(procedureId);
    const approved = await vote(procedureId, ward.voters[0]!).expect(200);
    expect(approved.body.tally).toMatchObject({ members: 1, needed: 1, approve: 1, outcome: 'passed' });

    const result = await stack.temporal.workflow.getHandle(`procedure-${procedureId}`).result();
    expect(result).toEqual({ decisionSymbol: 'Số 1-QĐ/ĐU', rounds: 1 });

    const steps = await stepsOf(procedureId);
    expect(steps.map((s) => [s.step, s.round, s.status])).toEqual([
      ['review', 1, 'completed'],
      ['draft_resolution', 1, 'completed'],
      ['committee_approval', 1, 'completed'],
      ['issue_decision', 1, 'completed'],
      ['announce', 1, 'completed'],
    ]);
    for (const step of steps)
      expect(step.completedAt!.getTime()).toBeGreaterThanOrEqual(step.startedAt.getTime());

    const decisions = await stack.prisma.decision.findMany({ where: { issuer: ward.code } });
    expect(decisions.map((d) => d.symbol)).toEqual(['Số 1-QĐ/ĐU']);
    expect(await stack.prisma.announcement.count({ where: { procedureId } })).toBe(1);

    const view = await request(http).get(`/api/procedures/${procedureId}`).expect(200);
    expect(view.body).toMatchObject({
      status: 'completed',
      currentStep: null,
      decision: { symbol: 'Số 1-QĐ/ĐU' },
    });
    expect(view.body.steps).toHaveLength(5);
    expect(view.body.latestDraft.body).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');

    await recordHistory('procedure-approved-first-round', procedureId);
  });

  it('given a three-member committee, when the same approval is sent twice with one idempotency key, then it is counted once', async () => {
    const ward = await givenWard(stack.prisma, { committeeSize: 3 });
    const { body } = await request(http).post('/api/procedures').send(aStartBody(ward.code)).expect(202);
    const procedureId = body.id as string;
    await waitForVoting(procedureId);

    const key = anIdempotencyKey();
    const [first, second] = await Promise.all([
      vote(procedureId, ward.voters[0]!, key),
      vote(procedureId, ward.voters[0]!, key),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const third = await vote(procedureId, ward.voters[0]!, key).expect(200);
    expect(third.body).toMatchObject({ voterId: ward.voters[0], replayed: true });

    expect(await stack.prisma.vote.count({ where: { procedureId } })).toBe(1);
    const state = await stack.temporal.workflow.getHandle(`procedure-${procedureId}`).query('procedureState');
    expect(state).toMatchObject({ status: 'voting', votes: [{ voterId: ward.voters[0] }] });

    // The same member with a new key is a second vote: refused by the workflow's validator.
    const again = await vote(procedureId, ward.voters[0]!).expect(409);
    expect(again.body.code).toBe('ALREADY_VOTED');
    const outsider = await vote(procedureId, 'not-a-member').expect(403);
    expect(outsider.body).toMatchObject({ code: 'NOT_A_VOTER', errors: [{ field: 'voterId' }] });
    expect(await stack.prisma.vote.count({ where: { procedureId } })).toBe(1);

    // One approval of three is not a majority; two are.
    await vote(procedureId, ward.voters[1]!).expect(200);
    await stack.temporal.workflow.getHandle(`procedure-${procedureId}`).result();
    const decision = await stack.prisma.decision.findUniqueOrThrow({ where: { procedureId } });
    expect(decision.number).toBe(1);
  });

  it('given a committee that rejects, when passing becomes impossible, then the procedure returns to drafting for a new round', async () => {
    const ward = await givenWard(stack.prisma, { committeeSize: 3 });
    const { body } = await request(http).post('/api/procedures').send(aStartBody(ward.code)).expect(202);
    const procedureId = body.id as string;
    await waitForVoting(procedureId);

    await vote(procedureId, ward.voters[0]!, anIdempotencyKey(), 'reject').expect(200);
    const closing = await vote(procedureId, ward.voters[1]!, anIdempotencyKey(), 'abstain').expect(200);
    expect(closing.body.tally).toMatchObject({ outcome: 'failed', approve: 0 });

    const redraft = await eventually(
      async () =>
        (await stepsOf(procedureId)).find((s) => s.step === 'committee_approval' && s.round === 2) ??
        undefined,
      30_000,
      'second round of votes',
    );
    expect(redraft.status).toBe('in_progress');
    const drafts = await stack.prisma.resolutionDraft.findMany({
      where: { procedureId },
      orderBy: { version: 'asc' },
    });
    expect(drafts.map((d) => d.version)).toEqual([1, 2]);
    await recordHistory('procedure-rejected-then-redrafted', procedureId);
    await stack.temporal.workflow.getHandle(`procedure-${procedureId}`).terminate('test finished');
  });

  it('given a started procedure, when it is started again with the same id, then 409 and nothing changes', async () => {
    const ward = await givenWard(stack.prisma);
    const { body } = await request(http).post('/api/procedures').send(aStartBody(ward.code)).expect(202);
    const duplicate = await request(http)
      .post('/api/procedures')
      .send(aStartBody(ward.code, { id: body.id }))
      .expect(409);
    expect(duplicate.body).toMatchObject({
      code: 'PROCEDURE_ALREADY_EXISTS',
      message: expect.stringContaining('Thủ tục'),
    });
    expect(await stack.prisma.procedure.count({ where: { wardCode: ward.code } })).toBe(1);
    await stack.temporal.workflow.getHandle(`procedure-${body.id}`).terminate('test finished');
  });

  it.each([
    ['a missing title', { title: undefined }, 'title'],
    ['an unknown kind', { kind: 'abolish' }, 'kind'],
    ['a title of 10,000 characters', { title: 'x'.repeat(10_000) }, 'title'],
    ['an unknown field', { secretary: 'someone' }, 'body'],
    ['a title of spaces', { title: '   ' }, 'title'],
    ['a non-UUID id', { id: '42' }, 'id'],
  ])(
    'given %s, when starting, then 400 names the field and nothing is stored',
    async (_case, overrides, field) => {
      const ward = await givenWard(stack.prisma);
      const response = await request(http)
        .post('/api/procedures')
        .send(aStartBody(ward.code, overrides))
        .expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      const errors = response.body.errors as { field: string }[];
      expect(errors.map((e) => e.field)).toContain(field);
      expect(response.body.errors[0].reason).toEqual(expect.any(String));
      expect(await stack.prisma.procedure.count({ where: { wardCode: ward.code } })).toBe(0);
    },
  );

  it('given an unknown ward, when starting, then 400 on wardCode and nothing is stored', async () => {
    const before = await stack.prisma.procedure.count();
    const response = await request(http)
      .post('/api/procedures')
      .send(aStartBody('phuong-khong-ton-tai'))
      .expect(400);
    expect(response.body).toMatchObject({ code: 'WARD_NOT_FOUND', errors: [{ field: 'wardCode' }] });
    expect(await stack.prisma.procedure.count()).toBe(before);
  });

  it('given a decomposed (NFD) title, when starting, then it is stored in NFC', async () => {
    const ward = await givenWard(stack.prisma);
    const title = 'Đổi tên Chi bộ 1'.normalize('NFD');
    const { body } = await request(http)
      .post('/api/procedures')
      .send(aStartBody(ward.code, { title }))
      .expect(202);
    const stored = await stack.prisma.procedure.findUniqueOrThrow({ where: { id: body.id } });
    expect(stored.title).toBe('Đổi tên Chi bộ 1'.normalize('NFC'));
    await stack.temporal.workflow.getHandle(`procedure-${body.id}`).terminate('test finished');
  });

  it('answers 404 for an unknown procedure and 400 for a malformed id', async () => {
    const missing = await request(http)
      .get('/api/procedures/6f1c1f4e-8d1c-4a55-9d6e-000000000000')
      .expect(404);
    expect(missing.body.code).toBe('PROCEDURE_NOT_FOUND');
    await request(http).get('/api/procedures/not-a-uuid').expect(400);
    await vote('6f1c1f4e-8d1c-4a55-9d6e-000000000000', 'x').expect(404);
  });

  it('refuses a vote without an idempotency key', async () => {
    const response = await request(http)
      .post('/api/procedures/6f1c1f4e-8d1c-4a55-9d6e-000000000000/approvals')
      .send({ voterId: 'x', choice: 'approve' })
      .expect(400);
    expect(response.body.errors[0].field).toBe('idempotencyKey');
  });

  it('serves health and OpenAPI docs', async () => {
    const health = await request(http).get('/health').expect(200);
    expect(health.body).toMatchObject({
      status: 'ok',
      checks: { postgres: { status: 'up' }, temporal: { status: 'up' } },
    });
    const docs = await request(http).get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/procedures',
        '/api/procedures/{id}',
        '/api/procedures/{id}/approvals',
        '/health',
      ]),
    );
  });
});
