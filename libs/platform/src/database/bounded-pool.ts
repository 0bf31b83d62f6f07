import pg from 'pg';

/**
 * Every pooled connection was in use for the whole wait: the server is reachable, this process is merely busy.
 * Nothing was sent to PostgreSQL by the call that failed.
 */
export class DatabasePoolBusyError extends Error {
  readonly code = 'POOL_WAIT_TIMEOUT';

  constructor(readonly waitedMs: number) {
    super(`${DATABASE_POOL_BUSY_MESSAGE} ${waitedMs} ms`);
    this.name = 'DatabasePoolBusyError';
  }
}

/** The start of the busy error's message (kept when a wrapper copies only the text). */
export const DATABASE_POOL_BUSY_MESSAGE = 'No pooled PostgreSQL connection became free within';

/** node-postgres's text when a queued checkout outlives the pool's connectionTimeoutMillis. */
const QUEUE_TIMEOUT_MESSAGE = 'timeout exceeded when trying to connect';

export interface BoundedPoolOptions {
  readonly connectionString: string;
  readonly max: number;
  /** How long opening one new connection may take before it counts as "server unreachable". */
  readonly connectTimeoutMs: number;
  /** How long a checkout may wait for a busy pool's connection before failing with DatabasePoolBusyError. */
  readonly poolWaitMs: number;
}

type CheckoutCallback = (error: Error | undefined, client?: pg.PoolClient, release?: () => void) => void;

/**
 * node-postgres uses one setting (connectionTimeoutMillis) both for opening a connection and for waiting in
 * the pool's queue, and fails both with the same text: a busy pool then looks like an unreachable server (the
 * bench saw 92 of 100 actions answered "database unreachable" at 50 in flight). This pool keeps the two apart:
 * a short bound on opening a connection (so a request made while PostgreSQL is down fails within seconds), a
 * separate bound on the queue, and a queue timeout becomes DatabasePoolBusyError unless a connection attempt
 * failed during that wait (then the server really is the problem and the original error stands).
 */
export class BoundedPool extends pg.Pool {
  private lastConnectFailureAt = Number.NEGATIVE_INFINITY;
  private readonly poolWaitMs: number;

  constructor({ connectionString, max, connectTimeoutMs, poolWaitMs }: BoundedPoolOptions) {
    // The pool's own bound (the queue) is the longer of the two; each new client has the short one.
    const onConnectFailure = (): void => {
      this.lastConnectFailureAt = Date.now();
    };
    class TimedClient extends pg.Client {
      constructor(config?: pg.ClientConfig) {
        super({ ...config, connectionTimeoutMillis: connectTimeoutMs });
      }

      override connect(): Promise<pg.Client>;
      override connect(callback: (error: Error) => void): void;
      override connect(callback?: (error: Error) => void): Promise<pg.Client> | void {
        if (callback) {
          // pg-pool's form: note a failure, pass everything through.
          super.connect((error: Error) => {
            if (error) onConnectFailure();
            callback(error);
          });
          return;
        }
        return super.connect().catch((error: unknown) => {
          onConnectFailure();
          throw error;
        });
      }
    }
    super({
      connectionString,
      max,
      connectionTimeoutMillis: Math.max(poolWaitMs, connectTimeoutMs),
      Client: TimedClient,
    });
    this.poolWaitMs = Math.max(poolWaitMs, connectTimeoutMs);
  }

  /** Whether a new connection failed to open within the last `withinMs` (the server refused or did not answer). */
  connectFailedRecently(withinMs: number, now = Date.now()): boolean {
    return now - this.lastConnectFailureAt <= withinMs;
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: CheckoutCallback): void;
  override connect(callback?: CheckoutCallback): Promise<pg.PoolClient> | void {
    const started = Date.now();
    const checkout = super.connect().catch((error: unknown) => {
      throw this.explain(error, started);
    });
    if (!callback) return checkout;
    checkout.then(
      (client) => callback(undefined, client, client.release.bind(client)),
      (error: Error) => callback(error, undefined, () => undefined),
    );
  }

  private explain(error: unknown, started: number): unknown {
    if (!(error instanceof Error) || error.message !== QUEUE_TIMEOUT_MESSAGE) return error;
    const waited = Date.now() - started;
    // A connection attempt failed while we queued: the server is the problem, not the pool's size.
    if (this.connectFailedRecently(waited + 1_000)) return error;
    return new DatabasePoolBusyError(Math.min(waited, this.poolWaitMs));
  }
}
