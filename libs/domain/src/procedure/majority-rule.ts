/**
 * Party Statute: a resolution of a leading body is valid only when MORE THAN HALF OF ALL ITS MEMBERS approve
 * (not half of those present or voting). Abstentions and absences therefore count against passing.
 */
export const VOTE_CHOICES = ['approve', 'reject', 'abstain', 'request_changes'] as const;
/** "request_changes" (đề nghị chỉnh sửa) closes the round at once and sends the draft back. */
export type VoteChoice = (typeof VOTE_CHOICES)[number];

export interface MajorityRule {
  /** Share of all members that must be exceeded; the Statute says 1/2. Kept configurable. */
  readonly threshold: number;
}

export const STATUTE_MAJORITY: MajorityRule = { threshold: 0.5 };

export type TallyOutcome = 'open' | 'passed' | 'failed' | 'changes_requested';

export interface Tally {
  readonly members: number;
  readonly needed: number;
  readonly approve: number;
  readonly reject: number;
  readonly abstain: number;
  readonly requestChanges: number;
  readonly outstanding: number;
  readonly outcome: TallyOutcome;
}

/** The smallest number of approvals strictly greater than `threshold` × members. */
export const approvalsNeeded = (members: number, rule: MajorityRule = STATUTE_MAJORITY): number =>
  Math.floor(members * rule.threshold) + 1;

export const tally = (
  members: number,
  choices: readonly VoteChoice[],
  rule: MajorityRule = STATUTE_MAJORITY,
): Tally => {
  const count = (choice: VoteChoice) => choices.filter((c) => c === choice).length;
  const approve = count('approve');
  const outstanding = members - choices.length;
  const needed = approvalsNeeded(members, rule);
  const requestChanges = count('request_changes');
  // Passed as soon as enough approve; a request for changes sends the draft back at once; failed as soon
  // as passing is impossible even if everyone left approves.
  const outcome: TallyOutcome =
    approve >= needed
      ? 'passed'
      : requestChanges > 0
        ? 'changes_requested'
        : approve + outstanding < needed
          ? 'failed'
          : 'open';
  return {
    members,
    needed,
    approve,
    reject: count('reject'),
    abstain: count('abstain'),
    requestChanges,
    outstanding,
    outcome,
  };
};
