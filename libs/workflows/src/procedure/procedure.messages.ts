/**
 * Messages of the procedure workflow, defined next to it: the approval Update (with a validator in the
 * workflow) and a status Query. The API imports these definitions to talk to running procedures.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ProcedureState, Tally, VoteChoice } from '@kientoan/domain';

export interface CastVoteInput {
  readonly voterId: string;
  readonly choice: VoteChoice;
  readonly comment?: string;
  readonly idempotencyKey: string;
}

export interface CastVoteResult {
  readonly round: number;
  readonly tally: Tally;
}

export const castVoteUpdate = defineUpdate<CastVoteResult, [CastVoteInput]>('castVote');
export const procedureStateQuery = defineQuery<ProcedureState>('procedureState');

/** Workflow ids are derived from procedure ids, so a second start of the same procedure is refused. */
export const procedureWorkflowId = (procedureId: string): string => `procedure-${procedureId}`;

/** Update ids are derived from the client's idempotency key: Temporal then answers a repeat with the first result. */
export const voteUpdateId = (idempotencyKey: string): string => `vote-${idempotencyKey}`;

export const PROCEDURE_TASK_QUEUE = 'kientoan-procedures';
