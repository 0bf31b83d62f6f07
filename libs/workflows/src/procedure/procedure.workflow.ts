/**
 * A restructuring procedure: review → draft resolution → committee approval → issue decision → announce.
 * The order and the majority rule come from the pure decider in libs/domain; this file only turns its
 * states into durable activity calls and waits. Deterministic: no I/O, no clocks but the workflow's own.
 */
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import {
  type ProcedureCommand,
  type ProcedureState,
  type RecordedVote,
  currentStep,
  handle,
  initialProcedureState,
  isDomainError,
  tallyOf,
} from '@kientoan/domain';
import type { ProcedureActivities } from './procedure.activities-contract';
import {
  type CastVoteInput,
  type CastVoteResult,
  castVoteUpdate,
  procedureStateQuery,
} from './procedure.messages';
import { ProcedureSearchAttributes } from './procedure-search-attributes';

export interface ProcedureWorkflowInput {
  readonly procedureId: string;
  readonly wardCode: string;
  readonly kind: string;
}

export interface ProcedureWorkflowResult {
  readonly decisionSymbol: string;
  readonly rounds: number;
}

// Steps touch only PostgreSQL and finish in well under a second. The heartbeat timeout lets the server notice
// a dead worker within seconds (activities heartbeat while they run); retries are safe because every
// activity is idempotent on its key.
const steps = proxyActivities<ProcedureActivities>({
  startToCloseTimeout: '1 minute',
  heartbeatTimeout: '5 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '30 seconds',
    nonRetryableErrorTypes: ['PROCEDURE_NOT_FOUND', 'WARD_NOT_FOUND', 'NO_VOTERS'],
  },
});

/** Domain refusals become typed, non-retryable failures: clients see the stable code as the failure type. */
const asFailure = (error: unknown): unknown =>
  isDomainError(error)
    ? ApplicationFailure.create({
        type: error.code,
        message: error.messageEn,
        nonRetryable: true,
        details: [{ code: error.code, kind: error.kind, messageVi: error.messageVi, ...error.details }],
      })
    : error;

export async function procedureWorkflow(input: ProcedureWorkflowInput): Promise<ProcedureWorkflowResult> {
  let state: ProcedureState = initialProcedureState;
  const apply = (command: ProcedureCommand): void => {
    try {
      state = handle(state, command).state;
    } catch (error) {
      throw asFailure(error);
    }
  };
  const key = (): { procedureId: string; round: number } => ({
    procedureId: input.procedureId,
    round: 'round' in state ? state.round : 1,
  });

  setHandler(procedureStateQuery, () => state);
  setHandler(
    castVoteUpdate,
    async (vote): Promise<CastVoteResult> => {
      const recorded: RecordedVote = { ...vote, castAt: new Date().toISOString() };
      const before = state;
      // Applied before the first await: a concurrent second vote by the same member is refused by its validator.
      apply({ type: 'cast_vote', vote: recorded });
      const round = 'round' in before ? before.round : 1;
      await steps.recordVote({ procedureId: input.procedureId, round, vote: recorded });
      const after = state;
      const tally =
        after.status === 'vote_closed'
          ? after.tally
          : tallyOf(after as Extract<ProcedureState, { status: 'voting' }>);
      return { round, tally };
    },
    {
      validator: (vote: CastVoteInput) => {
        try {
          handle(state, { type: 'cast_vote', vote: { ...vote, castAt: new Date().toISOString() } });
        } catch (error) {
          throw asFailure(error);
        }
      },
    },
  );

  apply({ type: 'start' });
  let decisionSymbol = '';
  for (;;) {
    const step = currentStep(state);
    if (step) upsertSearchAttributes([{ key: ProcedureSearchAttributes.step, value: step }]);
    switch (state.status) {
      case 'in_step':
        await steps.beginStep({ ...key(), step: state.step });
        switch (state.step) {
          case 'review':
            await steps.reviewProposal(key());
            apply({ type: 'complete_step', step: 'review' });
            break;
          case 'draft_resolution':
            await steps.draftResolution(key());
            apply({ type: 'complete_step', step: 'draft_resolution' });
            break;
          case 'committee_approval': {
            const { voters } = await steps.openCommitteeVote(key());
            apply({ type: 'open_vote', voters });
            break;
          }
          case 'issue_decision':
            decisionSymbol = (await steps.issueDecision(key())).symbol;
            apply({ type: 'complete_step', step: 'issue_decision' });
            break;
          case 'announce':
            await steps.announceDecision(key());
            apply({ type: 'complete_step', step: 'announce' });
            break;
          default: {
            const unreachable: never = state.step;
            throw new Error(`Unknown step ${String(unreachable)}`);
          }
        }
        break;
      case 'voting':
        await condition(() => state.status !== 'voting');
        break;
      case 'vote_closed':
        await steps.closeCommitteeVote({ ...key(), tally: state.tally });
        apply({ type: 'advance_after_vote' });
        break;
      case 'completed':
        await steps.completeProcedure(key());
        // Let an in-flight update handler finish recording before the run closes.
        await condition(allHandlersFinished);
        return { decisionSymbol, rounds: state.round };
      case 'initial':
        throw new Error('The procedure did not start');
      default: {
        const unreachable: never = state;
        throw new Error(`Unknown state ${JSON.stringify(unreachable)}`);
      }
    }
  }
}
