import { DomainError } from '../errors/domain-error';
import {
  type ProcedureCommand,
  type ProcedureState,
  type RecordedVote,
  currentStep,
  decide,
  evolve,
  handle,
  initialProcedureState,
  waitingFor,
} from './procedure.decider';

const aVote = (voterId: string, choice: RecordedVote['choice'] = 'approve'): RecordedVote => ({
  voterId,
  choice,
  idempotencyKey: `key-${voterId}-${choice}`,
  castAt: '2025-07-07T02:00:00.000Z',
});

const run = (commands: ProcedureCommand[], from: ProcedureState = initialProcedureState): ProcedureState =>
  commands.reduce((state, command) => handle(state, command).state, from);

const accepted: ProcedureCommand[] = [
  { type: 'start' },
  { type: 'rules_checked', violations: [] },
  { type: 'decide_review', reviewerId: 'vp', accept: true, reasons: [] },
];
const votingWith = (voters: string[]): ProcedureState =>
  run([
    ...accepted,
    { type: 'complete_step', step: 'draft_resolution' },
    { type: 'submit_draft', by: 'bt' },
    { type: 'open_vote', voters },
  ]);

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('expected a DomainError');
};

describe('procedure decider', () => {
  it('given a new procedure, when started, then the rules are checked first (review, round 1)', () => {
    expect(run([{ type: 'start' }])).toEqual({ status: 'in_step', step: 'review', round: 1 });
  });

  it('given rules that pass, then a reviewer decides; given violations, then it goes back to the secretary with them', () => {
    expect(run([{ type: 'start' }, { type: 'rules_checked', violations: [] }])).toEqual({
      status: 'reviewing',
      round: 1,
    });
    expect(run([{ type: 'start' }, { type: 'rules_checked', violations: ['trùng tên'] }])).toEqual({
      status: 'returned',
      round: 1,
      reasons: ['trùng tên'],
    });
  });

  it('given a returned proposal, when the secretary resubmits, then the rules run again in round 2', () => {
    const returned = run([
      { type: 'start' },
      { type: 'rules_checked', violations: [] },
      { type: 'decide_review', reviewerId: 'vp', accept: false, reasons: ['Thiếu danh sách đảng viên'] },
    ]);
    expect(returned).toMatchObject({ status: 'returned', reasons: ['Thiếu danh sách đảng viên'] });
    expect(waitingFor(returned)).toBe('secretary');
    expect(run([{ type: 'resubmit', by: 'bt' }], returned)).toEqual({
      status: 'in_step',
      step: 'review',
      round: 2,
    });
  });

  it('refuses a return without reasons', () => {
    expect(
      codeOf(() =>
        decide(run([{ type: 'start' }, { type: 'rules_checked', violations: [] }]), {
          type: 'decide_review',
          reviewerId: 'vp',
          accept: false,
          reasons: [],
        }),
      ),
    ).toBe('REASON_REQUIRED');
  });

  it('walks review → draft → committee → decision → announcement and completes', () => {
    const afterVote = run(
      [{ type: 'cast_vote', vote: aVote('a') }, { type: 'advance_after_vote' }],
      votingWith(['a']),
    );
    expect(currentStep(afterVote)).toBe('issue_decision');
    const done = run(
      [
        { type: 'complete_step', step: 'issue_decision' },
        { type: 'complete_step', step: 'announce' },
      ],
      afterVote,
    );
    expect(done).toEqual({ status: 'completed', round: 1 });
  });

  it('refuses actions out of turn: reviewing while drafting, submitting a draft while reviewing, completing a step by decree', () => {
    const drafting = run([...accepted, { type: 'complete_step', step: 'draft_resolution' }]);
    expect(
      codeOf(() => decide(drafting, { type: 'decide_review', reviewerId: 'vp', accept: true, reasons: [] })),
    ).toBe('NOT_AWAITING_THIS_ACTION');
    expect(
      codeOf(() =>
        decide(run([{ type: 'start' }, { type: 'rules_checked', violations: [] }]), {
          type: 'submit_draft',
          by: 'bt',
        }),
      ),
    ).toBe('NOT_AWAITING_THIS_ACTION');
    const atCommittee = run([{ type: 'submit_draft', by: 'bt' }], drafting);
    expect(codeOf(() => decide(atCommittee, { type: 'complete_step', step: 'committee_approval' }))).toBe(
      'STEP_OUT_OF_ORDER',
    );
  });

  it('refuses to open a vote with no voters', () => {
    const atCommittee = run([
      ...accepted,
      { type: 'complete_step', step: 'draft_resolution' },
      { type: 'submit_draft', by: 'bt' },
    ]);
    expect(codeOf(() => decide(atCommittee, { type: 'open_vote', voters: [] }))).toBe('NO_VOTERS');
  });

  it('refuses a vote from a non-member and a second vote by the same member', () => {
    expect(codeOf(() => decide(votingWith(['a', 'b', 'c']), { type: 'cast_vote', vote: aVote('z') }))).toBe(
      'NOT_A_VOTER',
    );
    const once = run([{ type: 'cast_vote', vote: aVote('a') }], votingWith(['a', 'b', 'c']));
    expect(codeOf(() => decide(once, { type: 'cast_vote', vote: aVote('a', 'reject') }))).toBe(
      'ALREADY_VOTED',
    );
  });

  it('refuses votes before the vote opens and after it closes', () => {
    expect(codeOf(() => decide(run([{ type: 'start' }]), { type: 'cast_vote', vote: aVote('a') }))).toBe(
      'VOTE_NOT_OPEN',
    );
    const closed = run(
      [
        { type: 'cast_vote', vote: aVote('a') },
        { type: 'cast_vote', vote: aVote('b') },
      ],
      votingWith(['a', 'b', 'c']),
    );
    expect(closed.status).toBe('vote_closed');
    expect(codeOf(() => decide(closed, { type: 'cast_vote', vote: aVote('c') }))).toBe('VOTE_NOT_OPEN');
  });

  it('given 3 members, when 2 reject, then the vote fails and drafting starts round 2', () => {
    const failed = run(
      [
        { type: 'cast_vote', vote: aVote('a', 'reject') },
        { type: 'cast_vote', vote: aVote('b', 'reject') },
      ],
      votingWith(['a', 'b', 'c']),
    );
    expect(failed).toMatchObject({ status: 'vote_closed', tally: { outcome: 'failed' } });
    expect(run([{ type: 'advance_after_vote' }], failed)).toEqual({
      status: 'in_step',
      step: 'draft_resolution',
      round: 2,
    });
  });

  it('given one member requests changes, then the round closes at once and goes back to drafting', () => {
    const changes = run(
      [{ type: 'cast_vote', vote: aVote('a', 'request_changes') }],
      votingWith(['a', 'b', 'c', 'd', 'e']),
    );
    expect(changes).toMatchObject({
      status: 'vote_closed',
      tally: { outcome: 'changes_requested', requestChanges: 1 },
    });
    expect(run([{ type: 'advance_after_vote' }], changes)).toMatchObject({
      step: 'draft_resolution',
      round: 2,
    });
  });

  it('lets the secretary withdraw and a supervisor cancel before the decision, never after it passed', () => {
    expect(
      run([{ type: 'withdraw', by: 'bt', reason: 'Gộp vào nghị quyết khác' }], votingWith(['a'])),
    ).toMatchObject({ status: 'ended', outcome: 'withdrawn' });
    expect(
      run([{ type: 'cancel', by: 'tp', reason: 'Sai thẩm quyền' }], run([{ type: 'start' }])),
    ).toMatchObject({ status: 'ended', outcome: 'cancelled', by: 'tp' });
    const passed = run([{ type: 'cast_vote', vote: aVote('a') }], votingWith(['a']));
    expect(codeOf(() => decide(passed, { type: 'withdraw', by: 'bt', reason: 'muộn' }))).toBe(
      'TOO_LATE_TO_END',
    );
    expect(
      codeOf(() =>
        decide(run([{ type: 'advance_after_vote' }], passed), { type: 'cancel', by: 'tp', reason: 'muộn' }),
      ),
    ).toBe('TOO_LATE_TO_END');
  });

  it('refuses every command once completed or ended', () => {
    expect(codeOf(() => decide({ status: 'completed', round: 1 }, { type: 'start' }))).toBe(
      'PROCEDURE_TERMINATED',
    );
    expect(
      codeOf(() =>
        decide(
          { status: 'ended', round: 1, outcome: 'withdrawn', by: 'x', reason: 'y' },
          { type: 'resubmit', by: 'x' },
        ),
      ),
    ).toBe('PROCEDURE_TERMINATED');
  });

  it('evolve ignores a stray vote event outside voting (replaying old events is safe)', () => {
    const state: ProcedureState = { status: 'in_step', step: 'review', round: 1 };
    expect(evolve(state, { type: 'vote_cast', round: 1, vote: aVote('a') })).toBe(state);
  });
});
