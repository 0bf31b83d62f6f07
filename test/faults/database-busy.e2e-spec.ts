/**
 * A busy pool is not an unreachable server: with every pooled connection held, a query queues and is answered
 * once one frees within DATABASE_POOL_WAIT_MS; past the wait it fails as DATABASE_BUSY, not
 * DATABASE_UNAVAILABLE; a server that refuses connections still fails fast as DATABASE_UNAVAILABLE.
 */
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { type PrismaClient, createPrismaClient } from '@kientoan/platform';
import { unavailableDependencyOf } from '../../apps/api/src/common/errors/unavailable-dependency';
import request from 'supertest';
import type { App } from 'supertest/types';
import { PRISMA } from '../../apps/api/src/infrastructure/infrastructure.tokens';
import { createTestStack } from '../support/test-app';
import { readTestEnvironment } from '../support/test-environment';

/** A port nothing listens on (taken, then released). */
const closedPort = async (): Promise<number> => {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
};

/** Holds the pool's only connection in a transaction until `release` is called. */
const holdTheConnection = (prisma: PrismaClient) => {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let holding!: () => void;
  const held = new Promise<void>((resolve) => (holding = resolve));
  const transaction = prisma.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT 1`;
      holding();
      await released;
    },
    { timeout: 30_000 },
  );
  return { held, release, transaction };
};

const failureOf = async (call: Promise<unknown>) => {
  const started = Date.now();
  try {
    await call;
    return { error: undefined, elapsedMs: Date.now() - started };
  } catch (error) {
    return { error, elapsedMs: Date.now() - started };
  }
};

describe('PostgreSQL pool: busy is not unreachable (e2e)', () => {
  const clients: PrismaClient[] = [];
  const client = (url: string, poolWaitMs: number) => {
    const prisma = createPrismaClient({ url, poolSize: 1, poolWaitMs, connectTimeoutMs: 1_000 });
    clients.push(prisma);
    return prisma;
  };

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.$disconnect()));
  });

  it('given every pooled connection is held, when one frees within the pool wait, then the queued query is answered normally', async () => {
    const prisma = client(readTestEnvironment().databaseUrl, 3_000);
    const hold = holdTheConnection(prisma);
    await hold.held;

    const queued = prisma.$queryRaw<{ one: number }[]>`SELECT 1 AS one`;
    await sleep(300);
    hold.release();

    await expect(queued).resolves.toEqual([{ one: 1 }]);
    await hold.transaction;
  });

  it('given every pooled connection stays held past the pool wait, when a query and a transaction wait, then both fail as DATABASE_BUSY after about the wait', async () => {
    const prisma = client(readTestEnvironment().databaseUrl, 400);
    const hold = holdTheConnection(prisma);
    await hold.held;

    const query = await failureOf(prisma.$queryRaw`SELECT 1`);
    const transaction = await failureOf(prisma.$transaction(async (tx) => tx.$queryRaw`SELECT 1`));
    hold.release();
    await hold.transaction;

    expect(unavailableDependencyOf(query.error)).toBe('database-busy');
    expect(query.elapsedMs).toBeGreaterThanOrEqual(350);
    expect(query.elapsedMs).toBeLessThan(2_000);
    expect(unavailableDependencyOf(transaction.error)).toBe('database-busy');
    expect(transaction.elapsedMs).toBeLessThan(2_500);
    // The pool is usable again.
    await expect(prisma.$queryRaw`SELECT 1 AS one`).resolves.toEqual([{ one: 1 }]);
  });

  it('given a server that refuses connections, when a query runs, then it fails as DATABASE_UNAVAILABLE within the connect timeout', async () => {
    const url = new URL(readTestEnvironment().databaseUrl);
    url.port = String(await closedPort());
    const prisma = client(url.toString(), 3_000);

    const query = await failureOf(prisma.$queryRaw`SELECT 1`);

    expect(unavailableDependencyOf(query.error)).toBe('database');
    expect(query.elapsedMs).toBeLessThan(1_500);
  });

  it("given every connection of the API's pool is held, when /health is asked, then the database is up (busy is not down) while the API's own queries find no connection", async () => {
    process.env.DATABASE_POOL_SIZE = '2';
    process.env.DATABASE_POOL_WAIT_MS = '500';
    const stack = await createTestStack();
    try {
      const http = stack.app.getHttpServer() as App;
      const apiPrisma = stack.app.get<PrismaClient>(PRISMA);
      const holds = [holdTheConnection(apiPrisma), holdTheConnection(apiPrisma)];
      await Promise.all(holds.map((h) => h.held));

      const started = Date.now();
      const health = await request(http).get('/health');
      const healthMs = Date.now() - started;
      const viaPool = await failureOf(apiPrisma.$queryRaw`SELECT 1`);
      holds.forEach((h) => h.release());
      await Promise.all(holds.map((h) => h.transaction));

      expect(health.body.checks.database.status).toBe('up');
      expect(health.body.down).not.toContain('database');
      expect(healthMs).toBeLessThan(2_500);
      expect(unavailableDependencyOf(viaPool.error)).toBe('database-busy');
    } finally {
      await stack.close();
      delete process.env.DATABASE_POOL_SIZE;
      delete process.env.DATABASE_POOL_WAIT_MS;
    }
  });
});
