import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Client } from '@temporalio/client';
import { optionalTsToMs } from '@temporalio/common/lib/time';
import { environmentFrom } from '@kientoan/platform';
import { unavailableDependencyOf } from '../common/errors/unavailable-dependency';
import { TEMPORAL_CLIENT } from './infrastructure.tokens';

/** What Temporal knows about the workers of the procedures' task queue. */
export type PollerStatus =
  | { readonly known: true; readonly polling: number; readonly lastPollAgoMs?: number }
  /** Temporal did not answer: `reachable` is false when it is down (refused, timed out), not merely refusing us. */
  | { readonly known: false; readonly reachable: boolean };

/** TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW: workers poll workflow tasks (Updates are delivered with them). */
const WORKFLOW_TASK_QUEUE = 1;
/**
 * A live worker long-polls (the server holds each poll up to about a minute) and Temporal keeps a poller in its
 * list for minutes after it stops: a poller counts as present only if it polled this recently.
 */
const POLLER_FRESH_MS = 75_000;
const DESCRIBE_TIMEOUT_MS = 1_500;
/** No answer within the caller's budget: not known to be down, so the action is sent within its deadline. */
const UNKNOWN_REACHABLE: PollerStatus = { known: false, reachable: true };
/** Actions ask on every request; one answer serves the requests of the next moment. */
const CACHE_MS = 2_000;

/** Asks Temporal (DescribeTaskQueue) whether any worker polls the task queue; bounded and cached. */
@Injectable()
export class TaskQueuePollers {
  private readonly taskQueue: string;
  private readonly namespace: string;
  private cached?: { at: number; status: PollerStatus };
  private asking?: Promise<PollerStatus>;

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(ConfigService) config: ConfigService,
  ) {
    const env = environmentFrom(config);
    this.taskQueue = env.TEMPORAL_TASK_QUEUE;
    this.namespace = env.TEMPORAL_NAMESPACE;
  }

  /**
   * `fresh` skips the cache (before refusing an action: a worker may have started a moment ago). `withinMs`
   * bounds this caller's wait (what is left of its budget): past it the answer is "unknown, reachable", so the
   * action is sent within its own deadline rather than answered late.
   */
  async status({
    fresh = false,
    withinMs,
  }: { fresh?: boolean; withinMs?: number } = {}): Promise<PollerStatus> {
    const now = Date.now();
    if (!fresh && this.cached && now - this.cached.at < CACHE_MS) return this.cached.status;
    // Concurrent requests share one DescribeTaskQueue call (not one each when the cached answer expires).
    this.asking ??= this.describe(now)
      .then((status) => {
        this.cached = { at: now, status };
        return status;
      })
      .finally(() => {
        this.asking = undefined;
      });
    if (withinMs === undefined || withinMs >= DESCRIBE_TIMEOUT_MS) return this.asking;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<PollerStatus>((resolve) => {
      timer = setTimeout(() => resolve(UNKNOWN_REACHABLE), Math.max(0, withinMs));
    });
    try {
      return await Promise.race([this.asking, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async describe(now: number): Promise<PollerStatus> {
    try {
      const response = await this.client.connection.withDeadline(now + DESCRIBE_TIMEOUT_MS, () =>
        this.client.workflowService.describeTaskQueue({
          namespace: this.namespace,
          taskQueue: { name: this.taskQueue },
          taskQueueType: WORKFLOW_TASK_QUEUE,
        }),
      );
      const ages = (response.pollers ?? [])
        .map((p) => optionalTsToMs(p.lastAccessTime))
        .filter((at): at is number => at !== undefined)
        .map((at) => Math.max(0, now - at));
      const fresh = ages.filter((age) => age <= POLLER_FRESH_MS);
      return {
        known: true,
        polling: fresh.length,
        ...(ages.length > 0 ? { lastPollAgoMs: Math.min(...ages) } : {}),
      };
    } catch (error) {
      // Only a refused connection says Temporal is down; a slow answer (a busy server) says nothing: the
      // action is then sent, within its own deadline.
      return {
        known: false,
        reachable: unavailableDependencyOf(error) !== 'temporal' || isDeadlineExceeded(error),
      };
    }
  }
}

/** gRPC DEADLINE_EXCEEDED (4), anywhere in the cause chain. */
const isDeadlineExceeded = (error: unknown): boolean => {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    const record = current as { code?: unknown; cause?: unknown };
    if (record.code === 4) return true;
    current = record.cause;
  }
  return false;
};
