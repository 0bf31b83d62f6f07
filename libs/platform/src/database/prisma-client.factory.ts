import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../../../prisma/generated/client/client';
import { BoundedPool } from './bounded-pool';

export const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/kientoan';

export interface PrismaClientOptions {
  readonly url: string;
  /** Connections in this process's pool; API and worker processes each have their own. */
  readonly poolSize?: number;
  /**
   * How long to wait for a new connection before failing (node-postgres waits forever by default). Bounded so
   * that a request made while PostgreSQL is unreachable fails within seconds and can be answered 503.
   */
  readonly connectTimeoutMs?: number;
  /**
   * How long a query or transaction waits for a connection when every pooled one is in use (a busy process,
   * not a down server): past it, DatabasePoolBusyError (the API answers 503 DATABASE_BUSY).
   */
  readonly poolWaitMs?: number;
}

/** Prisma 7 runs without a native query engine: queries go through node-postgres (driver adapter). */
export const createPrismaClient = ({
  url,
  poolSize = 10,
  connectTimeoutMs = 3_000,
  poolWaitMs = 3_000,
}: PrismaClientOptions): PrismaClient =>
  new PrismaClient({
    adapter: new PrismaPg(
      new BoundedPool({ connectionString: url, max: poolSize, connectTimeoutMs, poolWaitMs }),
      // The client owns its pool: $disconnect() ends it.
      { disposeExternalPool: true },
    ),
  });
