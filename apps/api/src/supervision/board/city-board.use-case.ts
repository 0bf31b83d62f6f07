import { Inject, Injectable } from '@nestjs/common';
import {
  type Actor,
  type BoardWard,
  PROCEDURE_STEPS,
  type ProcedureStep,
  authorize,
  boardTotals,
  wardAreaOf,
  weekStartInVietnam,
} from '@kientoan/domain';
import type { Clock, PrismaClient } from '@kientoan/platform';
import { CLOCK, PRISMA } from '../../infrastructure/infrastructure.module';
import type { BoardQuery } from '../supervision.schemas';

interface BoardRow {
  code: string;
  name: string;
  kind: string;
  ordinal: number;
  review: number;
  draft_resolution: number;
  committee_approval: number;
  issue_decision: number;
  announce: number;
  overdue: number;
  stalled: number;
  failed: number;
  completed_week: number;
}

/**
 * The city board: every one of the 126 wards with its running procedures by step, overdue, stalled, failed
 * and completed this week, in ONE statement (one scan of the procedures that matter: running, failed, and
 * completed since Monday). Kept apart from /supervision/progress on purpose.
 */
@Injectable()
export class CityBoardUseCase {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, query: BoardQuery) {
    authorize(actor, 'supervision.read');
    const now = this.clock.now();
    const weekStart = weekStartInVietnam(now);
    const kind = query.kind ?? null;
    const rows = await this.prisma.$queryRaw<BoardRow[]>`
      SELECT w.code, w.name, w.kind::text AS kind, w.ordinal,
        count(*) FILTER (WHERE p.status = 'running' AND p.current_step = 'review')::int AS review,
        count(*) FILTER (WHERE p.status = 'running' AND p.current_step = 'draft_resolution')::int AS draft_resolution,
        count(*) FILTER (WHERE p.status = 'running' AND p.current_step = 'committee_approval')::int AS committee_approval,
        count(*) FILTER (WHERE p.status = 'running' AND p.current_step = 'issue_decision')::int AS issue_decision,
        count(*) FILTER (WHERE p.status = 'running' AND p.current_step = 'announce')::int AS announce,
        count(*) FILTER (WHERE p.status = 'running' AND p.due_at < ${now})::int AS overdue,
        count(*) FILTER (WHERE p.status = 'running' AND p.stalled_since IS NOT NULL)::int AS stalled,
        count(*) FILTER (WHERE p.status = 'failed')::int AS failed,
        count(*) FILTER (WHERE p.status = 'completed')::int AS completed_week
      FROM ward w
      LEFT JOIN procedure p ON p.ward_code = w.code
        AND (p.status IN ('running', 'failed') OR (p.status = 'completed' AND p.completed_at >= ${weekStart}))
        AND (${kind}::text IS NULL OR p.kind = ${kind}::text)
      WHERE w.ordinal <= 1000
      GROUP BY w.code
      ORDER BY w.ordinal`;
    const wards: BoardWard[] = rows.map((r) => {
      const running = Object.fromEntries(PROCEDURE_STEPS.map((s) => [s, r[s]])) as Record<
        ProcedureStep,
        number
      >;
      const area = wardAreaOf(r.ordinal);
      return {
        code: r.code,
        name: r.name,
        kind: r.kind,
        ordinal: r.ordinal,
        area: area ? { code: area.code, name: area.name } : null,
        running,
        runningTotal: PROCEDURE_STEPS.reduce((a, s) => a + running[s], 0),
        overdue: r.overdue,
        stalled: r.stalled,
        failed: r.failed,
        completedThisWeek: r.completed_week,
      };
    });
    return { asOf: now, weekStart, kind, totals: boardTotals(wards), wards };
  }
}
