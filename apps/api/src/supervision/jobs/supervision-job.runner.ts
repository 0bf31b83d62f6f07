import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Clock, PrismaClient } from '@kientoan/platform';
import type { AuditContext } from '@kientoan/workflows';
import { CLOCK, PRISMA } from '../../infrastructure/infrastructure.module';
import { SupervisorAction, type SupervisorActionName } from './supervisor-action';

/** How long a process holds a job it works on; renewed after every procedure. */
const LEASE_MS = 60_000;
/** How often unfinished jobs whose holder went away are looked for. */
const RESUME_EVERY_MS = 30_000;

/**
 * Works through the stored bulk jobs in this API process: one procedure at a time, each result written as it
 * comes. A job is held by a lease, so after a crash or restart another process (or this one, on start) takes
 * it over and carries on with the procedures still pending; repeating an action answers its first result.
 */
@Injectable()
export class SupervisionJobRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('supervision-jobs');
  private readonly active = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private stopping = false;

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SupervisorAction) private readonly action: SupervisorAction,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.resumeAbandoned(), RESUME_EVERY_MS);
    this.timer.unref();
    void this.resumeAbandoned();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    // Let the current procedure finish; the rest stay pending for the next holder.
    for (let i = 0; i < 100 && this.active.size > 0; i += 1) await new Promise((r) => setTimeout(r, 50));
  }

  /** Starts working on a job now (in the background). */
  kick(jobId: string): void {
    void this.run(jobId).catch((error: unknown) =>
      this.log.error(`Công việc ${jobId} dừng giữa chừng / job stopped: ${String(error)}`),
    );
  }

  /** Resolves when the job has no pending procedure left or another process holds it. */
  async run(jobId: string): Promise<void> {
    if (this.active.has(jobId) || this.stopping) return;
    this.active.add(jobId);
    try {
      if (!(await this.claim(jobId))) return;
      const job = await this.prisma.supervisionJob.findUniqueOrThrow({ where: { id: jobId } });
      const hour = job.createdAt.toISOString().slice(0, 13);
      for (;;) {
        if (this.stopping) return;
        const item = await this.prisma.supervisionJobItem.findFirst({
          where: { jobId, status: 'pending' },
          orderBy: { position: 'asc' },
        });
        if (!item) break;
        const result = await this.action.apply(item.procedureId, job.action as SupervisorActionName, {
          by: job.createdBy,
          reason: job.reason,
          audit: job.audit as unknown as AuditContext,
          hour,
        });
        await this.prisma.supervisionJobItem.updateMany({
          where: { jobId, position: item.position, status: 'pending' },
          data: {
            status: result.ok ? 'ok' : 'failed',
            code: result.code ?? null,
            message: result.message?.slice(0, 2000) ?? null,
            finishedAt: this.clock.now(),
          },
        });
        await this.prisma.supervisionJob.update({
          where: { id: jobId },
          data: { leaseUntil: new Date(this.clock.now().getTime() + LEASE_MS) },
        });
      }
      await this.prisma.supervisionJob.update({
        where: { id: jobId },
        data: { status: 'done', finishedAt: this.clock.now(), leaseUntil: null },
      });
    } finally {
      this.active.delete(jobId);
    }
  }

  /** Takes the job's lease unless another process holds it. */
  private async claim(jobId: string): Promise<boolean> {
    const now = this.clock.now();
    const { count } = await this.prisma.supervisionJob.updateMany({
      where: { id: jobId, status: 'running', OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
      data: { leaseUntil: new Date(now.getTime() + LEASE_MS) },
    });
    return count === 1;
  }

  private async resumeAbandoned(): Promise<void> {
    try {
      const jobs = await this.prisma.supervisionJob.findMany({
        where: { status: 'running', OR: [{ leaseUntil: null }, { leaseUntil: { lt: this.clock.now() } }] },
        select: { id: true },
        take: 20,
      });
      for (const job of jobs) this.kick(job.id);
    } catch (error) {
      this.log.warn(
        `Không đọc được công việc dở dang / could not look for unfinished jobs: ${String(error)}`,
      );
    }
  }
}
