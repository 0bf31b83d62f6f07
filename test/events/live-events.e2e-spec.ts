/**
 * The event stream against the real API and PostgreSQL: a NOTIFY on `procedure_changed` (the payload the
 * projection writer sends) reaches the signed-in users who may read the procedure's ward, and no one else.
 */
import { randomUUID } from 'node:crypto';
import type { ProcedureView } from '@kientoan/domain';
import type { AddressInfo } from 'node:net';
import type { App } from 'supertest/types';
import { type TestStack, createTestStack } from '../support/test-app';
import { type TestWard, givenWard } from '../support/factories';
import { client, login } from '../support/http-client';
import { writeProcedureView } from '../../apps/worker/src/activities/procedure-projection';
import { createProcedureActivities } from '../../apps/worker/src/activities/procedure-steps.activities';
import { createDefaultNotifier } from '../../apps/worker/src/notifications/default-notifier';
import { MockActivityEnvironment } from '@temporalio/testing';

/** Reads `event:`/`data:` blocks from an SSE response until `count` events named `name` arrived. */
const readEvents = async (response: Response, name: string, count: number): Promise<unknown[]> => {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: unknown[] = [];
  let buffer = '';
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    const blocks = buffer.split('\n\n');
    buffer = blocks.pop() ?? '';
    for (const block of blocks) {
      const type = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (type === name && data) events.push(JSON.parse(data));
    }
  }
  await reader.cancel();
  return events;
};

/** A procedure waiting for its committee's votes, as the workflow publishes it. */
const VOTING_VIEW = {
  status: 'running',
  deciderStatus: 'voting',
  step: 'committee_approval',
  round: 1,
  waitingFor: 'committee',
  dueAt: null,
  stalledSince: null,
  returnReasons: null,
  ended: null,
  endedAt: null,
  failure: null,
} as const satisfies ProcedureView;

/** The row's content when the projection writer creates it. */
const seedOf = (ward: TestWard) => ({
  wardCode: ward.code,
  kind: 'rename',
  title: 'Đổi tên',
  items: [],
  initiatedBy: ward.users.secretary,
  effectiveDate: null,
});

describe('Live events (e2e)', () => {
  let stack: TestStack;
  let http: App;
  let base: string;

  beforeAll(async () => {
    stack = await createTestStack();
    await stack.app.listen(0, '127.0.0.1');
    http = stack.app.getHttpServer() as App;
    base = `http://127.0.0.1:${(stack.app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await stack?.close();
  });

  /** A ward secretary's event stream collecting `count` procedure_changed events; `close` it whatever happens. */
  const secretaryStream = async (ward: TestWard, count: number) => {
    const secretary = client(http, await login(http, ward.users.secretary));
    const { body } = await secretary.post('/api/events/ticket').expect(200);
    // Closed whatever happens: an open stream would keep the API from closing after a failure.
    const stream = new AbortController();
    const response = await fetch(`${base}/api/events?ticket=${encodeURIComponent(body.ticket)}`, {
      signal: stream.signal,
    });
    const received = readEvents(response, 'procedure_changed', count).catch(() => []);
    // The stream subscribes when the response starts: give the listener a moment.
    await new Promise((r) => setTimeout(r, 300));
    return { received, close: () => stream.abort() };
  };

  const notify = (payload: object) =>
    stack.prisma.$executeRaw`SELECT pg_notify('procedure_changed', ${JSON.stringify(payload)})`;

  it('given a signed-in secretary with a ticket, when procedures of her ward and another ward change, then she hears only hers', async () => {
    const mine = await givenWard(stack.prisma);
    const other = await givenWard(stack.prisma);
    const secretary = client(http, await login(http, mine.users.secretary));
    const { body } = await secretary.post('/api/events/ticket').expect(200);

    const response = await fetch(`${base}/api/events?ticket=${encodeURIComponent(body.ticket)}`);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const received = readEvents(response, 'procedure_changed', 1);
    // The stream subscribes when the response starts; give the listener a moment, then notify.
    await new Promise((r) => setTimeout(r, 300));
    await notify({ procedureId: 'p-other', wardCode: other.code, revision: 1 });
    await notify({ procedureId: 'p-mine', wardCode: mine.code, revision: 2 });

    expect(await received).toEqual([{ procedureId: 'p-mine', wardCode: mine.code, revision: 2 }]);
  });

  it('given the projection writer moves a procedure on, then the event carries its new status, step and whom it waits for', async () => {
    const ward = await givenWard(stack.prisma);
    const { received, close } = await secretaryStream(ward, 2);
    try {
      const procedureId = randomUUID();
      const view = VOTING_VIEW;
      await writeProcedureView(stack.prisma, {
        procedureId,
        revision: 1,
        view,
        seed: seedOf(ward),
        now: new Date(),
      });
      // The deciding vote: the step moves to the issue, which waits for no one.
      await writeProcedureView(stack.prisma, {
        procedureId,
        revision: 2,
        view: { ...view, deciderStatus: 'issuing' as never, step: 'issue_decision', waitingFor: null },
        now: new Date(),
      });

      expect(await received).toEqual([
        {
          procedureId,
          wardCode: ward.code,
          revision: 1,
          status: 'running',
          currentStep: 'committee_approval',
          waitingFor: 'committee',
        },
        {
          procedureId,
          wardCode: ward.code,
          revision: 2,
          status: 'running',
          currentStep: 'issue_decision',
          waitingFor: null,
        },
      ]);
    } finally {
      close();
    }
  });

  it('given a vote that does not close the round, when it is recorded, then the event names the procedure with the votes cast so far and its revision unchanged', async () => {
    const ward = await givenWard(stack.prisma);
    const { received, close } = await secretaryStream(ward, 2);
    try {
      const procedureId = randomUUID();
      await writeProcedureView(stack.prisma, {
        procedureId,
        revision: 3,
        view: VOTING_VIEW,
        seed: seedOf(ward),
        now: new Date(),
      });
      const activities = createProcedureActivities({
        prisma: stack.prisma,
        clock: { now: () => new Date() },
        notifier: createDefaultNotifier(stack.prisma, { now: () => new Date() }),
      });
      await new MockActivityEnvironment().run(activities.recordVote, {
        procedureId,
        round: 1,
        vote: {
          voterId: ward.voters[0]!,
          choice: 'approve' as const,
          idempotencyKey: randomUUID(),
          castAt: new Date().toISOString(),
        },
      });

      expect((await received)[1]).toEqual({
        procedureId,
        wardCode: ward.code,
        revision: 3,
        status: 'running',
        currentStep: 'committee_approval',
        waitingFor: 'committee',
        votes: 1,
      });
    } finally {
      close();
    }
  });

  it('given no ticket or a bearer token instead of one, when the stream is opened, then 401 or 400', async () => {
    const ward = await givenWard(stack.prisma);
    const token = await login(http, ward.users.secretary);

    expect((await fetch(`${base}/api/events`)).status).toBe(400);
    expect((await fetch(`${base}/api/events?ticket=${token}`)).status).toBe(401);
  });

  it('given a ticket, when it is used as a bearer token, then the API refuses it', async () => {
    const ward = await givenWard(stack.prisma);
    const secretary = client(http, await login(http, ward.users.secretary));
    const { body } = await secretary.post('/api/events/ticket').expect(200);

    await client(http, body.ticket).get('/api/auth/me').expect(401);
  });
});
