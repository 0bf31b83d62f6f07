import { approvalsNeeded, tally } from './majority-rule';

describe('majority rule (more than half of ALL members)', () => {
  it.each([
    [1, 1],
    [2, 2],
    [3, 2],
    [4, 3],
    [5, 3],
    [11, 6],
    [12, 7],
  ])('a body of %i members needs %i approvals', (members, needed) => {
    expect(approvalsNeeded(members)).toBe(needed);
  });

  it('given 5 members, when 3 approve, then the resolution passes even with 2 outstanding', () => {
    expect(tally(5, ['approve', 'approve', 'approve'])).toMatchObject({ outcome: 'passed', outstanding: 2 });
  });

  it('given 4 members, when 2 approve and 2 abstain, then it fails: half is not more than half', () => {
    expect(tally(4, ['approve', 'approve', 'abstain', 'abstain'])).toMatchObject({
      outcome: 'failed',
      approve: 2,
    });
  });

  it('given 5 members, when 3 reject, then it fails at once because passing is impossible', () => {
    expect(tally(5, ['reject', 'reject', 'reject']).outcome).toBe('failed');
  });

  it('given 5 members, when 2 approve and 2 reject, then it stays open: the last vote decides', () => {
    expect(tally(5, ['approve', 'approve', 'reject', 'reject'])).toMatchObject({
      outcome: 'open',
      outstanding: 1,
    });
  });

  it('abstentions count against passing', () => {
    expect(tally(3, ['approve', 'abstain', 'abstain']).outcome).toBe('failed');
  });

  it('a configurable two-thirds rule needs more approvals', () => {
    expect(approvalsNeeded(9, { threshold: 2 / 3 })).toBe(7);
  });
});

describe('request for changes', () => {
  it('given one request for changes before a majority, then the round closes as changes_requested', () => {
    expect(tally(5, ['approve', 'request_changes'])).toMatchObject({
      outcome: 'changes_requested',
      requestChanges: 1,
    });
  });

  it('given a majority already approving, then a late request for changes does not undo it', () => {
    expect(tally(3, ['approve', 'approve', 'request_changes']).outcome).toBe('passed');
  });
});
