import { Inject, Injectable } from '@nestjs/common';
import { type Actor, authorize, wardsAllowing } from '@kientoan/domain';
import type { Prisma, PrismaClient } from '@kientoan/platform';
import { PRISMA } from '../infrastructure/infrastructure.module';
import type { ListProceduresQuery } from './list-procedures.schemas';

/**
 * Procedures the actor may read (their wards; supervisors all), filtered and keyset-paged: on (created_at, id)
 * newest or oldest first, or on (due_at, id) soonest due first (served by the indexes on procedure).
 */
@Injectable()
export class ListProceduresUseCase {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async execute(actor: Actor, query: ListProceduresQuery) {
    if (query.wardCode) authorize(actor, 'procedure.read', query.wardCode);
    const wards = query.wardCode
      ? [query.wardCode]
      : actor.supervisor
        ? undefined
        : wardsAllowing(actor, 'procedure.read');
    const byDue = query.sort === 'due_asc';
    const desc = query.sort === 'created_desc';
    const [afterKey, afterId] = query.after ? query.after.split('|') : [];
    const keyset: Prisma.ProcedureWhereInput =
      afterKey && afterId
        ? byDue
          ? {
              OR: [{ dueAt: { gt: new Date(afterKey) } }, { dueAt: new Date(afterKey), id: { gt: afterId } }],
            }
          : desc
            ? {
                OR: [
                  { createdAt: { lt: new Date(afterKey) } },
                  { createdAt: new Date(afterKey), id: { lt: afterId } },
                ],
              }
            : {
                OR: [
                  { createdAt: { gt: new Date(afterKey) } },
                  { createdAt: new Date(afterKey), id: { gt: afterId } },
                ],
              }
        : {};
    const where: Prisma.ProcedureWhereInput = {
      AND: [
        wards ? { wardCode: { in: wards } } : {},
        query.status ? { status: query.status } : {},
        query.step ? { currentStep: query.step } : {},
        query.kind ? { kind: query.kind } : {},
        query.waitingFor ? { waitingFor: query.waitingFor } : {},
        query.dueBefore ? { dueAt: { lt: new Date(query.dueBefore) } } : {},
        byDue ? { dueAt: { not: null } } : {},
        keyset,
      ],
    };
    const rows = await this.prisma.procedure.findMany({
      where,
      orderBy: byDue
        ? [{ dueAt: 'asc' }, { id: 'asc' }]
        : [{ createdAt: desc ? 'desc' : 'asc' }, { id: desc ? 'desc' : 'asc' }],
      take: query.limit + 1,
      // Only the columns a list row shows: not the items (a resolution's whole list, jsonb) or the texts.
      select: {
        id: true,
        title: true,
        kind: true,
        status: true,
        currentStep: true,
        waitingFor: true,
        round: true,
        dueAt: true,
        stalledSince: true,
        createdAt: true,
        completedAt: true,
        ward: { select: { code: true, name: true } },
        decision: { select: { symbol: true } },
      },
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const lastKey = last ? (byDue ? last.dueAt : last.createdAt) : null;
    return {
      items: page.map((p) => ({
        id: p.id,
        title: p.title,
        kind: p.kind,
        ward: p.ward,
        status: p.status,
        currentStep: p.currentStep,
        waitingFor: p.waitingFor,
        round: p.round,
        dueAt: p.dueAt,
        stalledSince: p.stalledSince,
        createdAt: p.createdAt,
        completedAt: p.completedAt,
        decisionSymbol: p.decision?.symbol ?? null,
      })),
      next: rows.length > query.limit && last && lastKey ? `${lastKey.toISOString()}|${last.id}` : null,
    };
  }
}
