import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  type Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import { DOMAIN_ERROR_KINDS, DomainError, type DomainErrorKind, ProcedureErrors } from '@kientoan/domain';
import { deadlinePolicyFrom, environmentFrom } from '@kientoan/platform';
import {
  type CastVoteInput,
  type CastVoteResult,
  type ProcedureWorkflowInput,
  ProcedureSearchAttributes,
  actionUpdateId,
  castVoteUpdate,
  procedureWorkflowId,
  voteUpdateId,
} from '@kientoan/workflows';
import { TEMPORAL_CLIENT } from '../infrastructure/infrastructure.module';

/** Turns a failure raised by a workflow validator back into the DomainError it started as. */
const toDomainError = (failure: ApplicationFailure): DomainError | undefined => {
  const details = (failure.details?.[0] ?? {}) as Record<string, unknown>;
  const kind = details['kind'];
  if (!failure.type || typeof kind !== 'string' || !(DOMAIN_ERROR_KINDS as readonly string[]).includes(kind))
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
  private readonly deadlines: ProcedureWorkflowInput['deadlines'];

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(ConfigService) config: ConfigService,
  ) {
    const env = environmentFrom(config);
    this.taskQueue = env.TEMPORAL_TASK_QUEUE;
    const { unannouncedYears, ...deadlines } = deadlinePolicyFrom(env);
    this.deadlines = deadlines;
    if (unannouncedYears.length > 0)
      new Logger('calendar').warn(
        `Chưa có ngày nghỉ lễ được công bố cho năm ${unannouncedYears.join(', ')}: hạn xử lý tính theo Bộ luật Lao động ` +
          `(Tết, Giỗ Tổ Hùng Vương theo âm lịch, nghỉ bù), chưa gồm ngày nghỉ hoán đổi. Thêm vào VN_ANNOUNCED_DAYS_FILE. / ` +
          `No announced holidays for ${unannouncedYears.join(', ')}: deadlines use the statutory days only; add them to VN_ANNOUNCED_DAYS_FILE.`,
      );
  }

  async start(input: Omit<ProcedureWorkflowInput, 'deadlines'>): Promise<string> {
    const workflowId = procedureWorkflowId(input.procedureId);
    try {
      await this.client.workflow.start('procedureWorkflow', {
        workflowId,
        taskQueue: this.taskQueue,
        args: [{ ...input, deadlines: this.deadlines }],
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

  castVote(procedureId: string, vote: CastVoteInput): Promise<CastVoteResult> {
    return this.execute(procedureId, castVoteUpdate, vote, voteUpdateId(vote.idempotencyKey));
  }

  /** A human action as a workflow Update; the idempotency key (if any) makes a repeat answer the first result. */
  action<Result, Arg>(
    procedureId: string,
    update: UpdateDefinition<Result, [Arg]>,
    arg: Arg,
    idempotencyKey?: string,
  ): Promise<Result> {
    return this.execute(
      procedureId,
      update,
      arg,
      actionUpdateId(update.name, idempotencyKey ?? randomUUID()),
    );
  }

  private async execute<Result, Arg>(
    procedureId: string,
    update: UpdateDefinition<Result, [Arg]>,
    arg: Arg,
    updateId: string,
  ): Promise<Result> {
    const handle = this.client.workflow.getHandle(procedureWorkflowId(procedureId));
    try {
      return await handle.executeUpdate(update, { args: [arg], updateId });
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
        throw toDomainError(error.cause) ?? error;
      }
      if (error instanceof WorkflowNotFoundError) throw ProcedureErrors.terminated('closed');
      throw error;
    }
  }
}
