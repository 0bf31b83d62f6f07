import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Client, Connection } from '@temporalio/client';
import {
  type PrismaClient,
  createPrismaClient,
  environmentFrom,
  systemClock,
  temporalConnectionOptions,
} from '@kientoan/platform';

export const PRISMA = Symbol('PRISMA');
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
export const TEMPORAL_CONNECTION = Symbol('TEMPORAL_CONNECTION');
/** "Now" for use cases (a `Clock`): tests override it to check what the registry shows on another day. */
export const CLOCK = Symbol('CLOCK');

@Injectable()
class InfrastructureShutdown implements OnApplicationShutdown {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(TEMPORAL_CONNECTION) private readonly connection: Connection,
  ) {}

  async onApplicationShutdown(): Promise<void> {
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
        return createPrismaClient({ url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE });
      },
    },
    {
      provide: TEMPORAL_CONNECTION,
      inject: [ConfigService],
      // Lazy: the API starts (and /health answers) even while Temporal is still starting or down.
      useFactory: (config: ConfigService) =>
        Connection.lazy(temporalConnectionOptions(environmentFrom(config))),
    },
    {
      provide: TEMPORAL_CLIENT,
      inject: [TEMPORAL_CONNECTION, ConfigService],
      useFactory: (connection: Connection, config: ConfigService) =>
        new Client({ connection, namespace: environmentFrom(config).TEMPORAL_NAMESPACE }),
    },
    { provide: CLOCK, useValue: systemClock },
    InfrastructureShutdown,
  ],
  exports: [PRISMA, TEMPORAL_CLIENT, TEMPORAL_CONNECTION, CLOCK],
})
export class InfrastructureModule {}
