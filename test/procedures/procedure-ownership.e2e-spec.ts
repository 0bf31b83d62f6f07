/**
 * The workflow owns the procedure: one writer of the row's view, a registry that moved sends a procedure
 * back instead of failing it, any other non-retryable failure is a visible `failed` state, and supervisors'
 * reminders and escalations go through the workflow (row, search attribute, notifications and audit together).
 * Real PostgreSQL, real Temporal dev server, real worker (one activity replaced to inject a failure).
 */
import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import type { App } from 'supertest/types';
import { DEFAULT_DEADLINES } from '@kientoan/domain';
import { ProcedureSearchAttributes, procedureWorkflowId } from '@kientoan/workflows';
import { type TestStack, createTestStack, eventually } from '../support/test-app';
import { givenSupervisor, givenWardShapedLike } from '../support/factories';
import { type Client, client, login } from '../support/http-client';
import { ProcedureDriver, signIn } from '../support/procedure-driver';
import { recordHistory } from '../support/history-recorder';

/** Procedures whose rules check fails with a non-retryable error (the injected fault). */
const failing = new Set<string>();
const INJECTED = 'INJECTED_FAULT';

describe('One owner for a procedure (e2e)', () => {
  let stack: TestStack;
  let driver: ProcedureDriver;
  let supervisor: Client;

  beforeAll(async () => {
    stack = await createTestStack();
    driver = new ProcedureDriver(stack);
    const http = stack.app.getHttpServer() as App;
    supervisor = client(http, await login(http, await givenSupervisor(stack.prisma)));
    await stack.startWorker({
      faults: (real) => ({
        checkRules: (key) => {
          if (!failing.has(key.procedureId)) return real.checkRules(key);
          throw ApplicationFailure.create({
            type: INJECTED,
            message: 'injected fault',
            nonRetryable: true,
            details: [{ messageVi: 'Lỗi thử nghiệm được cố ý gây ra ở bước rà soát.' }],
          });
        },
      }),
    });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('given two procedures that give one name to two cells, when the first is issued, then the second goes back with a reason and no workflow fails', async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 1 });
    const as = await signIn(stack.app.getHttpServer() as App, ward);
    const newName = 'Chi bộ Tổ dân phố số 34';
    const first = await driver.start(as, ward.code, [
      { kind: 'rename', unitId: `${ward.code}.tdp6`, newName },
    ]);
    const second = await driver.start(as, ward.code, [
      { kind: 'rename', unitId: `${ward.code}.tdp7`, newName },
    ]);
    await driver.toVoting(as, first);
    await driver.toVoting(as, second);

    const [voter] = ward.voters;
    await driver.vote(as, first, voter!).expect(200);
    expect(await driver.handle(first).result()).toMatchObject({ outcome: 'completed' });
    await driver.vote(as, second, voter!).expect(200);

    const sentBack = await eventually(async () => {
      const row = await stack.prisma.procedure.findUniqueOrThrow({ where: { id: second } });
      return row.round > 1 || row.deciderStatus === 'returned' ? row : undefined;
    });
    expect(sentBack.status).toBe('running');
    expect(['returned', 'in_step', 'drafting']).toContain(sentBack.deciderStatus);
    expect(JSON.stringify(sentBack.returnReasons)).toContain('Sổ đăng ký đã thay đổi');

    const described = await driver.handle(second).describe();
    expect(described.status.name).toBe('RUNNING');
    const shown = await as.secretary.get(`/api/procedures/${second}`).expect(200);
    expect(shown.body).toMatchObject({ status: 'running', failure: null });
    expect(await driver.view(second)).toMatchObject({
      deciderStatus: shown.body.deciderStatus,
      round: shown.body.round,
    });
    await recordHistory(stack, 'procedure-sent-back-before-issue', second);
    await driver.handle(second).terminate('test finished');
  });

  it('given a workflow started without its row and a non-retryable failure, then the workflow creates the row and records failed, visible to supervision; actions answer 409', async () => {
    const wardCode = 'phuong-kim-lien';
    const progressBefore = await supervisor.get('/api/supervision/progress').expect(200);
    const failedBefore = progressBefore.body.items.find((w: { code: string }) => w.code === wardCode).failed;

    const procedureId = randomUUID();
    failing.add(procedureId);
    // No API, no row: as if the API's transaction failed to commit after the workflow started.
    await stack.temporal.workflow.start('procedureWorkflow', {
      workflowId: procedureWorkflowId(procedureId),
      taskQueue: stack.taskQueue,
      args: [
        {
          procedureId,
          wardCode,
          kind: 'rename',
          deadlines: DEFAULT_DEADLINES,
          seed: {
            wardCode,
            kind: 'rename',
            title: 'thủ tục có lỗi được cố ý gây ra',
            items: [],
            initiatedBy: 'test',
            effectiveDate: null,
          },
        },
      ],
    });
    await expect(driver.handle(procedureId).result()).rejects.toThrow();

    const shown = await supervisor.get(`/api/procedures/${procedureId}`).expect(200);
    expect(shown.body).toMatchObject({
      status: 'failed',
      currentStep: 'review',
      failure: { code: INJECTED, message: 'Lỗi thử nghiệm được cố ý gây ra ở bước rà soát.' },
    });
    const progress = await supervisor.get('/api/supervision/progress').expect(200);
    expect(progress.body.items.find((w: { code: string }) => w.code === wardCode).failed).toBe(
      failedBefore + 1,
    );
    const stalled = await supervisor
      .get(`/api/supervision/stalled?wardCode=${wardCode}&limit=200`)
      .expect(200);
    expect(stalled.body.items).toContainEqual(
      expect.objectContaining({
        id: procedureId,
        status: 'failed',
        failure: expect.objectContaining({ code: INJECTED }),
      }),
    );
    await recordHistory(stack, 'procedure-failed', procedureId);
    const told = await stack.prisma.notification.findMany({ where: { procedureId, kind: 'failure' } });
    expect(told.map((n) => n.recipient)).toEqual(['role:supervisor']);

    const refused = await supervisor
      .post(`/api/supervision/procedures/${procedureId}/cancel`)
      .send({ reason: 'dừng thủ tục lỗi' })
      .expect(409);
    expect(refused.body.code).toBe('PROCEDURE_FAILED');
  });

  it('given a vote with one member voted, when supervisors remind and escalate in bulk, then the members yet to vote are reminded and the stall shows in the row and the search attribute', async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 3 });
    const as = await signIn(stack.app.getHttpServer() as App, ward);
    const id = await driver.start(as, ward.code, [
      { kind: 'rename', unitId: `${ward.code}.tdp6`, newName: 'Chi bộ Tổ dân phố số 36' },
    ]);
    await driver.toVoting(as, id);
    const [voted, ...notYet] = ward.voters;
    await driver.vote(as, id, voted!).expect(200);

    const bulk = (action: string) =>
      supervisor
        .post('/api/supervision/bulk')
        .send({ action, filter: { wardCode: ward.code, step: 'committee_approval' }, dryRun: false })
        .expect(200);
    expect((await bulk('remind')).body).toMatchObject({
      touched: 1,
      results: [{ procedureId: id, ok: true }],
    });
    const reminded = await stack.prisma.notification.findMany({
      where: { procedureId: id, kind: 'reminder' },
      orderBy: { recipient: 'asc' },
    });
    expect(reminded.map((n) => n.recipient)).toEqual(notYet.map((m) => `member:${m}`).sort());

    expect((await bulk('escalate')).body).toMatchObject({ touched: 1 });
    const row = await stack.prisma.procedure.findUniqueOrThrow({ where: { id } });
    expect(row.stalledSince).not.toBeNull();
    const description = await driver.handle(id).describe();
    const stalledSince = description.typedSearchAttributes.get(ProcedureSearchAttributes.stalledSince);
    expect(stalledSince?.getTime()).toBe(row.stalledSince!.getTime());
    const audit = await stack.prisma.auditEntry.findMany({
      where: { procedureId: id, action: { startsWith: 'supervision.' } },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => [a.action, a.role])).toEqual([
      ['supervision.remind', 'supervisor'],
      ['supervision.escalate', 'supervisor'],
    ]);
    expect(
      await stack.prisma.notification.count({
        where: { procedureId: id, kind: 'escalation', recipient: 'role:supervisor' },
      }),
    ).toBe(1);

    // Acting clears the stall in both places.
    await driver.vote(as, id, notYet[0]!).expect(200); // 2 of 3: passed
    await driver.handle(id).result();
    const done = await stack.prisma.procedure.findUniqueOrThrow({ where: { id } });
    expect(done).toMatchObject({ status: 'completed', stalledSince: null, waitingFor: null });
  });
});
