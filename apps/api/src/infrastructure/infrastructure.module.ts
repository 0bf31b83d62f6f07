import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Client, Connection, isRetryableError, makeGrpcRetryInterceptor } from '@temporalio/client';
import {
  type PrismaClient,
  createPrismaClient,
  environmentFrom,
  systemClock,
  temporalConnectionOptions,
} from '@kientoan/platform';
import { ShutdownGate } from '../common/http/shutdown-gate';
import { PRISMA, TEMPORAL_CLIENT, TEMPORAL_CONNECTION } from './infrastructure.tokens';
import { TaskQueuePollers } from './task-queue-pollers';

export { PRISMA, TEMPORAL_CLIENT, TEMPORAL_CONNECTION } from './infrastructure.tokens';
/** "Now" for use cases (a `Clock`): tests override it to check what the registry shows on another day. */
export const CLOCK = Symbol('CLOCK');

/**
 * The client's default retries an unreachable server 10 times with back-off up to 5 s (~20 s in all), longer than
 * a person should wait for an answer. Here: 6 attempts, at most 400 ms apart (~2 s), so a request made while
 * Temporal is down fails fast and is answered 503; every call also carries its own deadline.
 */
const apiRetryInterceptor = makeGrpcRetryInterceptor({
  delayFunction: (attempt) => Math.min(400, 100 * 1.7 ** attempt) * (0.8 + Math.random() * 0.4),
  retryableDecider: (attempt, status) => attempt < 6 && isRetryableError(status),
});
/** A retry scheduled just before shutdown must not run on a closed channel (grpc-js throws there). */
const RETRY_SETTLE_MS = 500;

@Injectable()
class InfrastructureShutdown implements OnApplicationShutdown {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(TEMPORAL_CONNECTION) private readonly connection: Connection,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, RETRY_SETTLE_MS));
    await Promise.allSettled([this.prisma.$disconnect(), this.connection.close()]);
  }
}

/** PostgreSQL (Prisma) and Temporal clients, one of each per API process. */
@Global()
@Module({
  providers: [
    {
      provide: PRISMA,
      inject: [ConfigService],
      useFactory: (config: ConfigService) => {
        const env = environmentFrom(config);
        return createPrismaClient({
          url: env.DATABASE_URL,
          poolSize: env.DATABASE_POOL_SIZE,
          poolWaitMs: env.DATABASE_POOL_WAIT_MS,
        });
      },
    },
    {
      provide: TEMPORAL_CONNECTION,
      inject: [ConfigService],
      // Lazy: the API starts (and /health answers) even while Temporal is still starting or down.
      useFactory: (config: ConfigService) =>
        Connection.lazy({
          ...temporalConnectionOptions(environmentFrom(config)),
          interceptors: [apiRetryInterceptor],
        }),
    },
    {
      provide: TEMPORAL_CLIENT,
      inject: [TEMPORAL_CONNECTION, ConfigService],
      useFactory: (connection: Connection, config: ConfigService) =>
        new Client({ connection, namespace: environmentFrom(config).TEMPORAL_NAMESPACE }),
    },
    { provide: CLOCK, useValue: systemClock },
    InfrastructureShutdown,
    TaskQueuePollers,
    ShutdownGate,
  ],
  exports: [PRISMA, TEMPORAL_CLIENT, TEMPORAL_CONNECTION, CLOCK, TaskQueuePollers, ShutdownGate],
})
export class InfrastructureModule {}
