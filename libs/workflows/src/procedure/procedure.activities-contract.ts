/**
 * What the procedure workflow asks workers to do. Types only: the workflow imports this file, the worker
 * implements it (apps/worker/src/activities). Every activity is idempotent on its key (procedure + step +
 * round): a retry finds and returns its own earlier result.
 */
import type { ProcedureStep, RecordedVote, Tally } from '@kientoan/domain';

export interface StepKey {
  readonly procedureId: string;
  readonly round: number;
}

export interface ReviewOutcome {
  readonly accepted: true;
  readonly wardName: string;
}

export interface DraftOutcome {
  readonly version: number;
}

export interface OpenedVote {
  readonly voters: readonly string[];
}

export interface IssuedDecision {
  readonly number: number;
  readonly symbol: string;
  readonly year: number;
  readonly issuedAt: string;
}

export interface PublishedAnnouncement {
  readonly publishedAt: string;
}

export interface ProcedureActivities {
  /** Marks a step as begun (started time, current step): the first write of every step. */
  beginStep(input: StepKey & { readonly step: ProcedureStep }): Promise<void>;
  reviewProposal(key: StepKey): Promise<ReviewOutcome>;
  draftResolution(key: StepKey): Promise<DraftOutcome>;
  openCommitteeVote(key: StepKey): Promise<OpenedVote>;
  recordVote(input: StepKey & { readonly vote: RecordedVote }): Promise<void>;
  closeCommitteeVote(input: StepKey & { readonly tally: Tally }): Promise<void>;
  issueDecision(key: StepKey): Promise<IssuedDecision>;
  announceDecision(key: StepKey): Promise<PublishedAnnouncement>;
  completeProcedure(key: StepKey): Promise<void>;
}
