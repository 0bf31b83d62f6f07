import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type Actor, DomainError, STEP_LABELS, authorize } from '@kientoan/domain';
import type { Clock, Prisma, PrismaClient } from '@kientoan/platform';
import type { RequestContext } from '../../auth/current-actor.decorator';
import { AuditLog } from '../../audit/audit-log';
import { CLOCK, PRISMA } from '../../infrastructure/infrastructure.module';
import { auditContext } from '../../procedures/procedure-action.runner';
import { runningProceduresWhere } from '../procedure-filter';
import type { SupervisionJobRequest } from '../supervision.schemas';
import { SupervisionJobRunner } from './supervision-job.runner';

const jobNotFound = (id: string) =>
  new DomainError(
    'SUPERVISION_JOB_NOT_FOUND',
    'not_found',
    `Không tìm thấy công việc hàng loạt ${id}.`,
    `Bulk job ${id} not found.`,
  );

const procedureSummary = {
  id: true,
  title: true,
  kind: true,
  currentStep: true,
  waitingFor: true,
  stalledSince: true,
  dueAt: true,
  ward: { select: { code: true, name: true } },
} as const;

type Summary = Prisma.ProcedureGetPayload<{ select: typeof procedureSummary }>;

const summary = (p: Summary) => ({
  id: p.id,
  title: p.title,
  kind: p.kind,
  ward: p.ward,
  step: p.currentStep,
  stepLabel: p.currentStep ? STEP_LABELS[p.currentStep] : null,
  waitingFor: p.waitingFor,
  dueAt: p.dueAt,
  stalledSince: p.stalledSince,
});

/**
 * Bulk remind, escalate or cancel by filter as a server-side job. A dry run writes nothing and answers how
 * many running procedures the filter selects and which (oldest stall first, up to the limit). A real run
 * stores that selection as a job (audited, once per Idempotency-Key) and returns at once; the runner works
 * through it and the page follows the job's progress, per procedure, for as long as anyone wants to look.
 */
@Injectable()
export class SupervisionJobsUseCase {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(SupervisionJobRunner) private readonly runner: SupervisionJobRunner,
  ) {}

  async start(ctx: RequestContext, body: SupervisionJobRequest, idempotencyKey?: string) {
    authorize(ctx.actor, 'supervision.act');
    const now = this.clock.now();
    const where = runningProceduresWhere(body.filter, now);
    const orderBy = [
      { stalledSince: { sort: 'asc', nulls: 'last' } },
      { createdAt: 'asc' },
      { id: 'asc' },
    ] as const;
    if (body.dryRun) {
      const [matched, procedures] = await Promise.all([
        this.prisma.procedure.count({ where }),
        this.prisma.procedure.findMany({
          where,
          orderBy: [...orderBy],
          take: body.limit,
          select: procedureSummary,
        }),
      ]);
      return {
        dryRun: true as const,
        action: body.action,
        matched,
        wouldTouch: procedures.length,
        procedures: procedures.map(summary),
      };
    }
    if (idempotencyKey) {
      const earlier = await this.prisma.supervisionJob.findUnique({ where: { idempotencyKey } });
      if (earlier) return { dryRun: false as const, job: await this.get(ctx.actor, earlier.id) };
    }
    const id = randomUUID();
    const audit = auditContext(ctx, 'supervision.act');
    await this.prisma.$transaction(async (tx) => {
      const selected = await tx.procedure.findMany({
        where,
        orderBy: [...orderBy],
        take: body.limit,
        select: { id: true },
      });
      await tx.supervisionJob.create({
        data: {
          id,
          action: body.action,
          filter: body.filter,
          reason: body.reason ?? null,
          createdBy: ctx.actor.userId,
          audit: audit as unknown as Prisma.InputJsonValue,
          createdAt: now,
          idempotencyKey: idempotencyKey ?? null,
          total: selected.length,
          status: selected.length === 0 ? 'done' : 'running',
          finishedAt: selected.length === 0 ? now : null,
        },
      });
      await tx.supervisionJobItem.createMany({
        data: selected.map((p, position) => ({ jobId: id, position, procedureId: p.id })),
      });
      await this.audit.record(
        ctx,
        {
          action: `supervision.bulk_${body.action}`,
          role: audit.role,
          after: { jobId: id, filter: body.filter, reason: body.reason ?? null, procedures: selected.length },
        },
        tx,
      );
    });
    this.runner.kick(id);
    return { dryRun: false as const, job: await this.get(ctx.actor, id) };
  }

  /** A job with its progress and every procedure's result. */
  async get(actor: Actor, id: string) {
    authorize(actor, 'supervision.read');
    const job = await this.prisma.supervisionJob.findUnique({
      where: { id },
      include: { items: { orderBy: { position: 'asc' } } },
    });
    if (!job) throw jobNotFound(id);
    const procedures = new Map(
      (
        await this.prisma.procedure.findMany({
          where: { id: { in: job.items.map((i) => i.procedureId) } },
          select: { ...procedureSummary, status: true },
        })
      ).map((p) => [p.id, p]),
    );
    const count = (status: 'pending' | 'ok' | 'failed') =>
      job.items.filter((i) => i.status === status).length;
    return {
      ...this.header(job),
      pending: count('pending'),
      ok: count('ok'),
      failed: count('failed'),
      items: job.items.map((i) => {
        const p = procedures.get(i.procedureId);
        return {
          procedureId: i.procedureId,
          title: p?.title ?? '',
          ward: p?.ward ?? null,
          step: p?.currentStep ?? null,
          procedureStatus: p?.status ?? null,
          status: i.status,
          code: i.code,
          message: i.message,
          finishedAt: i.finishedAt,
        };
      }),
    };
  }

  /** The latest jobs, newest first, with their counts (to come back to one). */
  async list(actor: Actor, limit: number) {
    authorize(actor, 'supervision.read');
    const jobs = await this.prisma.supervisionJob.findMany({ orderBy: { createdAt: 'desc' }, take: limit });
    const counts = await this.prisma.supervisionJobItem.groupBy({
      by: ['jobId', 'status'],
      where: { jobId: { in: jobs.map((j) => j.id) } },
      _count: { _all: true },
    });
    const count = (jobId: string, status: string) =>
      counts.find((c) => c.jobId === jobId && c.status === status)?._count._all ?? 0;
    return {
      items: jobs.map((j) => ({
        ...this.header(j),
        pending: count(j.id, 'pending'),
        ok: count(j.id, 'ok'),
        failed: count(j.id, 'failed'),
      })),
    };
  }

  private header(job: {
    id: string;
    action: string;
    filter: Prisma.JsonValue;
    reason: string | null;
    createdBy: string;
    createdAt: Date;
    status: 'running' | 'done';
    total: number;
    finishedAt: Date | null;
  }) {
    return {
      id: job.id,
      action: job.action as 'remind' | 'escalate' | 'cancel',
      filter: job.filter as Record<string, unknown>,
      reason: job.reason,
      createdBy: job.createdBy,
      createdAt: job.createdAt,
      status: job.status,
      total: job.total,
      finishedAt: job.finishedAt,
    };
  }
}
