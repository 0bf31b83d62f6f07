import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NativeConnection, type Worker } from '@temporalio/worker';
import {
  type Environment,
  type PrismaClient,
  createPrismaClient,
  environmentFrom,
  temporalConnectionOptions,
} from '@kientoan/platform';
import { createProcedureActivities } from '../activities/procedure-steps.activities';
import { createDefaultNotifier } from '../notifications/default-notifier';
import { systemClock } from '../activities/clock';
import { createProcedureWorker } from './create-procedure-worker';

/**
 * One connection per activity slot, at least DATABASE_POOL_SIZE: with fewer (it was 20 slots for 10
 * connections), activities queue for a connection and their transactions fail to start ("Unable to start a
 * transaction in the given time").
 */
export const workerPoolSize = (
  env: Pick<Environment, 'DATABASE_POOL_SIZE' | 'WORKER_MAX_CONCURRENT_ACTIVITIES'>,
): number => Math.max(env.DATABASE_POOL_SIZE, env.WORKER_MAX_CONCURRENT_ACTIVITIES);

/** Runs the Temporal worker for the lifetime of the Nest application context; drains it on shutdown. */
@Injectable()
export class ProcedureWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ProcedureWorkerService.name);
  private worker?: Worker;
  private connection?: NativeConnection;
  private prisma?: PrismaClient;
  private running?: Promise<void>;

  constructor(@Inject(ConfigService) private readonly config: ConfigService) {}

  async onApplicationBootstrap(): Promise<void> {
    const env = environmentFrom(this.config);
    this.prisma = createPrismaClient({ url: env.DATABASE_URL, poolSize: workerPoolSize(env) });
    this.connection = await NativeConnection.connect(temporalConnectionOptions(env));
    this.worker = await createProcedureWorker({
      connection: this.connection,
      namespace: env.TEMPORAL_NAMESPACE,
      taskQueue: env.TEMPORAL_TASK_QUEUE,
      activities: createProcedureActivities({
        prisma: this.prisma,
        clock: systemClock,
        notifier: createDefaultNotifier(this.prisma, systemClock),
      }),
      workflowBundlePath: env.WORKFLOW_BUNDLE_PATH,
      maxConcurrentActivityTaskExecutions: env.WORKER_MAX_CONCURRENT_ACTIVITIES,
    });
    this.running = this.worker.run();
    this.running.catch((error: unknown) => {
      this.logger.error(`Worker stopped with an error: ${String(error)}`);
      process.exitCode = 1;
    });
    this.logger.log(
      `Worker polling task queue "${env.TEMPORAL_TASK_QUEUE}" on ${env.TEMPORAL_ADDRESS} (namespace ${env.TEMPORAL_NAMESPACE})`,
    );
  }

  /** SIGTERM (Nest shutdown hooks): stop polling, let in-flight activities commit, then close the connections. */
  async onApplicationShutdown(signal?: string): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') {
      const { numInFlightActivities } = this.worker.getStatus();
      this.logger.log(
        `Stopping (${signal ?? 'close'}): no new tasks; draining ${numInFlightActivities} in-flight activities`,
      );
      this.worker.shutdown();
    }
    const started = Date.now();
    await this.running?.catch(() => undefined);
    if (this.worker) this.logger.log(`Worker drained in ${Date.now() - started} ms`);
    await this.connection?.close();
    await this.prisma?.$disconnect();
  }
}
