import {
  type ProcedureCommand,
  type ProcedureState,
  handle,
  initialProcedureState,
} from './procedure.decider';
import { procedureView } from './procedure-view';

const run = (commands: ProcedureCommand[]): ProcedureState =>
  commands.reduce((state, command) => handle(state, command).state, initialProcedureState);

const reviewing: ProcedureCommand[] = [{ type: 'start' }, { type: 'rules_checked', violations: [] }];
const drafting: ProcedureCommand[] = [
  ...reviewing,
  { type: 'decide_review', reviewerId: 'vp', accept: true, reasons: [] },
  { type: 'complete_step', step: 'draft_resolution' },
];
const due = { dueAt: '2025-07-09T10:00:00.000Z', stalledSince: '2025-07-09T10:00:00.000Z' };

describe('procedureView', () => {
  it('given a procedure waiting for its reviewer, then it is running at review with the deadline and stall', () => {
    expect(procedureView(run(reviewing), due)).toEqual({
      status: 'running',
      deciderStatus: 'reviewing',
      step: 'review',
      round: 1,
      waitingFor: 'reviewer',
      dueAt: due.dueAt,
      stalledSince: due.stalledSince,
      returnReasons: null,
      ended: null,
      endedAt: null,
      failure: null,
    });
  });

  it('given a returned procedure, when it is resubmitted, then the return reasons are cleared', () => {
    const returned = run([{ type: 'start' }, { type: 'rules_checked', violations: ['tên trùng'] }]);
    expect(procedureView(returned).returnReasons).toEqual(['tên trùng']);
    const resubmitted = handle(returned, { type: 'resubmit', by: 'bt' }).state;
    expect(procedureView(resubmitted)).toMatchObject({ returnReasons: null, round: 2, waitingFor: null });
  });

  it('given a step in progress (no one to wait for), then due and stalled are not shown', () => {
    const inStep = run([{ type: 'start' }]);
    expect(procedureView(inStep, due)).toMatchObject({
      deciderStatus: 'in_step',
      step: 'review',
      dueAt: null,
      stalledSince: null,
    });
  });

  it('given a failure, then the procedure is failed at its step, stalled since the failure, waiting for no one', () => {
    const failure = {
      code: 'NO_VOTERS',
      message: 'Ban Thường vụ chưa có thành viên',
      at: '2025-07-10T00:00:00.000Z',
    };
    expect(procedureView(run(drafting), { ...due, failure })).toMatchObject({
      status: 'failed',
      deciderStatus: 'drafting',
      step: 'draft_resolution',
      waitingFor: null,
      dueAt: null,
      stalledSince: failure.at,
      endedAt: failure.at,
      failure: { code: 'NO_VOTERS', message: failure.message },
    });
  });

  it('given a withdrawn procedure, then it shows who ended it and why, and no step', () => {
    const ended = handle(run(reviewing), { type: 'withdraw', by: 'bt', reason: 'trùng đề nghị' }).state;
    expect(procedureView(ended, { endedAt: '2025-07-10T00:00:00.000Z' })).toMatchObject({
      status: 'withdrawn',
      step: null,
      ended: { by: 'bt', reason: 'trùng đề nghị' },
      endedAt: '2025-07-10T00:00:00.000Z',
    });
  });

  it('given the registry moved before issue, when sent back to drafting, then the reasons show until submission', () => {
    const atIssue: ProcedureState = { status: 'in_step', step: 'issue_decision', round: 1 };
    const sentBack = handle(atIssue, {
      type: 'send_back',
      to: 'draft_resolution',
      reasons: ['đã đổi tên'],
    }).state;
    expect(procedureView(sentBack)).toMatchObject({
      step: 'draft_resolution',
      round: 2,
      returnReasons: ['đã đổi tên'],
    });
    const redrafted = handle(sentBack, { type: 'complete_step', step: 'draft_resolution' }).state;
    expect(procedureView(redrafted)).toMatchObject({
      deciderStatus: 'drafting',
      returnReasons: ['đã đổi tên'],
    });
    const submitted = handle(redrafted, { type: 'submit_draft', by: 'bt' }).state;
    expect(procedureView(submitted).returnReasons).toBeNull();
  });

  it('given the registry moved while drafting, when sent back to review, then the secretary gets the reasons in the same round', () => {
    const inDraft: ProcedureState = { status: 'in_step', step: 'draft_resolution', round: 1 };
    const sentBack = handle(inDraft, {
      type: 'send_back',
      to: 'review',
      reasons: ['đơn vị đã giải thể'],
    }).state;
    expect(procedureView(sentBack)).toMatchObject({
      deciderStatus: 'returned',
      step: 'review',
      round: 1,
      waitingFor: 'secretary',
      returnReasons: ['đơn vị đã giải thể'],
    });
  });
});
