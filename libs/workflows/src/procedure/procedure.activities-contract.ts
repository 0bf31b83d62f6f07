/**
 * What the procedure workflow asks workers to do. Types only: the workflow imports this file, the worker
 * implements it (apps/worker/src/activities). Every activity is idempotent on its key (procedure + step +
 * round, or a notification's dedupe key): a retry finds and returns its own earlier result.
 */
import type { ProcedureStep, RecordedVote, ResolutionItem, Tally, Waiting } from '@kientoan/domain';
import type { AuditContext } from './procedure.messages';

type Audited = { readonly audit?: AuditContext };

export interface StepKey {
  readonly procedureId: string;
  readonly round: number;
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

export interface ProcedureActivities {
  /** Marks a step as begun (started time, current step): the first write of every step. */
  beginStep(input: StepKey & { readonly step: ProcedureStep }): Promise<void>;
  checkRules(key: StepKey): Promise<RulesCheck>;
  /** The reviewer's (or the rules') verdict; a return notifies the secretary with the reasons. */
  recordReview(
    input: StepKey &
      Audited & { readonly by: string; readonly accepted: boolean; readonly reasons: readonly string[] },
  ): Promise<void>;
  storeResubmission(
    input: StepKey & Audited & { readonly by: string; readonly items: readonly ResolutionItem[] },
  ): Promise<void>;
  /** The draft generated from the procedure's plan; sent back to review when the items now break rules. */
  draftResolution(key: StepKey): Promise<({ readonly outcome: 'drafted' } & DraftOutcome) | SentBack>;
  /** The secretary's edits become a new draft version; the draft step completes on submission. */
  submitDraft(
    input: StepKey &
      Audited & { readonly by: string; readonly body?: string; readonly decisionBody?: string },
  ): Promise<DraftOutcome>;
  openCommitteeVote(key: StepKey): Promise<OpenedVote>;
  recordVote(input: StepKey & Audited & { readonly vote: RecordedVote }): Promise<void>;
  closeCommitteeVote(input: StepKey & { readonly tally: Tally }): Promise<void>;
  /**
   * Issues the texts of the draft version the committee voted on, numbered and dated; sent back to drafting
   * when today's registry makes that text wrong, to review when the items now break rules.
   */
  issueDecision(key: StepKey): Promise<({ readonly outcome: 'issued' } & IssuedDecision) | SentBack>;
  announceDecision(key: StepKey): Promise<PublishedAnnouncement>;
  completeProcedure(key: StepKey): Promise<void>;
  endProcedure(
    input: StepKey &
      Audited & {
        readonly outcome: 'withdrawn' | 'cancelled';
        readonly by: string;
        readonly reason: string;
      },
  ): Promise<void>;
  /** Records whom the procedure waits for and the deadline; clears a previous stall. */
  markWaiting(notice: WaitingNotice): Promise<void>;
  sendReminder(notice: WaitingNotice): Promise<void>;
  /** The deadline passed: stalled since the deadline, supervisors notified. */
  escalate(notice: WaitingNotice): Promise<void>;
}
