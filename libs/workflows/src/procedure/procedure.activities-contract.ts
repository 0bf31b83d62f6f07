/**
 * What the procedure workflow asks workers to do. Types only: the workflow imports this file, the worker
 * implements it (apps/worker/src/activities). Every activity is idempotent on its key (procedure + step +
 * round, or a notification's dedupe key): a retry finds and returns its own earlier result.
 */
import type {
  ProcedureStep,
  ProcedureView,
  RecordedVote,
  ResolutionItem,
  Tally,
  Waiting,
} from '@kientoan/domain';
import type { AuditContext } from './procedure.messages';

type Audited = { readonly audit?: AuditContext };

export interface StepKey {
  readonly procedureId: string;
  readonly round: number;
}

/**
 * What a step's activity gets: its key and, in runs after ONE_ACTIVITY_PER_STEP_PATCH, the view the workflow
 * publishes as the step begins. The activity writes it first (through the one projection writer, in its own
 * statement, so the step shows as under way while it runs), then does the step: one activity per step where
 * there were three (publish the view, mark the step begun, do it). Absent in runs before the patch, which
 * replay their separate `projectProcedure` and `beginStep` calls.
 */
export interface StepInput extends StepKey {
  readonly projection?: ProjectionInput;
}

export interface RulesCheck {
  /** Every registry rule the items break today, as Vietnamese sentences (empty: the rules pass). */
  readonly violations: readonly string[];
}

export interface DraftOutcome {
  readonly version: number;
}

/** The registry moved under the procedure: where it goes back to, and why (Vietnamese sentences). */
export interface SentBack {
  readonly outcome: 'sent_back';
  readonly to: 'review' | 'draft_resolution';
  readonly reasons: readonly string[];
}

/**
 * Results recorded before `outcome` existed have none: a missing `outcome` means success, so histories of
 * procedures that ran before this change replay.
 */
export const isSentBack = (result: object): result is SentBack =>
  (result as { outcome?: unknown }).outcome === 'sent_back';

export interface OpenedVote {
  readonly voters: readonly string[];
}

export interface IssuedDecision {
  readonly number: number;
  readonly symbol: string;
  readonly resolutionSymbol: string;
  readonly year: number;
  readonly issuedAt: string;
  readonly changes: number;
}

export interface PublishedAnnouncement {
  readonly publishedAt: string;
  readonly recipients: number;
}

export interface WaitingNotice extends StepKey {
  readonly step: ProcedureStep;
  readonly waitingFor: Waiting;
  /** ISO instant */
  readonly dueAt: string;
}

/** A supervisor's reminder or escalation (through the workflow): who, why, and the key that makes it once. */
export interface SupervisorNudge {
  readonly by: string;
  readonly reason?: string;
  /** Distinguishes this nudge from the workflow's own (and from other nudges) in notification keys. */
  readonly requestKey: string;
  readonly audit?: AuditContext;
}

/** What the procedure row is created from when it does not exist yet (the workflow's input carries it). */
export interface ProcedureSeed {
  readonly wardCode: string;
  readonly kind: string;
  readonly title: string;
  readonly items: readonly ResolutionItem[];
  readonly initiatedBy: string;
  /** YYYY-MM-DD */
  readonly effectiveDate: string | null;
  /**
   * Who started it: when the workflow creates the row (the API's transaction did not commit after the start,
   * e.g. the API was killed), it writes the `procedure.start` audit entry the transaction would have written.
   * Absent in runs started before it existed.
   */
  readonly audit?: AuditContext & { readonly after: Readonly<Record<string, unknown>> };
}

export interface ProjectionInput {
  readonly procedureId: string;
  /** Increases with every view the workflow writes; a view older than the stored one is ignored. */
  readonly revision: number;
  readonly view: ProcedureView;
  /** Creates the row when it is missing (e.g. the API's transaction failed after the workflow started). */
  readonly seed?: ProcedureSeed;
}

export interface FailureReport extends StepKey {
  readonly code: string;
  readonly message: string;
}

export interface ProcedureActivities {
  /**
   * Writes the procedure's whole view (status, step, round, waiting for, due, stalled, reasons, end,
   * failure) in one statement, if `revision` is newer than the stored one, and notifies
   * `procedure_changed` in the same transaction. The ONLY writer of those columns.
   */
  projectProcedure(input: ProjectionInput): Promise<void>;
  /** A non-retryable failure stopped the procedure: the supervisors are told. */
  reportFailure(report: FailureReport): Promise<void>;
  /** Marks a step as begun (its `procedure_step` row): the first write of every step. */
  beginStep(input: StepKey & { readonly step: ProcedureStep }): Promise<void>;
  checkRules(input: StepInput): Promise<RulesCheck>;
  /** The reviewer's (or the rules') verdict; a return notifies the secretary with the reasons. */
  recordReview(
    input: StepKey &
      Audited & { readonly by: string; readonly accepted: boolean; readonly reasons: readonly string[] },
  ): Promise<void>;
  storeResubmission(
    input: StepKey & Audited & { readonly by: string; readonly items: readonly ResolutionItem[] },
  ): Promise<void>;
  /** The draft generated from the procedure's plan; sent back to review when the items now break rules. */
  draftResolution(input: StepInput): Promise<({ readonly outcome: 'drafted' } & DraftOutcome) | SentBack>;
  /** The secretary's edits become a new draft version; the draft step completes on submission. */
  submitDraft(
    input: StepKey &
      Audited & {
        readonly by: string;
        readonly body?: string;
        readonly decisionBody?: string;
        readonly documents?: readonly { readonly position: number; readonly body: string }[];
      },
  ): Promise<DraftOutcome>;
  openCommitteeVote(input: StepInput): Promise<OpenedVote>;
  recordVote(input: StepKey & Audited & { readonly vote: RecordedVote }): Promise<void>;
  /** Records the tally; in patched runs it also publishes the closed vote's view (`projection`). */
  closeCommitteeVote(input: StepInput & { readonly tally: Tally }): Promise<void>;
  /**
   * Issues the texts of the draft version the committee voted on, numbered and dated; sent back to drafting
   * when today's registry makes that text wrong, to review when the items now break rules.
   */
  issueDecision(input: StepInput): Promise<({ readonly outcome: 'issued' } & IssuedDecision) | SentBack>;
  announceDecision(input: StepInput): Promise<PublishedAnnouncement>;
  /** @deprecated Projection of runs started before `projectProcedure` existed (replay); not called by new runs. */
  completeProcedure(key: StepKey): Promise<void>;
  endProcedure(
    input: StepKey &
      Audited & {
        readonly outcome: 'withdrawn' | 'cancelled';
        readonly by: string;
        readonly reason: string;
      },
  ): Promise<void>;
  /** @deprecated Projection of runs started before `projectProcedure` existed (replay); not called by new runs. */
  markWaiting(notice: WaitingNotice): Promise<void>;
  /** Reminds whoever the procedure waits for (on a vote: the members who have not voted). */
  sendReminder(notice: WaitingNotice & { readonly nudge?: SupervisorNudge }): Promise<void>;
  /** The deadline passed (or a supervisor escalated): the supervisors are notified. */
  escalate(notice: WaitingNotice & { readonly nudge?: SupervisorNudge }): Promise<void>;
}
