import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  type Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  WorkflowUpdateStage,
  isGrpcServiceError,
} from '@temporalio/client';
import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import { DOMAIN_ERROR_KINDS, DomainError, type DomainErrorKind, ProcedureErrors } from '@kientoan/domain';
import { type PrismaClient, deadlinePolicyFrom, environmentFrom } from '@kientoan/platform';
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
import { ServiceUnavailable } from '../common/errors/service-unavailable.error';
import { PRISMA, TEMPORAL_CLIENT } from '../infrastructure/infrastructure.tokens';
import { type PollerStatus, TaskQueuePollers } from '../infrastructure/task-queue-pollers';

/**
 * Every call to Temporal has a deadline: without one the client retries an unreachable server for ~20 s and an
 * Update nobody accepts waits for a worker forever. A start is answered within 5 s when a part is down.
 */
const CALL_TIMEOUT_MS = 3_500;
/**
 * A worker accepts (validates) an Update within the action's wait less this (kept for the result): until then
 * the Update is not durable. A busy worker may take seconds; only then is "no worker took it" the answer.
 */
const RESULT_RESERVE_MS = 750;
/** Whatever is left of the action's wait, each phase gets at least this long. */
const MIN_PHASE_MS = 250;
const PROBE_TIMEOUT_MS = 500;
/**
 * Sending an Update needs at least this much of the budget (acceptance, the probe that names the missing part,
 * the result): with less left (the request queued behind others, or its reads were slow) nothing is sent and
 * the answer is 503 SERVER_BUSY, so the answer still comes within the bound.
 */
const MIN_SEND_MS = MIN_PHASE_MS + RESULT_RESERVE_MS + PROBE_TIMEOUT_MS;
/** The poller check stops this much before the send's minimum, so a slow check still leaves time to send. */
const POLLER_SLACK_MS = 100;

/** A probe after the deadline still gets this long (a loaded Temporal answers GetSystemInfo in tens of ms). */
const MIN_PROBE_MS = 150;
/** A worker that polled this recently is alive: an Update it has not accepted yet waits on a busy worker. */
const LIVE_POLL_MS = 10_000;

/**
 * A call that ran out of its deadline: the client's Update timeout, or the raw gRPC DEADLINE_EXCEEDED (4) that
 * polling an Update's result raises on a loaded server (it is not a server that is down).
 */
const isCallTimeout = (error: unknown): boolean =>
  error instanceof WorkflowUpdateRPCTimeoutOrCancelledError ||
  (isGrpcServiceError(error) && Number(error.code) === 4);

const workerPolledRecently = (pollers: PollerStatus): boolean =>
  pollers.known && pollers.polling > 0 && (pollers.lastPollAgoMs ?? Infinity) <= LIVE_POLL_MS;

/** When an action's time budget began: the request's arrival (defaults to now). */
export interface ActionTiming {
  readonly since?: number;
}

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
  /** ACTION_WAIT_MS: an action is answered within this (plus a short probe) whatever is down. */
  private readonly actionWaitMs: number;

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(ConfigService) config: ConfigService,
    @Inject(TaskQueuePollers) private readonly pollers: TaskQueuePollers,
    @Inject(PRISMA) private readonly prisma: PrismaClient,
  ) {
    const env = environmentFrom(config);
    this.taskQueue = env.TEMPORAL_TASK_QUEUE;
    this.actionWaitMs = env.ACTION_WAIT_MS;
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
    // Temporal known to be down (cached, bounded): refuse now rather than after the call's deadline.
    const pollers = await this.pollers.status();
    if (!pollers.known && !pollers.reachable) throw ServiceUnavailable.workflowService();
    try {
      await this.within(CALL_TIMEOUT_MS, () =>
        this.client.workflow.start('procedureWorkflow', {
          workflowId,
          taskQueue: this.taskQueue,
          args: [{ ...input, deadlines: this.deadlines }],
          typedSearchAttributes: [
            { key: ProcedureSearchAttributes.ward, value: input.wardCode },
            { key: ProcedureSearchAttributes.kind, value: input.kind },
            { key: ProcedureSearchAttributes.step, value: 'review' },
          ],
        }),
      );
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError)
        throw ProcedureErrors.alreadyExists(input.procedureId);
      throw error;
    }
    return workflowId;
  }

  castVote(procedureId: string, vote: CastVoteInput, timing: ActionTiming = {}): Promise<CastVoteResult> {
    return this.execute(procedureId, castVoteUpdate, vote, voteUpdateId(vote.idempotencyKey), timing);
  }

  /** A human action as a workflow Update; the idempotency key (if any) makes a repeat answer the first result. */
  action<Result, Arg>(
    procedureId: string,
    update: UpdateDefinition<Result, [Arg]>,
    arg: Arg,
    idempotencyKey?: string,
    timing: ActionTiming = {},
  ): Promise<Result> {
    return this.execute(
      procedureId,
      update,
      arg,
      actionUpdateId(update.name, idempotencyKey ?? randomUUID()),
      timing,
    );
  }

  /**
   * Sends the Update in two bounded phases, within ACTION_WAIT_MS in all. Before a worker accepts it, an Update
   * is not durable (Temporal keeps it in memory only): if no worker polls the queue we do not send it at all, and
   * if none accepts it in time we answer 503 NO_WORKER_AVAILABLE saying it may or may not be applied later. Once
   * accepted it is in the workflow's history and will complete; if that takes longer than the wait (a worker
   * died, PostgreSQL is down, a burst) we answer 503 ACTION_PENDING (a retry with the same key returns the
   * result).
   */
  private async execute<Result, Arg>(
    procedureId: string,
    update: UpdateDefinition<Result, [Arg]>,
    arg: Arg,
    updateId: string,
    { since = Date.now() }: ActionTiming,
  ): Promise<Result> {
    // The budget counts from the request's arrival: time spent loading the actor and the procedure (a busy pool,
    // a loaded machine) is part of what the person waits for.
    const deadline = since + this.actionWaitMs;
    const remaining = () => deadline - Date.now();
    const enoughToSend = () => {
      if (remaining() < MIN_SEND_MS) throw ServiceUnavailable.serverBusy();
    };
    enoughToSend();
    // Asked first (cached, bounded by what is left): nothing is sent when Temporal is down or no worker polls.
    const pollerBudget = () => remaining() - MIN_SEND_MS - POLLER_SLACK_MS;
    let pollers = await this.pollers.status({ withinMs: pollerBudget() });
    if (pollers.known && pollers.polling === 0 && pollerBudget() > MIN_PHASE_MS)
      pollers = await this.pollers.status({ fresh: true, withinMs: pollerBudget() });
    if (!pollers.known && !pollers.reachable) throw ServiceUnavailable.workflowService();
    if (pollers.known && pollers.polling === 0) throw ServiceUnavailable.noWorker(false);
    enoughToSend();
    const handle = this.client.workflow.getHandle(procedureWorkflowId(procedureId));
    // Each phase ends early enough for its probe; past the deadline a phase or probe gets only a short floor,
    // so an answer comes at most a few hundred ms after the deadline (plus the process's own lag under load).
    const phase = (reserveMs: number) => Math.max(MIN_PHASE_MS, remaining() - reserveMs);
    const probe = () => Math.max(MIN_PROBE_MS, Math.min(PROBE_TIMEOUT_MS, remaining()));
    try {
      const accepted = await this.within(phase(RESULT_RESERVE_MS + PROBE_TIMEOUT_MS), () =>
        handle.startUpdate(update, {
          args: [arg],
          updateId,
          waitForStage: WorkflowUpdateStage.ACCEPTED,
        }),
      ).catch(async (error: unknown) => {
        if (!isCallTimeout(error)) throw error;
        // Timed out: either Temporal is unreachable, or it is up and no worker took the Update (none, or all
        // busy: a worker that polled a moment ago is alive but has not reached this workflow yet).
        if (!(await this.temporalAnswers(probe()))) throw error;
        throw ServiceUnavailable.noWorker(true, { busy: workerPolledRecently(pollers) });
      });
      return await this.within(phase(PROBE_TIMEOUT_MS), () => accepted.result()).catch(
        async (error: unknown) => {
          if (!isCallTimeout(error)) throw error;
          // Durable but not done: say which part it waits on when we can tell (a step waits on PostgreSQL).
          throw ServiceUnavailable.pending((await this.databaseAnswers(probe())) ? 'worker' : 'database');
        },
      );
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
        throw toDomainError(error.cause) ?? error;
      }
      if (error instanceof WorkflowNotFoundError) throw ProcedureErrors.terminated('closed');
      throw error;
    }
  }

  private async databaseAnswers(timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean> {
    try {
      await Promise.race([
        this.prisma.$queryRaw`SELECT 1`,
        sleep(timeoutMs).then(() => Promise.reject(new Error('timed out'))),
      ]);
      return true;
    } catch {
      return false;
    }
  }

  private within<T>(timeoutMs: number, call: () => Promise<T>): Promise<T> {
    return this.client.connection.withDeadline(Date.now() + timeoutMs, call);
  }

  private async temporalAnswers(timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean> {
    try {
      await this.within(timeoutMs, () => this.client.workflowService.getSystemInfo({}));
      return true;
    } catch {
      return false;
    }
  }
}
