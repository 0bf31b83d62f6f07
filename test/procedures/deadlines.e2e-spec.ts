/**
 * Deadlines: a waiting step gets a reminder part-way and is escalated to the supervisors at its deadline;
 * "stalled since" is kept in PostgreSQL and in the Temporal search attribute (so the Web UI can filter).
 * A working day is shortened to one second here (DEADLINE_WORKING_DAY_MS), the same setting a demo uses.
 */
import type { App } from 'supertest/types';
import { recordHistory } from '../support/history-recorder';
import { procedureWorkflowId } from '@kientoan/workflows';
import { type TestStack, createTestStack, eventually } from '../support/test-app';
import { givenWardShapedLike } from '../support/factories';
import { ProcedureDriver, signIn } from '../support/procedure-driver';

describe('Deadlines, reminders and escalation (e2e)', () => {
  let stack: TestStack;
  let driver: ProcedureDriver;

  beforeAll(async () => {
    process.env.DEADLINE_WORKING_DAY_MS = '1000';
    stack = await createTestStack();
    driver = new ProcedureDriver(stack);
    await stack.startWorker();
  });

  afterAll(async () => {
    delete process.env.DEADLINE_WORKING_DAY_MS;
    await stack?.close();
  });

  it('given a reviewer who does not act, when the deadline passes, then a reminder, then an escalation and a stall are recorded; acting clears the stall', async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 1 });
    const as = await signIn(stack.app.getHttpServer() as App, ward);
    const id = await driver.start(as, ward.code, [
      { kind: 'rename', unitId: `${ward.code}.tdp6`, newName: 'Chi bộ Tổ dân phố số 34' },
    ]);
    await driver.waitFor(id, 'reviewing');

    const stalled = await eventually(
      async () => {
        const procedure = await stack.prisma.procedure.findUniqueOrThrow({ where: { id } });
        return procedure.stalledSince ? procedure : undefined;
      },
      30_000,
      'the escalation',
    );
    expect(stalled).toMatchObject({ waitingFor: 'reviewer', currentStep: 'review' });
    expect(stalled.stalledSince!.getTime()).toBe(stalled.dueAt!.getTime());

    const notifications = await stack.prisma.notification.findMany({
      where: { procedureId: id },
      orderBy: { id: 'asc' },
    });
    expect(notifications.map((n) => [n.kind, n.recipient])).toEqual([
      ['reminder', `ward:${ward.code}:reviewer`],
      ['escalation', 'role:supervisor'],
    ]);
    expect(notifications[1]!.subject).toContain('Quá hạn');

    // The Web UI's filter: running procedures stalled since before now.
    const listed = await eventually(
      async () => {
        const found: string[] = [];
        for await (const wf of stack.temporal.workflow.list({
          query: `WorkflowId = '${procedureWorkflowId(id)}' AND KientoanStalledSince < '${new Date().toISOString()}'`,
        }))
          found.push(wf.workflowId);
        return found.length ? found : undefined;
      },
      15_000,
      'the stalled-since search attribute',
    );
    expect(listed).toEqual([procedureWorkflowId(id)]);

    await driver.review(as, id, 'accept').expect(200);
    const moved = await eventually(async () => {
      const procedure = await stack.prisma.procedure.findUniqueOrThrow({ where: { id } });
      return procedure.currentStep === 'draft_resolution' && procedure.waitingFor === 'secretary'
        ? procedure
        : undefined;
    });
    expect(moved.stalledSince).toBeNull();
    await recordHistory(stack, 'procedure-escalated-review', id);
    await stack.temporal.workflow.getHandle(procedureWorkflowId(id)).terminate('test finished');
  });
});
