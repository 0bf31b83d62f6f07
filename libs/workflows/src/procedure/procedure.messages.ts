/**
 * Messages of the procedure workflow, defined next to it: one Update per human action (each with a
 * validator in the workflow, so the workflow itself refuses what the rules forbid) and a status Query.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ProcedureState, ProcedureView, ResolutionItem, Tally, VoteChoice } from '@kientoan/domain';

/** Who acted, for the audit entry that the worker writes in the same transaction as the change. */
export interface AuditContext {
  readonly actorId: string;
  readonly role: string;
  readonly clientAddress: string | null;
  readonly requestId: string | null;
}

export interface CastVoteInput {
  readonly voterId: string;
  readonly choice: VoteChoice;
  readonly comment?: string;
  readonly idempotencyKey: string;
  readonly audit?: AuditContext;
}

export interface CastVoteResult {
  readonly round: number;
  readonly tally: Tally;
}

export interface ReviewInput {
  readonly reviewerId: string;
  readonly accept: boolean;
  readonly reasons: readonly string[];
  readonly audit?: AuditContext;
}

export interface ResubmitInput {
  readonly by: string;
  readonly items: readonly ResolutionItem[];
  readonly audit?: AuditContext;
}

export interface SubmitDraftInput {
  readonly by: string;
  /** Edited texts; omitted = submit the latest version as it is. */
  readonly body?: string;
  readonly decisionBody?: string;
  /** Edited decisions of the document set, by position (1 is also decisionBody). */
  readonly documents?: readonly { readonly position: number; readonly body: string }[];
  readonly audit?: AuditContext;
}

export interface EndInput {
  readonly by: string;
  readonly reason: string;
  readonly audit?: AuditContext;
}

/** A supervisor's reminder or escalation, carried by the workflow so that notifications, the row and the search attribute agree. */
export interface NudgeInput {
  readonly by: string;
  readonly reason?: string;
  /** Makes the nudge once: its notifications and audit entry are keyed on it. */
  readonly requestKey: string;
  readonly audit?: AuditContext;
}

/** What every human action answers: where the procedure stands afterwards. */
export interface ActionResult {
  readonly status: ProcedureState['status'];
  readonly round: number;
}

export const castVoteUpdate = defineUpdate<CastVoteResult, [CastVoteInput]>('castVote');
export const reviewUpdate = defineUpdate<ActionResult, [ReviewInput]>('review');
export const resubmitUpdate = defineUpdate<ActionResult, [ResubmitInput]>('resubmit');
export const submitDraftUpdate = defineUpdate<
  ActionResult & { readonly version: number },
  [SubmitDraftInput]
>('submitDraft');
export const withdrawUpdate = defineUpdate<ActionResult, [EndInput]>('withdraw');
export const cancelUpdate = defineUpdate<ActionResult, [EndInput]>('cancel');
export const remindUpdate = defineUpdate<ActionResult, [NudgeInput]>('remind');
export const escalateUpdate = defineUpdate<ActionResult, [NudgeInput]>('escalate');
export const procedureStateQuery = defineQuery<ProcedureState>('procedureState');
/** The view the workflow last computed (what `projectProcedure` writes to PostgreSQL). */
export const procedureViewQuery = defineQuery<ProcedureView>('procedureView');

/** Workflow ids are derived from procedure ids, so a second start of the same procedure is refused. */
export const procedureWorkflowId = (procedureId: string): string => `procedure-${procedureId}`;

/**
 * The one shape of every idempotency key: what it makes once, then the parts that identify it, joined by ":"
 * (e.g. `review:<procedure>:<round>`). Update ids, notification and audit dedupe keys all use it.
 */
export const idempotencyKey = (kind: string, ...parts: readonly (string | number)[]): string =>
  [kind, ...parts].join(':');

/** Update ids are derived from the client's idempotency key: Temporal then answers a repeat with the first result. */
export const voteUpdateId = (clientKey: string): string => idempotencyKey('vote', clientKey);
export const actionUpdateId = (action: string, clientKey: string): string =>
  idempotencyKey(action, clientKey);

/** The `procedure.start` audit entry's dedupe key: the API's transaction or the workflow's first view writes it. */
export const startAuditKey = (procedureId: string): string => idempotencyKey('start', procedureId);
