/**
 * The procedure as a decider (state machine): `decide(state, command)` returns the events a command causes
 * or throws a DomainError; `evolve(state, event)` folds an event into the state. Both are pure, so the
 * Temporal workflow (which must be deterministic) and the API (which explains refusals) share one truth.
 */
import { ProcedureErrors } from '../errors/procedure-errors';
import { type Tally, type VoteChoice, type MajorityRule, STATUTE_MAJORITY, tally } from './majority-rule';
import { PROCEDURE_STEPS, type ProcedureStep } from './procedure-step';

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
  | { readonly status: 'in_step'; readonly step: ProcedureStep; readonly round: number }
  | {
      readonly status: 'voting';
      readonly round: number;
      readonly voters: readonly string[];
      readonly votes: readonly RecordedVote[];
    }
  | { readonly status: 'vote_closed'; readonly round: number; readonly tally: Tally }
  | { readonly status: 'completed'; readonly round: number };

export type ProcedureCommand =
  | { readonly type: 'start' }
  | { readonly type: 'complete_step'; readonly step: ProcedureStep }
  | { readonly type: 'open_vote'; readonly voters: readonly string[] }
  | { readonly type: 'cast_vote'; readonly vote: RecordedVote }
  | { readonly type: 'advance_after_vote' };

export type ProcedureEvent =
  | { readonly type: 'step_started'; readonly step: ProcedureStep; readonly round: number }
  | { readonly type: 'vote_opened'; readonly round: number; readonly voters: readonly string[] }
  | { readonly type: 'vote_cast'; readonly round: number; readonly vote: RecordedVote }
  | { readonly type: 'vote_closed'; readonly round: number; readonly tally: Tally }
  | { readonly type: 'procedure_completed'; readonly round: number };

export const initialProcedureState: ProcedureState = { status: 'initial' };

const assertNever = (value: never): never => {
  throw new Error(`Unhandled variant: ${JSON.stringify(value)}`);
};

const nextStep = (step: ProcedureStep): ProcedureStep | undefined =>
  PROCEDURE_STEPS[PROCEDURE_STEPS.indexOf(step) + 1];

const currentStepName = (state: ProcedureState): string => {
  switch (state.status) {
    case 'in_step':
      return state.step;
    case 'voting':
    case 'vote_closed':
      return 'committee_approval';
    case 'initial':
    case 'completed':
      return state.status;
    default:
      return assertNever(state);
  }
};

/** The step a procedure is in, as shown to people and stored in PostgreSQL. */
export const currentStep = (state: ProcedureState): ProcedureStep | undefined => {
  const name = currentStepName(state);
  return (PROCEDURE_STEPS as readonly string[]).includes(name) ? (name as ProcedureStep) : undefined;
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

export const decide = (
  state: ProcedureState,
  command: ProcedureCommand,
  rule: MajorityRule = STATUTE_MAJORITY,
): ProcedureEvent[] => {
  if (state.status === 'completed') throw ProcedureErrors.terminated('completed');
  switch (command.type) {
    case 'start':
      if (state.status !== 'initial') throw ProcedureErrors.alreadyStarted();
      return [{ type: 'step_started', step: 'review', round: 1 }];

    case 'complete_step': {
      // The committee step completes only through votes, never by decree.
      if (
        state.status !== 'in_step' ||
        state.step !== command.step ||
        command.step === 'committee_approval'
      ) {
        throw ProcedureErrors.stepOutOfOrder(currentStepName(state), command.step);
      }
      const next = nextStep(command.step);
      return next
        ? [{ type: 'step_started', step: next, round: state.round }]
        : [{ type: 'procedure_completed', round: state.round }];
    }

    case 'open_vote':
      if (state.status !== 'in_step' || state.step !== 'committee_approval') {
        throw ProcedureErrors.stepOutOfOrder(currentStepName(state), 'committee_approval');
      }
      if (command.voters.length === 0) throw ProcedureErrors.noVoters();
      return [{ type: 'vote_opened', round: state.round, voters: [...new Set(command.voters)] }];

    case 'cast_vote': {
      if (state.status !== 'voting') throw ProcedureErrors.voteNotOpen();
      const { vote } = command;
      if (!state.voters.includes(vote.voterId)) throw ProcedureErrors.notAVoter(vote.voterId);
      if (state.votes.some((v) => v.voterId === vote.voterId))
        throw ProcedureErrors.alreadyVoted(vote.voterId);
      const after = tallyOf({ ...state, votes: [...state.votes, vote] }, rule);
      const cast: ProcedureEvent = { type: 'vote_cast', round: state.round, vote };
      return after.outcome === 'open'
        ? [cast]
        : [cast, { type: 'vote_closed', round: state.round, tally: after }];
    }

    case 'advance_after_vote':
      if (state.status !== 'vote_closed')
        throw ProcedureErrors.stepOutOfOrder(currentStepName(state), 'committee_approval');
      // Passed: on to the decision. Failed: back to drafting, with a new round of votes to follow.
      return state.tally.outcome === 'passed'
        ? [{ type: 'step_started', step: 'issue_decision', round: state.round }]
        : [{ type: 'step_started', step: 'draft_resolution', round: state.round + 1 }];

    default:
      return assertNever(command);
  }
};

export const evolve = (state: ProcedureState, event: ProcedureEvent): ProcedureState => {
  switch (event.type) {
    case 'step_started':
      return { status: 'in_step', step: event.step, round: event.round };
    case 'vote_opened':
      return { status: 'voting', round: event.round, voters: event.voters, votes: [] };
    case 'vote_cast':
      return state.status === 'voting' ? { ...state, votes: [...state.votes, event.vote] } : state;
    case 'vote_closed':
      return { status: 'vote_closed', round: event.round, tally: event.tally };
    case 'procedure_completed':
      return { status: 'completed', round: event.round };
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
