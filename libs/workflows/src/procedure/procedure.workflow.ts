/**
 * A restructuring procedure: review → draft resolution → committee approval → issue decision → announce.
 * The order, the returns and the majority rule come from the pure decider in libs/domain; this file turns
 * its states into durable activity calls, waits for people with deadlines (reminder, then escalation), and
 * accepts their actions as Updates whose validators run the same decider. Deterministic: no I/O, no clock
 * but the workflow's own.
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
  type DeadlinePolicy,
  type ProcedureCommand,
  type ProcedureState,
  type Waiting,
  currentStep,
  deadlineAfter,
  handle,
  initialProcedureState,
  isDomainError,
  tallyOf,
  waitingFor,
} from '@kientoan/domain';
import type { ProcedureActivities, SentBack } from './procedure.activities-contract';
import {
  type ActionResult,
  type AuditContext,
  type CastVoteInput,
  type CastVoteResult,
  type EndInput,
  type ResubmitInput,
  type ReviewInput,
  type SubmitDraftInput,
  cancelUpdate,
  castVoteUpdate,
  procedureStateQuery,
  resubmitUpdate,
  reviewUpdate,
  submitDraftUpdate,
  withdrawUpdate,
} from './procedure.messages';
import { ProcedureSearchAttributes } from './procedure-search-attributes';

export interface ProcedureWorkflowInput {
  readonly procedureId: string;
  readonly wardCode: string;
  readonly kind: string;
  readonly deadlines: DeadlinePolicy;
}

export interface ProcedureWorkflowResult {
  readonly outcome: 'completed' | 'withdrawn' | 'cancelled';
  readonly decisionSymbol: string | null;
  readonly rounds: number;
}

// Steps touch only PostgreSQL. The heartbeat timeout lets the server notice a dead worker within seconds
// (activities heartbeat while they run); retries are safe because every activity is idempotent on its key.
const steps = proxyActivities<ProcedureActivities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: '5 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '30 seconds',
    nonRetryableErrorTypes: ['PROCEDURE_NOT_FOUND', 'WARD_NOT_FOUND', 'NO_VOTERS', 'REGISTRY_CHANGED'],
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

/** Until the workflow sends a procedure back (to review or drafting), a moved registry fails it as before. */
const registryChanged = (sentBack: SentBack): ApplicationFailure =>
  ApplicationFailure.create({
    type: 'REGISTRY_CHANGED',
    message: `The registry has changed (back to ${sentBack.to}): ${sentBack.reasons.join('; ')}`,
    nonRetryable: true,
    details: [{ code: 'REGISTRY_CHANGED', to: sentBack.to, reasons: sentBack.reasons }],
  });

const DAYS_FOR: Readonly<Record<ProcedureState['status'], keyof DeadlinePolicy | undefined>> = {
  reviewing: 'reviewDays',
  returned: 'returnedDays',
  drafting: 'draftDays',
  voting: 'voteDays',
  initial: undefined,
  in_step: undefined,
  vote_closed: undefined,
  completed: undefined,
  ended: undefined,
};

export async function procedureWorkflow(input: ProcedureWorkflowInput): Promise<ProcedureWorkflowResult> {
  let state: ProcedureState = initialProcedureState;
  const round = (): number => ('round' in state ? state.round : 1);
  const key = () => ({ procedureId: input.procedureId, round: round() });
  const check = (command: ProcedureCommand): void => {
    try {
      handle(state, command);
    } catch (error) {
      throw asFailure(error);
    }
  };
  const apply = (command: ProcedureCommand): void => {
    try {
      state = handle(state, command).state;
    } catch (error) {
      throw asFailure(error);
    }
  };
  const result = (): ActionResult => ({ status: state.status, round: round() });

  setHandler(procedureStateQuery, () => state);

  setHandler(
    castVoteUpdate,
    async ({ audit, ...vote }): Promise<CastVoteResult> => {
      const recorded = { ...vote, castAt: new Date().toISOString() };
      const votedIn = round();
      // Applied before the first await: a concurrent second vote by the same member fails its validator.
      apply({ type: 'cast_vote', vote: recorded });
      const after = state;
      await steps.recordVote({ procedureId: input.procedureId, round: votedIn, vote: recorded, audit });
      const tally =
        after.status === 'vote_closed'
          ? after.tally
          : tallyOf(after as Extract<ProcedureState, { status: 'voting' }>);
      return { round: votedIn, tally };
    },
    {
      validator: (vote: CastVoteInput) =>
        check({ type: 'cast_vote', vote: { ...vote, castAt: new Date().toISOString() } }),
    },
  );

  setHandler(
    reviewUpdate,
    async (review: ReviewInput): Promise<ActionResult> => {
      const at = key();
      apply({
        type: 'decide_review',
        reviewerId: review.reviewerId,
        accept: review.accept,
        reasons: review.reasons,
      });
      const answer = result();
      await steps.recordReview({
        ...at,
        by: review.reviewerId,
        accepted: review.accept,
        reasons: review.reasons,
        audit: review.audit,
      });
      return answer;
    },
    { validator: (review: ReviewInput) => check({ type: 'decide_review', ...review }) },
  );

  setHandler(
    resubmitUpdate,
    async (resubmission: ResubmitInput): Promise<ActionResult> => {
      // Stored first: the review that the resubmission starts must read the new items.
      await steps.storeResubmission({
        ...key(),
        by: resubmission.by,
        items: resubmission.items,
        audit: resubmission.audit,
      });
      apply({ type: 'resubmit', by: resubmission.by });
      return result();
    },
    { validator: (resubmission: ResubmitInput) => check({ type: 'resubmit', by: resubmission.by }) },
  );

  setHandler(
    submitDraftUpdate,
    async (submission: SubmitDraftInput): Promise<ActionResult & { version: number }> => {
      const { version } = await steps.submitDraft({ ...key(), ...submission });
      apply({ type: 'submit_draft', by: submission.by });
      return { ...result(), version };
    },
    { validator: (submission: SubmitDraftInput) => check({ type: 'submit_draft', by: submission.by }) },
  );

  // Who ended the procedure, for the audit entry written with the end.
  let endAudit: AuditContext | undefined;
  for (const [update, type] of [
    [withdrawUpdate, 'withdraw'],
    [cancelUpdate, 'cancel'],
  ] as const) {
    setHandler(
      update,
      (end: EndInput): Promise<ActionResult> => {
        apply({ type, by: end.by, reason: end.reason });
        endAudit = end.audit;
        return Promise.resolve(result());
      },
      { validator: (end: EndInput) => check({ type, by: end.by, reason: end.reason }) },
    );
  }

  /** Waits for a person until the state moves on: a reminder part-way, then escalation at the deadline. */
  const waitForPerson = async (who: Waiting, days: number): Promise<void> => {
    const { status } = state;
    const enteredRound = round();
    const moved = () => state.status !== status || round() !== enteredRound;
    const start = Date.now();
    const dueAt = deadlineAfter(new Date(start), days, input.deadlines);
    const notice = {
      ...key(),
      step: currentStep(state) ?? 'review',
      waitingFor: who,
      dueAt: dueAt.toISOString(),
    };
    await steps.markWaiting(notice);
    const remindAt = start + (dueAt.getTime() - start) * input.deadlines.reminderAt;
    if (await condition(moved, Math.max(1, remindAt - Date.now()))) return;
    await steps.sendReminder(notice);
    if (await condition(moved, Math.max(1, dueAt.getTime() - Date.now()))) return;
    await steps.escalate(notice);
    upsertSearchAttributes([{ key: ProcedureSearchAttributes.stalledSince, value: dueAt }]);
    await condition(moved);
    upsertSearchAttributes([{ key: ProcedureSearchAttributes.stalledSince, value: null }]);
  };

  apply({ type: 'start' });
  let decisionSymbol: string | null = null;
  let shownStep: string | undefined;
  for (;;) {
    const step = currentStep(state);
    if (step && step !== shownStep) {
      upsertSearchAttributes([{ key: ProcedureSearchAttributes.step, value: step }]);
      shownStep = step;
    }
    switch (state.status) {
      case 'in_step':
        await steps.beginStep({ ...key(), step: state.step });
        switch (state.step) {
          case 'review': {
            const { violations } = await steps.checkRules(key());
            apply({ type: 'rules_checked', violations });
            if (violations.length)
              await steps.recordReview({ ...key(), by: 'rules', accepted: false, reasons: violations });
            break;
          }
          case 'draft_resolution': {
            const drafted = await steps.draftResolution(key());
            if (drafted.outcome === 'sent_back') throw registryChanged(drafted);
            apply({ type: 'complete_step', step: 'draft_resolution' });
            break;
          }
          case 'committee_approval': {
            const { voters } = await steps.openCommitteeVote(key());
            apply({ type: 'open_vote', voters });
            break;
          }
          case 'issue_decision': {
            const issued = await steps.issueDecision(key());
            if (issued.outcome === 'sent_back') throw registryChanged(issued);
            decisionSymbol = issued.symbol;
            apply({ type: 'complete_step', step: 'issue_decision' });
            break;
          }
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
      case 'reviewing':
      case 'returned':
      case 'drafting':
      case 'voting': {
        const who = waitingFor(state);
        const days = DAYS_FOR[state.status];
        if (!who || !days) throw new Error(`No deadline for ${state.status}`);
        await waitForPerson(who, input.deadlines[days] as number);
        break;
      }
      case 'vote_closed':
        await steps.closeCommitteeVote({ ...key(), tally: state.tally });
        apply({ type: 'advance_after_vote' });
        break;
      case 'completed':
        await steps.completeProcedure(key());
        // Let an in-flight update handler finish recording before the run closes.
        await condition(allHandlersFinished);
        return { outcome: 'completed', decisionSymbol, rounds: state.round };
      case 'ended':
        await steps.endProcedure({
          ...key(),
          outcome: state.outcome,
          by: state.by,
          reason: state.reason,
          audit: endAudit,
        });
        await condition(allHandlersFinished);
        return { outcome: state.outcome, decisionSymbol: null, rounds: state.round };
      case 'initial':
        throw new Error('The procedure did not start');
      default: {
        const unreachable: never = state;
        throw new Error(`Unknown state ${JSON.stringify(unreachable)}`);
      }
    }
  }
}
