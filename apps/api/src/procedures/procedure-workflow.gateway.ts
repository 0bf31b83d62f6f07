import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  type Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DomainError, type DomainErrorKind, ProcedureErrors } from '@kientoan/domain';
import { environmentFrom } from '@kientoan/platform';
import {
  type CastVoteInput,
  type CastVoteResult,
  type ProcedureWorkflowInput,
  ProcedureSearchAttributes,
  castVoteUpdate,
  procedureWorkflowId,
  voteUpdateId,
} from '@kientoan/workflows';
import { TEMPORAL_CLIENT } from '../infrastructure/infrastructure.module';

const DOMAIN_KINDS: readonly DomainErrorKind[] = ['invalid', 'not_found', 'conflict', 'forbidden'];

/** Turns a failure raised by the workflow's validator back into the DomainError it started as. */
const toDomainError = (failure: ApplicationFailure): DomainError | undefined => {
  const details = (failure.details?.[0] ?? {}) as Record<string, unknown>;
  const kind = details['kind'];
  if (!failure.type || typeof kind !== 'string' || !DOMAIN_KINDS.includes(kind as DomainErrorKind))
    return undefined;
  const { code: _code, kind: _kind, messageVi, ...rest } = details;
  return new DomainError(
    failure.type,
    kind as DomainErrorKind,
    typeof messageVi === 'string' ? messageVi : failure.message,
    failure.message,
    rest,
  );
};

/** The API's only door to Temporal for procedures. */
@Injectable()
export class ProcedureWorkflowGateway {
  private readonly taskQueue: string;

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(ConfigService) config: ConfigService,
  ) {
    this.taskQueue = environmentFrom(config).TEMPORAL_TASK_QUEUE;
  }

  async start(input: ProcedureWorkflowInput): Promise<string> {
    const workflowId = procedureWorkflowId(input.procedureId);
    try {
      await this.client.workflow.start('procedureWorkflow', {
        workflowId,
        taskQueue: this.taskQueue,
        args: [input],
        typedSearchAttributes: [
          { key: ProcedureSearchAttributes.ward, value: input.wardCode },
          { key: ProcedureSearchAttributes.kind, value: input.kind },
          { key: ProcedureSearchAttributes.step, value: 'review' },
        ],
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError)
        throw ProcedureErrors.alreadyExists(input.procedureId);
      throw error;
    }
    return workflowId;
  }

  async castVote(procedureId: string, vote: CastVoteInput): Promise<CastVoteResult> {
    const handle = this.client.workflow.getHandle(procedureWorkflowId(procedureId));
    try {
      return await handle.executeUpdate(castVoteUpdate, {
        args: [vote],
        updateId: voteUpdateId(vote.idempotencyKey),
      });
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
        throw toDomainError(error.cause) ?? error;
      }
      if (error instanceof WorkflowNotFoundError) {
        throw ProcedureErrors.voteNotOpen();
      }
      throw error;
    }
  }

  /** Used when storing the procedure failed after its workflow started: nothing must be left running. */
  async terminate(procedureId: string, reason: string): Promise<void> {
    await this.client.workflow.getHandle(procedureWorkflowId(procedureId)).terminate(reason);
  }
}
