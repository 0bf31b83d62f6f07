import { Inject, Injectable } from '@nestjs/common';
import { type Actor, STEP_LABELS, type ProcedureStep, authorize } from '@kientoan/domain';
import { Prisma, type PrismaClient } from '@kientoan/platform';
import { encodeCursor } from '../common/validation/cursor.schema';
import { PRISMA } from '../infrastructure/infrastructure.module';
import type { StalledQuery } from './supervision.schemas';

interface StalledRow {
  id: string;
  title: string;
  ward_code: string;
  ward_name: string;
  kind: string;
  status: 'running' | 'failed';
  failure_code: string | null;
  failure_message: string | null;
  current_step: ProcedureStep | null;
  waiting_for: string | null;
  due_at: Date | null;
  stalled_since: Date;
  waiting_since: Date | null;
}

/** Stalled procedures read by this page: running ones, and failed ones (stalled from the moment they failed). */
const STALLED_STATUSES = ['running', 'failed'] as const;

/**
 * Procedures stalled longer than a given age (failed ones too, since they failed), oldest first, keyset-paged.
 * One SQL statement: per status, an index-ordered scan of (status, stalled_since) that stops after one page,
 * merged; the ward's name and the open step's start joined in (no query per relation).
 */
@Injectable()
export class ListStalledUseCase {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async execute(actor: Actor, query: StalledQuery) {
    authorize(actor, 'supervision.read');
    const now = new Date();
    const take = query.limit + 1;
    const olderThan = new Date(now.getTime() - query.stalledForHours * 3_600_000);
    const conditions = (status: (typeof STALLED_STATUSES)[number]) => {
      const where = [
        Prisma.sql`p.status = ${status}::"ProcedureStatus"`,
        Prisma.sql`p.stalled_since IS NOT NULL`,
        Prisma.sql`p.stalled_since <= ${olderThan}`,
      ];
      if (query.wardCode) where.push(Prisma.sql`p.ward_code = ${query.wardCode}`);
      if (query.step) where.push(Prisma.sql`p.current_step = ${query.step}::"ProcedureStepName"`);
      if (query.kind) where.push(Prisma.sql`p.kind = ${query.kind}`);
      if (query.after)
        where.push(
          Prisma.sql`(p.stalled_since, p.id) > (${query.after.at}::timestamptz, ${query.after.id}::uuid)`,
        );
      return Prisma.join(where, ' AND ');
    };
    const perStatus = STALLED_STATUSES.map(
      (status) => Prisma.sql`(SELECT p.id, p.stalled_since FROM procedure p WHERE ${conditions(status)}
                              ORDER BY p.stalled_since, p.id LIMIT ${take})`,
    );
    const rows = await this.prisma.$queryRaw<StalledRow[]>`
      SELECT p.id, p.title, p.ward_code, w.name AS ward_name, p.kind, p.status::text AS status, p.failure_code,
             p.failure_message, p.current_step::text AS current_step, p.waiting_for, p.due_at, p.stalled_since,
             (SELECT s.started_at FROM procedure_step s
              WHERE s.procedure_id = p.id AND s.status = 'in_progress'
              ORDER BY s.started_at DESC LIMIT 1) AS waiting_since
      FROM (SELECT id FROM (${Prisma.join(perStatus, ' UNION ALL ')}) page
            ORDER BY page.stalled_since, page.id LIMIT ${take}) page
      JOIN procedure p ON p.id = page.id
      JOIN ward w ON w.code = p.ward_code
      ORDER BY p.stalled_since, p.id`;
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map((p) => ({
        id: p.id,
        title: p.title,
        ward: { code: p.ward_code, name: p.ward_name },
        kind: p.kind,
        status: p.status,
        failure: p.failure_code ? { code: p.failure_code, message: p.failure_message } : null,
        step: p.current_step,
        stepLabel: p.current_step ? STEP_LABELS[p.current_step] : null,
        waitingFor: p.waiting_for,
        waitingSince: p.status === 'running' ? p.waiting_since : null,
        dueAt: p.due_at,
        stalledSince: p.stalled_since,
        stalledHours: Math.floor((now.getTime() - p.stalled_since.getTime()) / 3_600_000),
      })),
      next: rows.length > query.limit && last ? encodeCursor(last.stalled_since, last.id) : null,
    };
  }
}
