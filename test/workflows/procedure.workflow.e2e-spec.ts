/**
 * The procedure workflow alone, with fake activities, on the Temporal dev server the e2e set-up starts
 * (`TestWorkflowEnvironment.createFromExistingServer`). The SDK's time-skipping server is downloaded at run
 * time and cannot be had offline (../shared/OFFLINE.md), so deadlines are shortened instead: a working day
 * lasts `WORKING_DAY_MS` here (the `DEADLINE_WORKING_DAY_MS` setting), and the assertions use only what
 * timers guarantee (they never fire early).
 */
import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { DEFAULT_DEADLINES, type DeadlinePolicy, type ProcedureView } from '@kientoan/domain';
import {
  type ProcedureActivities,
  type ProjectionInput,
  type ProcedureWorkflowInput,
  type ProcedureWorkflowResult,
  castVoteUpdate,
  procedureViewQuery,
  procedureWorkflowId,
  reviewUpdate,
  submitDraftUpdate,
  withdrawUpdate,
} from '@kientoan/workflows';
import { eventually } from '../support/test-app';
import { readTestEnvironment } from '../support/test-environment';

const WORKING_DAY_MS = 600;
const VOTERS = ['uv-1', 'uv-2', 'uv-3'];

/** Fake activities that record what the workflow asked for and when. */
const fakeActivities = () => {
  const calls: { name: string; at: number; input: unknown }[] = [];
  const views: ProcedureView[] = [];
  /** Procedures whose first issue finds the registry moved (another decision came first). */
  const sendBackFirstIssue = new Set<string>();
  const record =
    <T>(name: string, answer: (input: never) => T) =>
    (input: never): Promise<T> => {
      calls.push({ name, at: Date.now(), input });
      return Promise.resolve(answer(input));
    };
  const activities: ProcedureActivities = {
    projectProcedure: record('projectProcedure', (input: { view: ProcedureView }) => {
      views.push(input.view);
    }),
    reportFailure: record('reportFailure', () => undefined),
    beginStep: record('beginStep', () => undefined),
    checkRules: record('checkRules', () => ({ violations: [] })),
    recordReview: record('recordReview', () => undefined),
    storeResubmission: record('storeResubmission', () => undefined),
    draftResolution: record('draftResolution', () => ({ outcome: 'drafted' as const, version: 1 })),
    submitDraft: record('submitDraft', () => ({ version: 2 })),
    openCommitteeVote: record('openCommitteeVote', () => ({ voters: VOTERS })),
    recordVote: record('recordVote', () => undefined),
    closeCommitteeVote: record('closeCommitteeVote', () => undefined),
    issueDecision: record('issueDecision', (input: { procedureId: string }) =>
      sendBackFirstIssue.delete(input.procedureId)
        ? {
            outcome: 'sent_back' as const,
            to: 'draft_resolution' as const,
            reasons: ['Chi bộ Tổ dân phố số 6 đã được đổi tên bởi quyết định khác.'],
          }
        : {
            outcome: 'issued' as const,
            number: 1,
            symbol: 'Số 1-QĐ/ĐU',
            resolutionSymbol: 'Số 1-NQ/ĐU',
            year: 2025,
            issuedAt: new Date().toISOString(),
            changes: 1,
          },
    ),
    announceDecision: record('announceDecision', () => ({
      publishedAt: new Date().toISOString(),
      recipients: 1,
    })),
    completeProcedure: record('completeProcedure', () => undefined),
    endProcedure: record('endProcedure', () => undefined),
    markWaiting: record('markWaiting', () => undefined),
    sendReminder: record('sendReminder', () => undefined),
    escalate: record('escalate', () => undefined),
  };
  const first = (name: string) => calls.find((c) => c.name === name);
  return { activities, calls, views, first, sendBackFirstIssue };
};

describe('procedure workflow with fake activities', () => {
  let env: TestWorkflowEnvironment;
  let fakes: ReturnType<typeof fakeActivities>;
  let worker: Worker;
  let running: Promise<void>;
  const taskQueue = `workflow-test-${randomUUID()}`;

  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    const test = readTestEnvironment();
    env = await TestWorkflowEnvironment.createFromExistingServer({
      address: test.temporalAddress,
      namespace: test.temporalNamespace,
    });
    fakes = fakeActivities();
    worker = await Worker.create({
      connection: env.nativeConnection,
      namespace: test.temporalNamespace,
      taskQueue,
      workflowBundle: { codePath: test.workflowBundlePath },
      activities: fakes.activities,
    });
    running = worker.run();
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
  });

  const start = async (deadlines: Partial<DeadlinePolicy> = {}) => {
    const procedureId = randomUUID();
    const input: ProcedureWorkflowInput = {
      procedureId,
      wardCode: 'phuong-thu',
      kind: 'rename',
      deadlines: { ...DEFAULT_DEADLINES, workingDayMs: 60 * WORKING_DAY_MS, ...deadlines },
    };
    const handle = await env.client.workflow.start('procedureWorkflow', {
      workflowId: procedureWorkflowId(procedureId),
      taskQueue,
      args: [input],
    });
    const callsOf = (name: string) =>
      fakes.calls.filter(
        (c) => c.name === name && (c.input as { procedureId?: string }).procedureId === procedureId,
      );
    /** Every view the run published, in order: alone (`projectProcedure`) or with a step's activity. */
    const projections = (): ProjectionInput[] =>
      fakes.calls.flatMap((c) => {
        const input = c.input as { procedureId?: string; projection?: ProjectionInput };
        if (input.procedureId !== procedureId) return [];
        if (c.name === 'projectProcedure') return [input as ProjectionInput];
        return input.projection ? [input.projection] : [];
      });
    const activityNames = () =>
      fakes.calls
        .filter((c) => (c.input as { procedureId?: string }).procedureId === procedureId)
        .map((c) => c.name);
    const viewWhen = (matches: (view: ProcedureView) => boolean, what: string) =>
      eventually(
        async () => {
          const view = await handle.query(procedureViewQuery);
          return matches(view) ? view : undefined;
        },
        30_000,
        what,
      );
    return { procedureId, handle, callsOf, projections, activityNames, viewWhen };
  };

  const toVoting = async (run: Awaited<ReturnType<typeof start>>) => {
    await run.viewWhen((v) => v.deciderStatus === 'reviewing', 'reviewing');
    await run.handle.executeUpdate(reviewUpdate, { args: [{ reviewerId: 'vp', accept: true, reasons: [] }] });
    await run.viewWhen((v) => v.deciderStatus === 'drafting', 'drafting');
    await run.handle.executeUpdate(submitDraftUpdate, { args: [{ by: 'bt' }] });
    await run.viewWhen((v) => v.deciderStatus === 'voting', 'voting');
  };

  it('given a reviewer who does not act, then the reminder comes at the half-way point, not before', async () => {
    const run = await start({ workingDayMs: WORKING_DAY_MS, reviewDays: 2 });
    const waiting = await run.viewWhen(
      (v) => v.deciderStatus === 'reviewing' && v.dueAt !== null,
      'the wait',
    );
    const [reminder] = await eventually(() => {
      const found = run.callsOf('sendReminder');
      return Promise.resolve(found.length ? found : undefined);
    });
    const dueAt = Date.parse(waiting.dueAt!);
    const halfWay = dueAt - WORKING_DAY_MS; // two working days, reminder at 0.5
    expect(reminder!.at).toBeGreaterThanOrEqual(halfWay);
    expect(run.callsOf('escalate').filter((c) => c.at < reminder!.at)).toEqual([]);
    await run.handle.terminate('test finished');
  });

  it('given a reviewer who does not act, then at the deadline it is escalated and stalled since the deadline', async () => {
    const run = await start({ workingDayMs: WORKING_DAY_MS, reviewDays: 1 });
    const stalled = await run.viewWhen((v) => v.stalledSince !== null, 'the stall');
    expect(stalled.stalledSince).toBe(stalled.dueAt);
    const [escalation] = run.callsOf('escalate');
    expect(escalation!.at).toBeGreaterThanOrEqual(Date.parse(stalled.dueAt!));
    expect(run.callsOf('sendReminder')).toHaveLength(1);
    const described = await run.handle.describe();
    expect(described.searchAttributes['KientoanStalledSince']).toBeDefined();
    await run.handle.terminate('test finished');
  });

  it('given a vote in progress, when the secretary withdraws, then the procedure ends withdrawn with who and why', async () => {
    const run = await start();
    await toVoting(run);
    await run.handle.executeUpdate(castVoteUpdate, {
      args: [{ voterId: 'uv-1', choice: 'approve', idempotencyKey: randomUUID() }],
    });
    await run.handle.executeUpdate(withdrawUpdate, {
      args: [{ by: 'bt', reason: 'Trùng với đề nghị khác' }],
    });
    const result = (await run.handle.result()) as ProcedureWorkflowResult;
    expect(result).toMatchObject({ outcome: 'withdrawn', decisionSymbol: null });
    expect(run.callsOf('endProcedure').map((c) => c.input)).toEqual([
      expect.objectContaining({ outcome: 'withdrawn', by: 'bt', reason: 'Trùng với đề nghị khác' }),
    ]);
    expect(run.callsOf('closeCommitteeVote')).toEqual([]);
    const last = run.projections().at(-1)!.view;
    expect(last).toMatchObject({
      status: 'withdrawn',
      ended: { by: 'bt', reason: 'Trùng với đề nghị khác' },
    });
  });

  it('given the registry changed before issue, then the procedure goes back to drafting in a new round with the reason, and issues after a new vote', async () => {
    const run = await start();
    fakes.sendBackFirstIssue.add(run.procedureId);
    await toVoting(run);
    for (const voterId of VOTERS.slice(0, 2))
      await run.handle.executeUpdate(castVoteUpdate, {
        args: [{ voterId, choice: 'approve', idempotencyKey: randomUUID() }],
      });
    const redrafting = await run.viewWhen(
      (v) => v.round === 2 && v.deciderStatus === 'drafting',
      'the redraft',
    );
    expect(redrafting).toMatchObject({
      status: 'running',
      step: 'draft_resolution',
      returnReasons: ['Chi bộ Tổ dân phố số 6 đã được đổi tên bởi quyết định khác.'],
      failure: null,
    });
    await run.handle.executeUpdate(submitDraftUpdate, { args: [{ by: 'bt' }] });
    await run.viewWhen((v) => v.deciderStatus === 'voting' && v.round === 2, 'the second vote');
    for (const voterId of VOTERS.slice(0, 2))
      await run.handle.executeUpdate(castVoteUpdate, {
        args: [{ voterId, choice: 'approve', idempotencyKey: randomUUID() }],
      });
    expect(await run.handle.result()).toMatchObject({
      outcome: 'completed',
      decisionSymbol: 'Số 1-QĐ/ĐU',
      rounds: 2,
    });
    const revisions = run.projections().map((p) => p.revision);
    expect(revisions).toEqual(revisions.map((_, i) => i + 1));
  });

  it('given a run started now, when it goes through every step, then each step is one activity that publishes the view it begins with', async () => {
    const run = await start();
    await toVoting(run);
    // Two of three approve: the majority closes the vote.
    for (const voterId of VOTERS.slice(0, 2))
      await run.handle.executeUpdate(castVoteUpdate, {
        args: [{ voterId, choice: 'approve', idempotencyKey: randomUUID() }],
      });
    await run.handle.result();

    // A person's action records itself while the run goes on, so the order interleaves: count them.
    const counts: Record<string, number> = {};
    for (const name of run.activityNames()) counts[name] = (counts[name] ?? 0) + 1;
    expect(counts).toEqual({
      checkRules: 1,
      recordReview: 1,
      draftResolution: 1,
      submitDraft: 1,
      openCommitteeVote: 1,
      recordVote: 2,
      closeCommitteeVote: 1,
      issueDecision: 1,
      announceDecision: 1,
      // the three waits (with their due dates) and the end
      projectProcedure: 4,
    });
    const steps = [
      'checkRules',
      'draftResolution',
      'openCommitteeVote',
      'closeCommitteeVote',
      'issueDecision',
    ];
    for (const name of steps)
      expect(run.callsOf(name)[0]!.input).toMatchObject({ projection: { view: { status: 'running' } } });
    expect(run.projections().map((p) => p.revision)).toEqual(run.projections().map((_, i) => i + 1));
  });
});
