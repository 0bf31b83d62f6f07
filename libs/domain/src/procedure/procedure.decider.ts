/**
 * The procedure as a decider (state machine): `decide(state, command)` returns the events a command causes
 * or throws a DomainError; `evolve(state, event)` folds an event into the state. Both are pure, so the
 * Temporal workflow (which must be deterministic), its Update validators and the API share one truth.
 *
 *   review ─(rules pass)→ reviewing ─accept→ draft_resolution → drafting ─submit→ committee_approval → voting
 *      ↑       (rules fail)↘       ↘return                                                    │
 *      └──── resubmit ──── returned ←──┘          draft_resolution (round+1) ←─ failed / changes requested
 *                                                                                           passed ↓
 *                                               completed ← announce ← issue_decision ←────────┘
 * Withdrawal (secretary) and cancellation (supervisor) end it at any point before the decision is issued.
 */
import { ProcedureErrors } from '../errors/procedure-errors';
import { type MajorityRule, STATUTE_MAJORITY, type Tally, type VoteChoice, tally } from './majority-rule';
import type { ProcedureStep } from './procedure-step';

export interface RecordedVote {
  readonly voterId: string;
  readonly choice: VoteChoice;
  readonly comment?: string;
  readonly idempotencyKey: string;
  /** ISO-8601 instant, passed in: the domain never reads a clock. */
  readonly castAt: string;
}

export type ProcedureState =
  | { readonly status: 'initial' }
  | {
      readonly status: 'in_step';
      readonly step: ProcedureStep;
      readonly round: number;
      /** Why drafting starts again, when the registry moved under an approved text (kept until submission). */
      readonly reasons?: readonly string[];
    }
  /** The rules passed; a reviewer of the ward office decides. */
  | { readonly status: 'reviewing'; readonly round: number }
  /** Sent back to the secretary (by the rules or by the reviewer) with reasons. */
  | { readonly status: 'returned'; readonly round: number; readonly reasons: readonly string[] }
  /** The draft is generated; the secretary edits it and submits it to the committee. */
  | { readonly status: 'drafting'; readonly round: number; readonly reasons?: readonly string[] }
  | {
      readonly status: 'voting';
      readonly round: number;
      readonly voters: readonly string[];
      readonly votes: readonly RecordedVote[];
    }
  | { readonly status: 'vote_closed'; readonly round: number; readonly tally: Tally }
  | { readonly status: 'completed'; readonly round: number }
  | {
      readonly status: 'ended';
      readonly round: number;
      readonly outcome: 'withdrawn' | 'cancelled';
      readonly by: string;
      readonly reason: string;
    };

export type ProcedureCommand =
  | { readonly type: 'start' }
  | { readonly type: 'complete_step'; readonly step: ProcedureStep }
  | { readonly type: 'rules_checked'; readonly violations: readonly string[] }
  | {
      readonly type: 'decide_review';
      readonly reviewerId: string;
      readonly accept: boolean;
      readonly reasons: readonly string[];
    }
  | { readonly type: 'resubmit'; readonly by: string }
  | { readonly type: 'submit_draft'; readonly by: string }
  | { readonly type: 'open_vote'; readonly voters: readonly string[] }
  | { readonly type: 'cast_vote'; readonly vote: RecordedVote }
  | { readonly type: 'advance_after_vote' }
  /**
   * The registry moved under the procedure (another decision came first): back to the secretary with the
   * reasons (`review`: a new round after resubmission) or to drafting in a new round.
   */
  | {
      readonly type: 'send_back';
      readonly to: 'review' | 'draft_resolution';
      readonly reasons: readonly string[];
    }
  | { readonly type: 'withdraw'; readonly by: string; readonly reason: string }
  | { readonly type: 'cancel'; readonly by: string; readonly reason: string };

export type ProcedureEvent =
  | {
      readonly type: 'step_started';
      readonly step: ProcedureStep;
      readonly round: number;
      readonly reasons?: readonly string[];
    }
  | { readonly type: 'review_opened'; readonly round: number }
  | {
      readonly type: 'returned';
      readonly round: number;
      readonly reasons: readonly string[];
      readonly by: string;
    }
  | { readonly type: 'draft_ready'; readonly round: number }
  | { readonly type: 'vote_opened'; readonly round: number; readonly voters: readonly string[] }
  | { readonly type: 'vote_cast'; readonly round: number; readonly vote: RecordedVote }
  | { readonly type: 'vote_closed'; readonly round: number; readonly tally: Tally }
  | { readonly type: 'procedure_completed'; readonly round: number }
  | {
      readonly type: 'procedure_ended';
      readonly round: number;
      readonly outcome: 'withdrawn' | 'cancelled';
      readonly by: string;
      readonly reason: string;
    };

export const initialProcedureState: ProcedureState = { status: 'initial' };

const assertNever = (value: never): never => {
  throw new Error(`Unhandled variant: ${JSON.stringify(value)}`);
};

const roundOf = (state: ProcedureState): number => ('round' in state ? state.round : 1);

/** The step a procedure is in, as people see it and PostgreSQL stores it. */
export const currentStep = (state: ProcedureState): ProcedureStep | undefined => {
  switch (state.status) {
    case 'in_step':
      return state.step;
    case 'reviewing':
    case 'returned':
      return 'review';
    case 'drafting':
      return 'draft_resolution';
    case 'voting':
    case 'vote_closed':
      return 'committee_approval';
    case 'initial':
    case 'completed':
    case 'ended':
      return undefined;
    default:
      return assertNever(state);
  }
};

/** Who the procedure is waiting for, if anyone (for inboxes and deadlines). */
export type Waiting = 'reviewer' | 'secretary' | 'committee';
export const waitingFor = (state: ProcedureState): Waiting | undefined => {
  switch (state.status) {
    case 'reviewing':
      return 'reviewer';
    case 'returned':
    case 'drafting':
      return 'secretary';
    case 'voting':
      return 'committee';
    case 'initial':
    case 'in_step':
    case 'vote_closed':
    case 'completed':
    case 'ended':
      return undefined;
    default:
      return assertNever(state);
  }
};

export const tallyOf = (
  state: Extract<ProcedureState, { status: 'voting' }>,
  rule: MajorityRule = STATUTE_MAJORITY,
): Tally =>
  tally(
    state.voters.length,
    state.votes.map((v) => v.choice),
    rule,
  );

const describe = (state: ProcedureState): string => currentStep(state) ?? state.status;

/** Ends are allowed until the decision is issued: after that the registry has changed. */
const canEnd = (state: ProcedureState): boolean =>
  state.status !== 'completed' &&
  state.status !== 'ended' &&
  !(state.status === 'in_step' && (state.step === 'issue_decision' || state.step === 'announce')) &&
  !(state.status === 'vote_closed' && state.tally.outcome === 'passed');

export const decide = (
  state: ProcedureState,
  command: ProcedureCommand,
  rule: MajorityRule = STATUTE_MAJORITY,
): ProcedureEvent[] => {
  if (state.status === 'completed' || state.status === 'ended') {
    throw ProcedureErrors.terminated(state.status === 'ended' ? state.outcome : 'completed');
  }
  const round = roundOf(state);
  switch (command.type) {
    case 'start':
      if (state.status !== 'initial') throw ProcedureErrors.alreadyStarted();
      return [{ type: 'step_started', step: 'review', round: 1 }];

    case 'rules_checked':
      if (state.status !== 'in_step' || state.step !== 'review')
        throw ProcedureErrors.stepOutOfOrder(describe(state), 'review');
      return command.violations.length
        ? [{ type: 'returned', round, reasons: command.violations, by: 'rules' }]
        : [{ type: 'review_opened', round }];

    case 'decide_review':
      if (state.status !== 'reviewing') throw ProcedureErrors.notAwaiting('reviewer', describe(state));
      if (!command.accept && command.reasons.length === 0) throw ProcedureErrors.reasonsRequired();
      return command.accept
        ? [{ type: 'step_started', step: 'draft_resolution', round }]
        : [{ type: 'returned', round, reasons: command.reasons, by: command.reviewerId }];

    case 'resubmit':
      if (state.status !== 'returned') throw ProcedureErrors.notAwaiting('secretary', describe(state));
      return [{ type: 'step_started', step: 'review', round: round + 1 }];

    case 'complete_step': {
      if (state.status !== 'in_step' || state.step !== command.step)
        throw ProcedureErrors.stepOutOfOrder(describe(state), command.step);
      switch (command.step) {
        case 'draft_resolution':
          return [{ type: 'draft_ready', round }];
        case 'issue_decision':
          return [{ type: 'step_started', step: 'announce', round }];
        case 'announce':
          return [{ type: 'procedure_completed', round }];
        case 'review':
        case 'committee_approval':
          // Review completes through the rules and the reviewer; the committee only through votes.
          throw ProcedureErrors.stepOutOfOrder(describe(state), command.step);
        default:
          return assertNever(command.step);
      }
    }

    case 'submit_draft':
      if (state.status !== 'drafting') throw ProcedureErrors.notAwaiting('secretary', describe(state));
      return [{ type: 'step_started', step: 'committee_approval', round }];

    case 'open_vote':
      if (state.status !== 'in_step' || state.step !== 'committee_approval')
        throw ProcedureErrors.stepOutOfOrder(describe(state), 'committee_approval');
      if (command.voters.length === 0) throw ProcedureErrors.noVoters();
      return [{ type: 'vote_opened', round, voters: [...new Set(command.voters)] }];

    case 'cast_vote': {
      if (state.status !== 'voting') throw ProcedureErrors.voteNotOpen();
      const { vote } = command;
      if (!state.voters.includes(vote.voterId)) throw ProcedureErrors.notAVoter(vote.voterId);
      if (state.votes.some((v) => v.voterId === vote.voterId))
        throw ProcedureErrors.alreadyVoted(vote.voterId);
      const after = tallyOf({ ...state, votes: [...state.votes, vote] }, rule);
      const cast: ProcedureEvent = { type: 'vote_cast', round, vote };
      return after.outcome === 'open' ? [cast] : [cast, { type: 'vote_closed', round, tally: after }];
    }

    case 'advance_after_vote':
      if (state.status !== 'vote_closed')
        throw ProcedureErrors.stepOutOfOrder(describe(state), 'committee_approval');
      // Passed: on to the decision. Failed or changes requested: back to drafting, then a new round of votes.
      return state.tally.outcome === 'passed'
        ? [{ type: 'step_started', step: 'issue_decision', round }]
        : [{ type: 'step_started', step: 'draft_resolution', round: round + 1 }];

    case 'send_back': {
      const sendable =
        state.status === 'in_step' && (state.step === 'draft_resolution' || state.step === 'issue_decision');
      if (!sendable) throw ProcedureErrors.stepOutOfOrder(describe(state), 'draft_resolution');
      if (command.reasons.length === 0) throw ProcedureErrors.reasonsRequired();
      return command.to === 'review'
        ? [{ type: 'returned', round, reasons: command.reasons, by: 'registry' }]
        : [{ type: 'step_started', step: 'draft_resolution', round: round + 1, reasons: command.reasons }];
    }

    case 'withdraw':
    case 'cancel':
      if (!canEnd(state)) throw ProcedureErrors.tooLateToEnd();
      if (!command.reason.trim()) throw ProcedureErrors.reasonsRequired();
      return [
        {
          type: 'procedure_ended',
          round,
          outcome: command.type === 'withdraw' ? 'withdrawn' : 'cancelled',
          by: command.by,
          reason: command.reason,
        },
      ];

    default:
      return assertNever(command);
  }
};

export const evolve = (state: ProcedureState, event: ProcedureEvent): ProcedureState => {
  switch (event.type) {
    case 'step_started':
      return event.reasons
        ? { status: 'in_step', step: event.step, round: event.round, reasons: event.reasons }
        : { status: 'in_step', step: event.step, round: event.round };
    case 'review_opened':
      return { status: 'reviewing', round: event.round };
    case 'returned':
      return { status: 'returned', round: event.round, reasons: event.reasons };
    case 'draft_ready':
      // Reasons for a redraft stay visible until the secretary submits.
      return state.status === 'in_step' && state.reasons
        ? { status: 'drafting', round: event.round, reasons: state.reasons }
        : { status: 'drafting', round: event.round };
    case 'vote_opened':
      return { status: 'voting', round: event.round, voters: event.voters, votes: [] };
    case 'vote_cast':
      return state.status === 'voting' ? { ...state, votes: [...state.votes, event.vote] } : state;
    case 'vote_closed':
      return { status: 'vote_closed', round: event.round, tally: event.tally };
    case 'procedure_completed':
      return { status: 'completed', round: event.round };
    case 'procedure_ended':
      return {
        status: 'ended',
        round: event.round,
        outcome: event.outcome,
        by: event.by,
        reason: event.reason,
      };
    default:
      return assertNever(event);
  }
};

/** decide + evolve in one call: the new state and the events that produced it. */
export const handle = (
  state: ProcedureState,
  command: ProcedureCommand,
  rule: MajorityRule = STATUTE_MAJORITY,
): { state: ProcedureState; events: ProcedureEvent[] } => {
  const events = decide(state, command, rule);
  return { state: events.reduce(evolve, state), events };
};
