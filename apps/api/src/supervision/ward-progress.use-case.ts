import { Inject, Injectable } from '@nestjs/common';
import { type Actor, PROCEDURE_STEPS, type ProcedureStep, authorize } from '@kientoan/domain';
import type { PrismaClient } from '@kientoan/platform';
import { coalescedRead } from '../common/concurrency/coalesced-read';
import { PRISMA } from '../infrastructure/infrastructure.module';

/** Per-ward progress across all 126 communes and wards: running by step, completed, overdue, stalled, failed. */
@Injectable()
export class WardProgressUseCase {
  /**
   * The count reads the whole city (~45 ms alone at 100,000 procedures); supervisors asking at the same
   * moment share one run instead of queueing ten for the CPU, each still answered with a count begun after
   * they asked. The answer is the same for every supervisor.
   */
  private readonly progress = coalescedRead(() => this.count());

  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  execute(actor: Actor) {
    authorize(actor, 'supervision.read');
    return this.progress();
  }

  private async count() {
    const now = new Date();
    // One pass over the procedures (index-only on procedure_progress_idx when the visibility map is fresh),
    // counted per ward and step: running, overdue, stalled, completed and failed together.
    const [wards, counts] = await Promise.all([
      this.prisma.ward.findMany({
        where: { ordinal: { lte: 1000 } },
        orderBy: { ordinal: 'asc' },
        select: { code: true, name: true, kind: true },
      }),
      this.prisma.$queryRaw<
        {
          wardCode: string;
          step: ProcedureStep | null;
          running: number;
          overdue: number;
          stalled: number;
          completed: number;
          failed: number;
        }[]
      >`
        SELECT ward_code AS "wardCode", current_step::text AS step,
               count(*) FILTER (WHERE status = 'running')::int AS running,
               count(*) FILTER (WHERE status = 'running' AND due_at < ${now})::int AS overdue,
               count(*) FILTER (WHERE status = 'running' AND stalled_since IS NOT NULL)::int AS stalled,
               count(*) FILTER (WHERE status = 'completed')::int AS completed,
               count(*) FILTER (WHERE status = 'failed')::int AS failed
        FROM procedure
        WHERE status IN ('running', 'completed', 'failed')
        GROUP BY ward_code, current_step`,
    ]);
    const byWard = new Map<string, typeof counts>();
    for (const row of counts) byWard.set(row.wardCode, [...(byWard.get(row.wardCode) ?? []), row]);
    const items = wards.map((w) => {
      const rows = byWard.get(w.code) ?? [];
      const running = Object.fromEntries(PROCEDURE_STEPS.map((s) => [s, 0])) as Record<ProcedureStep, number>;
      for (const row of rows) if (row.step) running[row.step] += row.running;
      const total = (key: 'overdue' | 'stalled' | 'completed' | 'failed') =>
        rows.reduce((a, r) => a + r[key], 0);
      return {
        ...w,
        running,
        runningTotal: Object.values(running).reduce((a, b) => a + b, 0),
        completed: total('completed'),
        overdue: total('overdue'),
        stalled: total('stalled'),
        failed: total('failed'),
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
