import { Context } from '@temporalio/activity';

const HEARTBEAT_EVERY_MS = 1_000;

/**
 * Heartbeats while `work` runs (also while it waits on PostgreSQL), so that when a worker dies the server
 * notices within the heartbeat timeout and retries the step elsewhere, instead of waiting a full minute.
 */
export const withHeartbeat = async <T>(work: () => Promise<T>): Promise<T> => {
  const context = Context.current();
  context.heartbeat();
  const timer = setInterval(() => context.heartbeat(), HEARTBEAT_EVERY_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
};
