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
} from './procedure.decider';

const aVote = (voterId: string, choice: RecordedVote['choice'] = 'approve'): RecordedVote => ({
  voterId,
  choice,
  idempotencyKey: `key-${voterId}-${choice}`,
  castAt: '2025-07-07T02:00:00.000Z',
});

const run = (commands: ProcedureCommand[], from: ProcedureState = initialProcedureState): ProcedureState =>
  commands.reduce((state, command) => handle(state, command).state, from);

const votingWith = (voters: string[]): ProcedureState =>
  run([
    { type: 'start' },
    { type: 'complete_step', step: 'review' },
    { type: 'complete_step', step: 'draft_resolution' },
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
  it('given a new procedure, when started, then it is in review round 1', () => {
    expect(run([{ type: 'start' }])).toEqual({ status: 'in_step', step: 'review', round: 1 });
  });

  it('walks the five steps in order and completes', () => {
    const voting = votingWith(['a']);
    const afterVote = run([{ type: 'cast_vote', vote: aVote('a') }, { type: 'advance_after_vote' }], voting);
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

  it('refuses to complete a step that is not the current one', () => {
    expect(codeOf(() => decide(run([{ type: 'start' }]), { type: 'complete_step', step: 'announce' }))).toBe(
      'STEP_OUT_OF_ORDER',
    );
  });

  it('never completes the committee step by decree: only votes close it', () => {
    const atCommittee = run([
      { type: 'start' },
      { type: 'complete_step', step: 'review' },
      { type: 'complete_step', step: 'draft_resolution' },
    ]);
    expect(codeOf(() => decide(atCommittee, { type: 'complete_step', step: 'committee_approval' }))).toBe(
      'STEP_OUT_OF_ORDER',
    );
  });

  it('refuses to open a vote with no voters', () => {
    const atCommittee = run([
      { type: 'start' },
      { type: 'complete_step', step: 'review' },
      { type: 'complete_step', step: 'draft_resolution' },
    ]);
    expect(codeOf(() => decide(atCommittee, { type: 'open_vote', voters: [] }))).toBe('NO_VOTERS');
  });

  it('refuses a vote from a non-member', () => {
    expect(codeOf(() => decide(votingWith(['a', 'b', 'c']), { type: 'cast_vote', vote: aVote('z') }))).toBe(
      'NOT_A_VOTER',
    );
  });

  it('refuses a second vote by the same member', () => {
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

  it('given 3 members, when 2 reject, then the vote closes as failed and drafting starts round 2', () => {
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

  it('deduplicates voters when the vote opens', () => {
    expect(votingWith(['a', 'a', 'b'])).toMatchObject({ voters: ['a', 'b'] });
  });

  it('refuses every command once completed', () => {
    const done: ProcedureState = { status: 'completed', round: 1 };
    expect(codeOf(() => decide(done, { type: 'start' }))).toBe('PROCEDURE_TERMINATED');
  });

  it('evolve ignores a stray vote event outside voting (replaying old events is safe)', () => {
    const state: ProcedureState = { status: 'in_step', step: 'review', round: 1 };
    expect(evolve(state, { type: 'vote_cast', round: 1, vote: aVote('a') })).toBe(state);
  });
});
