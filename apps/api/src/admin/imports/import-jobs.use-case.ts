import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type Actor, DomainError, authorize } from '@kientoan/domain';
import {
  type Clock,
  type Prisma,
  type PrismaClient,
  parseAccountImport,
  parseMemberImport,
} from '@kientoan/platform';
import { AuditLog } from '../../audit/audit-log';
import type { RequestContext } from '../../auth/current-actor.decorator';
import { CLOCK, PRISMA } from '../../infrastructure/infrastructure.module';
import { auditContext } from '../../procedures/procedure-action.runner';
import { importText } from '../import-input';
import { ImportJobRunner } from './import-job.runner';
import type { ImportJobQuery, ImportKind, StartImport } from './import-job.schemas';

const jobNotFound = (id: string) =>
  new DomainError(
    'IMPORT_JOB_NOT_FOUND',
    'not_found',
    `Không tìm thấy lần nhập ${id}.`,
    `Import job ${id} not found.`,
  );

type JobRow = {
  id: string;
  kind: string;
  dryRun: boolean;
  status: 'running' | 'done' | 'rejected';
  stage: string;
  createdBy: string;
  createdAt: Date;
  finishedAt: Date | null;
  total: number;
};

/**
 * CSV / .xlsx imports of accounts and committee members as background jobs. Starting one reads the file and
 * stores its rows (audited, once per Idempotency-Key) and answers at once; the runner checks every row, then
 * stores all or nothing. Anyone with the admin role can follow a job by its id for as long as it is kept;
 * only its creator receives the sealed temporary passwords (which only the creator's browser tab can open).
 */
@Injectable()
export class ImportJobsUseCase {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(ImportJobRunner) private readonly runner: ImportJobRunner,
  ) {}

  async start(ctx: RequestContext, body: StartImport, idempotencyKey?: string) {
    authorize(ctx.actor, 'accounts.administer');
    if (idempotencyKey) {
      const earlier = await this.prisma.adminImportJob.findUnique({ where: { idempotencyKey } });
      if (earlier) return this.get(ctx.actor, earlier.id, { from: 0, limit: 200 });
    }
    const text = await importText(body);
    const parsed = body.kind === 'accounts' ? parseAccountImport(text) : parseMemberImport(text);
    const id = randomUUID();
    const now = this.clock.now();
    const audit = auditContext(ctx, 'accounts.administer');
    await this.prisma.$transaction(async (tx) => {
      await tx.adminImportJob.create({
        data: {
          id,
          kind: body.kind,
          dryRun: body.dryRun,
          createdBy: ctx.actor.userId,
          audit: audit as unknown as Prisma.InputJsonValue,
          createdAt: now,
          idempotencyKey: idempotencyKey ?? null,
          total: parsed.rows.length,
          fileProblems: parsed.fileProblems as unknown as Prisma.InputJsonValue,
          revealKey: body.dryRun || body.kind !== 'accounts' ? null : (body.revealKey ?? null),
        },
      });
      await tx.adminImportRow.createMany({
        data: parsed.rows.map((row, position) => ({
          jobId: id,
          position,
          line: row.line,
          input: row.input ?? {},
          // A row that cannot be read, or repeats an earlier one, is invalid before any check.
          ...(row.problems.length > 0 || !row.input
            ? {
                status: 'invalid' as const,
                problems: row.problems as unknown as Prisma.InputJsonValue,
                finishedAt: now,
              }
            : {}),
        })),
      });
      await this.audit.record(
        ctx,
        {
          action: 'admin.import_start',
          role: audit.role,
          after: { jobId: id, kind: body.kind, dryRun: body.dryRun, rows: parsed.rows.length },
        },
        tx,
      );
    });
    this.runner.kick(id);
    return this.get(ctx.actor, id, { from: 0, limit: 200 });
  }

  /** A job with its counts and a page of its rows (each with its result or problems). */
  async get(actor: Actor, id: string, query: ImportJobQuery) {
    authorize(actor, 'accounts.administer');
    const job = await this.prisma.adminImportJob.findUnique({ where: { id } });
    if (!job) throw jobNotFound(id);
    const [counts, rows] = await Promise.all([
      this.counts([id]),
      this.prisma.adminImportRow.findMany({
        where: { jobId: id, position: { gte: query.from } },
        orderBy: { position: 'asc' },
        take: query.limit + 1,
      }),
    ]);
    const mine = job.createdBy === actor.userId;
    const page = rows.slice(0, query.limit);
    return {
      ...this.header(job, counts),
      fileProblems: job.fileProblems as unknown as {
        line: number;
        field: string;
        message: string;
        messageEn: string;
      }[],
      mine,
      rows: page.map((r) => ({
        position: r.position,
        line: r.line,
        status: r.status,
        problems: r.problems as unknown as {
          line: number;
          field: string;
          message: string;
          messageEn: string;
        }[],
        result: (r.result ?? null) as Record<string, unknown> | null,
        sealedPassword: mine && r.status === 'applied' ? r.passwordSealed : null,
      })),
      nextFrom: rows.length > query.limit ? (page.at(-1)?.position ?? 0) + 1 : null,
    };
  }

  /** The latest imports, newest first, with their counts (to come back to one). */
  async list(actor: Actor, limit: number) {
    authorize(actor, 'accounts.administer');
    const jobs = await this.prisma.adminImportJob.findMany({ orderBy: { createdAt: 'desc' }, take: limit });
    const counts = await this.counts(jobs.map((j) => j.id));
    return { items: jobs.map((j) => this.header(j, counts)) };
  }

  private async counts(jobIds: string[]) {
    const grouped = await this.prisma.adminImportRow.groupBy({
      by: ['jobId', 'status'],
      where: { jobId: { in: jobIds } },
      _count: { _all: true },
    });
    return (jobId: string, status: string) =>
      grouped.find((c) => c.jobId === jobId && c.status === status)?._count._all ?? 0;
  }

  private header(job: JobRow, count: (jobId: string, status: string) => number) {
    const invalid = count(job.id, 'invalid');
    const valid = count(job.id, 'valid');
    const applied = count(job.id, 'applied');
    return {
      id: job.id,
      kind: job.kind as ImportKind,
      dryRun: job.dryRun,
      status: job.status,
      stage: job.stage as 'checking' | 'applying' | 'finished',
      createdBy: job.createdBy,
      createdAt: job.createdAt,
      finishedAt: job.finishedAt,
      total: job.total,
      done: invalid + valid + applied,
      failed: invalid,
      applied,
    };
  }
}
