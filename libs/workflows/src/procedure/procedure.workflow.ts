/**
 * A restructuring procedure: review → draft resolution → committee approval → issue decision → announce.
 * The order, the returns and the majority rule come from the pure decider in libs/domain; this file turns
 * its states into durable activity calls, waits for people with deadlines (reminder, then escalation), and
 * accepts their actions as Updates whose validators run the same decider. Deterministic: no I/O, no clock
 * but the workflow's own.
 *
 * The run is a `ProcedureRun` (as in temporalio/samples-typescript message-passing/safe-message-handlers):
 * its handlers, one method per step, the wait for a person, the finish and the failure. After every change
 * it publishes the procedure's view (libs/domain `procedureView`) through ONE activity, `projectProcedure`,
 * which is the only writer of the `procedure` row's projection columns; the first publication creates the
 * row if the API's transaction did not (so a workflow never runs without its row).
 */
import {
  ActivityFailure,
  ApplicationFailure,
  type RetryPolicy,
  allHandlersFinished,
  condition,
  isCancellation,
  patched,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import {
  type DeadlinePolicy,
  type ProcedureCommand,
  ProcedureErrors,
  type ProcedureFailure,
  type ProcedureState,
  type ProcedureStep,
  type Waiting,
  currentStep,
  deadlineAfter,
  handle,
  initialProcedureState,
  isDomainError,
  procedureView,
  tallyOf,
  waitingFor,
} from '@kientoan/domain';
import {
  type ProcedureActivities,
  type ProcedureSeed,
  type ProjectionInput,
  type SentBack,
  type StepInput,
  type StepKey,
  type WaitingNotice,
  isSentBack,
} from './procedure.activities-contract';
import {
  type ActionResult,
  type AuditContext,
  type CastVoteInput,
  type CastVoteResult,
  type EndInput,
  type NudgeInput,
  type ResubmitInput,
  type ReviewInput,
  type SubmitDraftInput,
  cancelUpdate,
  castVoteUpdate,
  escalateUpdate,
  procedureStateQuery,
  procedureViewQuery,
  remindUpdate,
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
  /** The row's content, so the workflow can create the row if it is missing (absent in runs started before). */
  readonly seed?: ProcedureSeed;
}

export interface ProcedureWorkflowResult {
  readonly outcome: 'completed' | 'withdrawn' | 'cancelled';
  readonly decisionSymbol: string | null;
  readonly rounds: number;
}

/**
 * Runs started before the projection existed wrote the row through `markWaiting`/`completeProcedure`; they
 * keep doing so when replayed (patched() is false for them), new runs publish views instead.
 */
export const ONE_PROJECTION_PATCH = 'one-projection-writer';

/**
 * Runs started from here on do not publish their view twice when they start waiting for a person (the wait
 * publishes it, with the due date): one activity fewer per wait. Runs before the patch replay as recorded.
 * (Local activities for the short writes were tried and measured worse: on a loaded machine they kept the
 * workflow task open past its timeout, and the Updates of people waited for it.)
 */
export const ONE_VIEW_PER_WAIT_PATCH = 'one-view-per-wait';

/**
 * Runs started from here on publish the view of a step that begins (and of a closed vote) with the step's own
 * activity, which also begins the step: one activity per step instead of three (`projectProcedure`,
 * `beginStep`, the step). Measured with `npm run bench`: 26 → 15 activities on the happy path. Runs before the
 * patch replay their three calls.
 */
export const ONE_ACTIVITY_PER_STEP_PATCH = 'one-activity-per-step';

const retry: RetryPolicy = {
  initialInterval: '1 second',
  backoffCoefficient: 2,
  maximumInterval: '30 seconds',
  nonRetryableErrorTypes: ['PROCEDURE_NOT_FOUND', 'WARD_NOT_FOUND', 'NO_VOTERS'],
};

// Steps touch only PostgreSQL; retries are safe because every activity is idempotent on its key.
// The long ones (drafting, issuing a large resolution) heartbeat, so that the server notices a dead worker
// within seconds and retries the step elsewhere.
const steps = proxyActivities<ProcedureActivities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: '5 seconds',
  retry,
});

/**
 * The sub-second writes (one transaction of a few statements) do not heartbeat: a heartbeat costs more than
 * the write. Only the options differ from `steps` (same activity types: recorded histories replay).
 */
const quickSteps = proxyActivities<ProcedureActivities>({ startToCloseTimeout: '30 seconds', retry });

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

/** The code and Vietnamese message of whatever stopped the run. */
const failureOf = (error: unknown, step: string | undefined): Omit<ProcedureFailure, 'at'> => {
  const cause = error instanceof ActivityFailure ? error.cause : error;
  const application = cause instanceof ApplicationFailure ? cause : undefined;
  const code = application?.type ?? 'WORKFLOW_FAILED';
  const details = (application?.details?.[0] ?? {}) as { messageVi?: unknown };
  const where = step ? ` ở bước "${step}"` : '';
  const message =
    typeof details.messageVi === 'string'
      ? details.messageVi
      : `Thủ tục dừng${where} do lỗi không tự khắc phục được (mã ${code}): ${application?.message ?? String(cause)}`;
  return { code, message };
};

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

type Finished = ProcedureWorkflowResult;

export class ProcedureRun {
  private state: ProcedureState = initialProcedureState;
  /** What the workflow keeps beside the decider state, for the view. */
  private dueAt: string | null = null;
  private stalledSince: string | null = null;
  private failure: ProcedureFailure | null = null;
  private endedAt: string | null = null;
  /** The wait in progress (whom, until when), for supervisors' reminders and escalations. */
  private waiting: WaitingNotice | undefined;
  private revision = 0;
  private published: string | undefined;
  /** A view has reached the row (an activity that carried one finished): later views need no seed. */
  private rowWritten = false;
  private shownStep: string | undefined;
  private decisionSymbol: string | null = null;
  /** Who ended the procedure, for the audit entry written with the end. */
  private endAudit: AuditContext | undefined;
  private readonly projecting: boolean;
  /** One publication per wait (ONE_VIEW_PER_WAIT_PATCH). */
  private readonly oneViewPerWait: boolean;
  /** A step's view, its start and its work in one activity (ONE_ACTIVITY_PER_STEP_PATCH). */
  private readonly oneActivityPerStep: boolean;
  /** The sub-second writes. */
  private readonly quick: ProcedureActivities = quickSteps;

  constructor(private readonly input: ProcedureWorkflowInput) {
    this.projecting = patched(ONE_PROJECTION_PATCH);
    this.oneViewPerWait = this.projecting && patched(ONE_VIEW_PER_WAIT_PATCH);
    this.oneActivityPerStep = this.oneViewPerWait && patched(ONE_ACTIVITY_PER_STEP_PATCH);
    this.registerHandlers();
  }

  // ── the run ────────────────────────────────────────────────────────────────────────────────────────

  async run(): Promise<Finished> {
    this.apply({ type: 'start' });
    try {
      return await this.proceed();
    } catch (error) {
      if (!this.projecting || isCancellation(error)) throw error;
      await this.fail(error);
      throw error;
    }
  }

  /**
   * Moves the procedure on from state to state until it finishes. Kept in one loop on purpose: between an
   * activity's result and the next command there is no extra `await` (recorded histories of runs before
   * the patch have the next command ahead of a concurrently finishing Update, e.g. when the last vote closes).
   */
  private async proceed(): Promise<Finished> {
    for (;;) {
      this.showStep();
      // A wait publishes its view itself (with the due date), and so does a step's activity in patched runs:
      // the view is not published separately before them.
      if (this.projecting && !(this.oneViewPerWait && waitingFor(this.state)) && !this.viewGoesWithStep())
        await this.publish();
      const { state } = this;
      switch (state.status) {
        case 'in_step':
          if (!this.oneActivityPerStep) await this.quick.beginStep({ ...this.key(), step: state.step });
          await this.performStep(state.step);
          this.rowWritten = true;
          break;
        case 'reviewing':
        case 'returned':
        case 'drafting':
        case 'voting': {
          const who = waitingFor(state);
          const days = DAYS_FOR[state.status];
          if (!who || !days) throw new Error(`No deadline for ${state.status}`);
          await this.waitForPerson(who, this.input.deadlines[days] as number);
          break;
        }
        case 'vote_closed':
          await this.quick.closeCommitteeVote({ ...this.stepInput(), tally: state.tally });
          this.apply({ type: 'advance_after_vote' });
          break;
        case 'completed':
          return this.complete(state.round);
        case 'ended':
          return this.end(state);
        case 'initial':
          throw new Error('The procedure did not start');
        default: {
          const unreachable: never = state;
          throw new Error(`Unknown state ${JSON.stringify(unreachable)}`);
        }
      }
    }
  }

  private performStep(step: ProcedureStep): Promise<void> {
    switch (step) {
      case 'review':
        return this.checkRules();
      case 'draft_resolution':
        return this.draftResolution();
      case 'committee_approval':
        return this.openVote();
      case 'issue_decision':
        return this.issueDecision();
      case 'announce':
        return this.announce();
      default: {
        const unreachable: never = step;
        throw new Error(`Unknown step ${String(unreachable)}`);
      }
    }
  }

  // ── one method per step ────────────────────────────────────────────────────────────────────────────

  private async checkRules(): Promise<void> {
    const { violations } = await this.quick.checkRules(this.stepInput());
    this.apply({ type: 'rules_checked', violations });
    if (violations.length)
      await this.quick.recordReview({ ...this.key(), by: 'rules', accepted: false, reasons: violations });
  }

  private async draftResolution(): Promise<void> {
    const drafted = await steps.draftResolution(this.stepInput());
    if (isSentBack(drafted)) await this.sendBack(drafted);
    else this.apply({ type: 'complete_step', step: 'draft_resolution' });
  }

  private async openVote(): Promise<void> {
    const { voters } = await this.quick.openCommitteeVote(this.stepInput());
    this.apply({ type: 'open_vote', voters });
  }

  private async issueDecision(): Promise<void> {
    const issued = await steps.issueDecision(this.stepInput());
    if (isSentBack(issued)) {
      await this.sendBack(issued);
      return;
    }
    this.decisionSymbol = issued.symbol;
    this.apply({ type: 'complete_step', step: 'issue_decision' });
  }

  private async announce(): Promise<void> {
    await this.quick.announceDecision(this.stepInput());
    this.apply({ type: 'complete_step', step: 'announce' });
  }

  /** The registry moved under the procedure: back to the secretary (review) or to drafting, with the reasons. */
  private async sendBack({ to, reasons }: SentBack): Promise<void> {
    this.apply({ type: 'send_back', to, reasons });
    if (to === 'review')
      await this.quick.recordReview({ ...this.key(), by: 'registry', accepted: false, reasons });
  }

  // ── waiting for a person, with deadlines ──────────────────────────────────────────────────────────

  /** Waits until the state moves on: a reminder part-way, then escalation at the deadline. */
  private async waitForPerson(who: Waiting, days: number): Promise<void> {
    const { status } = this.state;
    const enteredRound = this.round();
    const moved = () => this.state.status !== status || this.round() !== enteredRound;
    const start = Date.now();
    const dueAt = deadlineAfter(new Date(start), days, this.input.deadlines);
    const notice: WaitingNotice = {
      ...this.key(),
      step: currentStep(this.state) ?? 'review',
      waitingFor: who,
      dueAt: dueAt.toISOString(),
    };
    this.waiting = notice;
    this.dueAt = notice.dueAt;
    this.stalledSince = null;
    try {
      if (this.projecting) await this.publish();
      else await this.quick.markWaiting(notice);
      const remindAt = start + (dueAt.getTime() - start) * this.input.deadlines.reminderAt;
      if (await condition(moved, Math.max(1, remindAt - Date.now()))) return;
      await quickSteps.sendReminder(notice);
      if (await condition(moved, Math.max(1, dueAt.getTime() - Date.now()))) return;
      await quickSteps.escalate(notice);
      await this.markStalled(dueAt);
      await condition(moved);
    } finally {
      this.leaveWait();
    }
  }

  /** Stalled since `at`, unless a supervisor escalated earlier: row and search attribute together. */
  private async markStalled(at: Date): Promise<void> {
    if (this.stalledSince) return;
    this.stalledSince = at.toISOString();
    upsertSearchAttributes([{ key: ProcedureSearchAttributes.stalledSince, value: at }]);
    await this.publish();
  }

  private leaveWait(): void {
    if (this.stalledSince)
      upsertSearchAttributes([{ key: ProcedureSearchAttributes.stalledSince, value: null }]);
    this.waiting = undefined;
    this.dueAt = null;
    this.stalledSince = null;
  }

  // ── finishing ─────────────────────────────────────────────────────────────────────────────────────

  private async complete(rounds: number): Promise<Finished> {
    if (this.projecting) await this.publish();
    else await this.quick.completeProcedure(this.key());
    // Let an in-flight update handler finish recording before the run closes.
    await condition(allHandlersFinished);
    return { outcome: 'completed', decisionSymbol: this.decisionSymbol, rounds };
  }

  private async end(state: Extract<ProcedureState, { status: 'ended' }>): Promise<Finished> {
    // Published here too: the end may have come while the loop was publishing the view before it.
    await this.publish();
    await quickSteps.endProcedure({
      ...this.key(),
      outcome: state.outcome,
      by: state.by,
      reason: state.reason,
      audit: this.endAudit,
    });
    await condition(allHandlersFinished);
    return { outcome: state.outcome, decisionSymbol: null, rounds: state.round };
  }

  /** Any non-retryable failure: recorded as `failed` with its code and message, the supervisors told. */
  private async fail(error: unknown): Promise<void> {
    const step = currentStep(this.state);
    this.failure = { ...failureOf(error, step), at: new Date().toISOString() };
    await this.publish();
    await quickSteps.reportFailure({ ...this.key(), code: this.failure.code, message: this.failure.message });
  }

  // ── the view ──────────────────────────────────────────────────────────────────────────────────────

  private view() {
    return procedureView(this.state, {
      dueAt: this.dueAt,
      stalledSince: this.stalledSince,
      failure: this.failure,
      endedAt: this.endedAt,
    });
  }

  /** Writes the view when it changed. */
  private async publish(): Promise<void> {
    const projection = this.nextProjection();
    if (projection) await this.quick.projectProcedure(projection);
    this.rowWritten = true;
  }

  /**
   * The view to write if it changed since the last one, with its revision (taken now, before any await, so a
   * late write loses). In patched runs the row's content goes with views only until one has reached the row
   * (the first creates it if the API's transaction did not; a step that failed before writing its view leaves
   * that to the failure's view): a large resolution's items are not sent with every view.
   */
  private nextProjection(): ProjectionInput | undefined {
    if (!this.projecting) return undefined;
    const view = this.view();
    const shown = JSON.stringify(view);
    if (shown === this.published) return undefined;
    this.published = shown;
    this.revision += 1;
    const { seed } = this.input;
    return {
      procedureId: this.input.procedureId,
      revision: this.revision,
      view,
      ...(seed && !(this.oneActivityPerStep && this.rowWritten) ? { seed } : {}),
    };
  }

  /** In patched runs a step's activity (and closing a vote) publishes the view the step begins with. */
  private viewGoesWithStep(): boolean {
    return (
      this.oneActivityPerStep && (this.state.status === 'in_step' || this.state.status === 'vote_closed')
    );
  }

  /** A step activity's input: the key, and the view to publish first when it goes with the step. */
  private stepInput(): StepInput {
    const projection = this.viewGoesWithStep() ? this.nextProjection() : undefined;
    return { ...this.key(), ...(projection ? { projection } : {}) };
  }

  private showStep(): void {
    const step = currentStep(this.state);
    if (step && step !== this.shownStep) {
      upsertSearchAttributes([{ key: ProcedureSearchAttributes.step, value: step }]);
      this.shownStep = step;
    }
  }

  // ── handlers ──────────────────────────────────────────────────────────────────────────────────────

  private registerHandlers(): void {
    setHandler(procedureStateQuery, () => this.state);
    setHandler(procedureViewQuery, () => this.view());

    setHandler(castVoteUpdate, (vote) => this.castVote(vote), {
      validator: (vote: CastVoteInput) =>
        this.check({ type: 'cast_vote', vote: { ...vote, castAt: new Date().toISOString() } }),
    });

    setHandler(reviewUpdate, (review) => this.review(review), {
      validator: (review: ReviewInput) => this.check({ type: 'decide_review', ...review }),
    });

    setHandler(resubmitUpdate, (resubmission) => this.resubmit(resubmission), {
      validator: (resubmission: ResubmitInput) => this.check({ type: 'resubmit', by: resubmission.by }),
    });

    setHandler(submitDraftUpdate, (submission) => this.submitDraft(submission), {
      validator: (submission: SubmitDraftInput) => this.check({ type: 'submit_draft', by: submission.by }),
    });

    for (const [update, type] of [
      [withdrawUpdate, 'withdraw'],
      [cancelUpdate, 'cancel'],
    ] as const) {
      setHandler(
        update,
        (end: EndInput): Promise<ActionResult> => {
          this.apply({ type, by: end.by, reason: end.reason });
          this.endAudit = end.audit;
          return Promise.resolve(this.result());
        },
        { validator: (end: EndInput) => this.check({ type, by: end.by, reason: end.reason }) },
      );
    }

    setHandler(remindUpdate, (nudge: NudgeInput) => this.remind(nudge), {
      validator: (_nudge: NudgeInput) => this.checkWaiting(),
    });
    setHandler(escalateUpdate, (nudge: NudgeInput) => this.escalate(nudge), {
      validator: (_nudge: NudgeInput) => this.checkWaiting(),
    });
  }

  private async castVote({ audit, ...vote }: CastVoteInput): Promise<CastVoteResult> {
    const recorded = { ...vote, castAt: new Date().toISOString() };
    const votedIn = this.round();
    // Applied before the first await: a concurrent second vote by the same member fails its validator.
    this.apply({ type: 'cast_vote', vote: recorded });
    const after = this.state;
    await this.quick.recordVote({
      procedureId: this.input.procedureId,
      round: votedIn,
      vote: recorded,
      audit,
    });
    const tally =
      after.status === 'vote_closed'
        ? after.tally
        : tallyOf(after as Extract<ProcedureState, { status: 'voting' }>);
    return { round: votedIn, tally };
  }

  private async review(review: ReviewInput): Promise<ActionResult> {
    const at = this.key();
    this.apply({
      type: 'decide_review',
      reviewerId: review.reviewerId,
      accept: review.accept,
      reasons: review.reasons,
    });
    const answer = this.result();
    await this.quick.recordReview({
      ...at,
      by: review.reviewerId,
      accepted: review.accept,
      reasons: review.reasons,
      audit: review.audit,
    });
    return answer;
  }

  private async resubmit(resubmission: ResubmitInput): Promise<ActionResult> {
    // Stored first: the review that the resubmission starts must read the new items.
    await this.quick.storeResubmission({
      ...this.key(),
      by: resubmission.by,
      items: resubmission.items,
      audit: resubmission.audit,
    });
    this.apply({ type: 'resubmit', by: resubmission.by });
    return this.result();
  }

  private async submitDraft(submission: SubmitDraftInput): Promise<ActionResult & { version: number }> {
    const { version } = await this.quick.submitDraft({ ...this.key(), ...submission });
    this.apply({ type: 'submit_draft', by: submission.by });
    return { ...this.result(), version };
  }

  /** A supervisor's reminder: to whoever the procedure waits for (on a vote, the members yet to vote). */
  private async remind({ by, reason, requestKey, audit }: NudgeInput): Promise<ActionResult> {
    const notice = this.requireWaiting();
    await quickSteps.sendReminder({ ...notice, nudge: { by, reason, requestKey, audit } });
    return this.result();
  }

  /** A supervisor's escalation: stalled from now (row and search attribute), the supervisors told. */
  private async escalate({ by, reason, requestKey, audit }: NudgeInput): Promise<ActionResult> {
    const notice = this.requireWaiting();
    await this.markStalled(new Date());
    await quickSteps.escalate({ ...notice, nudge: { by, reason, requestKey, audit } });
    return this.result();
  }

  // ── helpers ───────────────────────────────────────────────────────────────────────────────────────

  private round(): number {
    return 'round' in this.state ? this.state.round : 1;
  }

  private key(): StepKey {
    return { procedureId: this.input.procedureId, round: this.round() };
  }

  private result(): ActionResult {
    return { status: this.state.status, round: this.round() };
  }

  private check(command: ProcedureCommand): void {
    try {
      handle(this.state, command);
    } catch (error) {
      throw asFailure(error);
    }
  }

  private apply(command: ProcedureCommand): void {
    try {
      this.state = handle(this.state, command).state;
    } catch (error) {
      throw asFailure(error);
    }
    if ((this.state.status === 'completed' || this.state.status === 'ended') && !this.endedAt)
      this.endedAt = new Date().toISOString();
  }

  private checkWaiting(): void {
    if (!this.waiting) throw asFailure(ProcedureErrors.notWaiting(this.state.status));
  }

  private requireWaiting(): WaitingNotice {
    if (!this.waiting) throw asFailure(ProcedureErrors.notWaiting(this.state.status));
    return this.waiting;
  }
}

export async function procedureWorkflow(input: ProcedureWorkflowInput): Promise<ProcedureWorkflowResult> {
  return new ProcedureRun(input).run();
}
