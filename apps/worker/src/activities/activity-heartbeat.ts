import { Context } from '@temporalio/activity';

const HEARTBEAT_EVERY_MS = 1_000;

/**
 * Heartbeats while `work` runs (also while it waits on PostgreSQL), so that when a worker dies the server
 * notices within the heartbeat timeout and retries the step elsewhere, instead of waiting a full minute.
 * Only when the workflow asked for heartbeats (a heartbeat timeout, the long steps): the sub-second writes
 * are scheduled without one, and local activities never heartbeat. The first heartbeat is sent after a
 * second, so a step that finishes sooner sends none.
 */
export const withHeartbeat = async <T>(work: () => Promise<T>): Promise<T> => {
  const context = Context.current();
  if (context.info.isLocal || !context.info.heartbeatTimeoutMs) return work();
  const timer = setInterval(() => context.heartbeat(), HEARTBEAT_EVERY_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
};
