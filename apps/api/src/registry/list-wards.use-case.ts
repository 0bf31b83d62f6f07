import { Inject, Injectable } from '@nestjs/common';
import { compareVietnamese } from '@kientoan/domain';
import { type Clock, type PrismaClient, liveDate } from '@kientoan/platform';
import type { z } from 'zod';
import { CLOCK, PRISMA } from '../infrastructure/infrastructure.module';
import type { wardListQuerySchema } from './resolution-items.schema';

@Injectable()
export class ListWardsUseCase {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(query: z.output<typeof wardListQuerySchema>) {
    const wards = await this.prisma.ward.findMany({
      where: { ordinal: { lte: 1000 }, ...(query.kind ? { kind: query.kind } : {}) },
      orderBy: { ordinal: 'asc' },
    });
    // Organizations live today (a scheduled establishment counts from its effective date).
    const today = new Date(`${liveDate(this.clock)}T00:00:00Z`);
    const counts = await this.prisma.orgUnitVersion.groupBy({
      by: ['wardCode'],
      where: {
        status: 'active',
        kind: { notIn: ['ward_committee', 'legacy_committee'] },
        validFrom: { lte: today },
        OR: [{ validTo: null }, { validTo: { gt: today } }],
      },
      _count: { _all: true },
    });
    const countOf = new Map(counts.map((c) => [c.wardCode, c._count._all]));
    const sorted =
      query.sort === 'name' ? [...wards].sort((a, b) => compareVietnamese(a.name, b.name)) : wards;
    return {
      total: sorted.length,
      items: sorted.slice(query.offset, query.offset + query.limit).map((w) => ({
        code: w.code,
        ordinal: w.ordinal,
        kind: w.kind,
        name: w.name,
        organizations: countOf.get(w.code) ?? 0,
      })),
    };
  }
}
