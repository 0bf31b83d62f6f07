import { Inject, Injectable } from '@nestjs/common';
import { type Actor, PROCEDURE_STEPS, type ProcedureStep, authorize } from '@kientoan/domain';
import type { PrismaClient } from '@kientoan/platform';
import { PRISMA } from '../infrastructure/infrastructure.module';

/** Per-ward progress across all 126 communes and wards: running by step, completed, overdue, stalled, failed. */
@Injectable()
export class WardProgressUseCase {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async execute(actor: Actor) {
    authorize(actor, 'supervision.read');
    const now = new Date();
    const [wards, byStep, completed, overdue, stalled, failed] = await Promise.all([
      this.prisma.ward.findMany({
        where: { ordinal: { lte: 1000 } },
        orderBy: { ordinal: 'asc' },
        select: { code: true, name: true, kind: true },
      }),
      this.prisma.procedure.groupBy({
        by: ['wardCode', 'currentStep'],
        where: { status: 'running' },
        _count: { _all: true },
      }),
      this.prisma.procedure.groupBy({
        by: ['wardCode'],
        where: { status: 'completed' },
        _count: { _all: true },
      }),
      this.prisma.procedure.groupBy({
        by: ['wardCode'],
        where: { status: 'running', dueAt: { lt: now } },
        _count: { _all: true },
      }),
      this.prisma.procedure.groupBy({
        by: ['wardCode'],
        where: { status: 'running', stalledSince: { not: null } },
        _count: { _all: true },
      }),
      this.prisma.procedure.groupBy({
        by: ['wardCode'],
        where: { status: 'failed' },
        _count: { _all: true },
      }),
    ]);
    const count = (rows: { wardCode: string; _count: { _all: number } }[], code: string) =>
      rows.find((r) => r.wardCode === code)?._count._all ?? 0;
    const items = wards.map((w) => {
      const running = Object.fromEntries(PROCEDURE_STEPS.map((s) => [s, 0])) as Record<ProcedureStep, number>;
      for (const row of byStep)
        if (row.wardCode === w.code && row.currentStep) running[row.currentStep] += row._count._all;
      return {
        ...w,
        running,
        runningTotal: Object.values(running).reduce((a, b) => a + b, 0),
        completed: count(completed, w.code),
        overdue: count(overdue, w.code),
        stalled: count(stalled, w.code),
        failed: count(failed, w.code),
      };
    });
    const sum = (key: 'runningTotal' | 'completed' | 'overdue' | 'stalled' | 'failed') =>
      items.reduce((a, w) => a + w[key], 0);
    return {
      wards: items.length,
      totals: {
        running: sum('runningTotal'),
        completed: sum('completed'),
        overdue: sum('overdue'),
        stalled: sum('stalled'),
        failed: sum('failed'),
      },
      items,
    };
  }
}
