import { Inject, Injectable } from '@nestjs/common';
import { type Actor, STEP_LABELS, authorize } from '@kientoan/domain';
import type { PrismaClient } from '@kientoan/platform';
import { encodeCursor } from '../common/validation/cursor.schema';
import { PRISMA } from '../infrastructure/infrastructure.module';
import { runningProceduresWhere } from './procedure-filter';
import type { StalledQuery } from './supervision.schemas';

/** Procedures stalled longer than a given age (failed ones too, since they failed), oldest first, keyset-paged. */
@Injectable()
export class ListStalledUseCase {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async execute(actor: Actor, query: StalledQuery) {
    authorize(actor, 'supervision.read');
    const now = new Date();
    const rows = await this.prisma.procedure.findMany({
      where: {
        ...runningProceduresWhere(query, now, { includeFailed: true }),
        ...(query.after
          ? {
              OR: [
                { stalledSince: { gt: query.after.at } },
                { stalledSince: query.after.at, id: { gt: query.after.id } },
              ],
            }
          : {}),
      },
      orderBy: [{ stalledSince: 'asc' }, { id: 'asc' }],
      take: query.limit + 1,
      include: {
        ward: { select: { code: true, name: true } },
        steps: { where: { status: 'in_progress' }, orderBy: { startedAt: 'desc' }, take: 1 },
      },
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map((p) => ({
        id: p.id,
        title: p.title,
        ward: p.ward,
        kind: p.kind,
        status: p.status,
        failure: p.failureCode ? { code: p.failureCode, message: p.failureMessage } : null,
        step: p.currentStep,
        stepLabel: p.currentStep ? STEP_LABELS[p.currentStep] : null,
        waitingFor: p.waitingFor,
        waitingSince: p.status === 'running' ? (p.steps[0]?.startedAt ?? null) : null,
        dueAt: p.dueAt,
        stalledSince: p.stalledSince,
        stalledHours: p.stalledSince
          ? Math.floor((now.getTime() - p.stalledSince.getTime()) / 3_600_000)
          : null,
      })),
      next: rows.length > query.limit && last?.stalledSince ? encodeCursor(last.stalledSince, last.id) : null,
    };
  }
}
