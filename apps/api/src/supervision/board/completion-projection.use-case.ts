import { Inject, Injectable } from '@nestjs/common';
import {
  type Actor,
  type ProcedureStep,
  type StepDurations,
  authorize,
  projectMissedTarget,
  wardAreaOf,
} from '@kientoan/domain';
import type { Clock, PrismaClient } from '@kientoan/platform';
import { CLOCK, PRISMA } from '../../infrastructure/infrastructure.module';
import type { ProjectionQuery } from '../supervision.schemas';

/** How far back completed steps are measured. */
const MEASURED_DAYS = 180;

interface ProjectionInputs {
  wards: { code: string; name: string; ordinal: number }[] | null;
  ward_medians: { ward: string; step: ProcedureStep; median: number; samples: number }[] | null;
  city_medians: { step: ProcedureStep; median: number; samples: number }[] | null;
  /** [wardCode, step, step started at (ISO)] per open procedure. */
  open: [string, ProcedureStep, string][] | null;
}

/**
 * Which wards will miss the supervisor's target date. ONE statement gathers the inputs (the measured median
 * of each step per ward and city-wide over the last 180 days, and each running procedure's step and when it
 * entered it); the pure domain projection (libs/domain completion-projection) decides.
 */
@Injectable()
export class CompletionProjectionUseCase {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, query: ProjectionQuery) {
    authorize(actor, 'supervision.read');
    const now = this.clock.now();
    // The end of the target day in Hà Nội.
    const target = new Date(`${query.target}T23:59:59.999+07:00`);
    const since = new Date(now.getTime() - MEASURED_DAYS * 86_400_000);
    const kind = query.kind ?? null;
    const [inputs] = await this.prisma.$queryRaw<ProjectionInputs[]>`
      WITH real_ward AS (
        SELECT code, name, ordinal FROM ward WHERE ordinal <= 1000
      ), done AS (
        SELECT p.ward_code, s.step,
               extract(epoch FROM s.completed_at - s.started_at) / 86400.0 AS days
        FROM procedure_step s
        JOIN procedure p ON p.id = s.procedure_id
        WHERE s.status = 'completed' AND s.completed_at >= ${since}
          AND (${kind}::text IS NULL OR p.kind = ${kind}::text)
      ), ward_medians AS (
        SELECT ward_code AS ward, step, percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median,
               count(*)::int AS samples
        FROM done GROUP BY ward_code, step
      ), city_medians AS (
        SELECT step, percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median, count(*)::int AS samples
        FROM done GROUP BY step
      ), open AS (
        SELECT p.ward_code, p.current_step, coalesce(s.started_at, p.updated_at) AS started_at
        FROM procedure p
        JOIN real_ward w ON w.code = p.ward_code
        LEFT JOIN procedure_step s
          ON s.procedure_id = p.id AND s.step = p.current_step AND s.round = p.round
        WHERE p.status = 'running' AND p.current_step IS NOT NULL
          AND (${kind}::text IS NULL OR p.kind = ${kind}::text)
      )
      SELECT
        (SELECT json_agg(real_ward) FROM real_ward) AS wards,
        (SELECT json_agg(ward_medians) FROM ward_medians) AS ward_medians,
        (SELECT json_agg(city_medians) FROM city_medians) AS city_medians,
        (SELECT json_agg(json_build_array(ward_code, current_step, started_at)) FROM open) AS open`;
    const wardDurations = new Map<string, Record<string, { medianDays: number; samples: number }>>();
    for (const m of inputs?.ward_medians ?? []) {
      const ward = wardDurations.get(m.ward) ?? {};
      ward[m.step] = { medianDays: m.median, samples: m.samples };
      wardDurations.set(m.ward, ward);
    }
    const cityDurations: StepDurations = Object.fromEntries(
      (inputs?.city_medians ?? []).map((m) => [m.step, { medianDays: m.median, samples: m.samples }]),
    );
    const open = (inputs?.open ?? []).map(([wardCode, step, startedAt]) => ({
      wardCode,
      step,
      stepStartedAt: new Date(startedAt),
    }));
    const wards = new Map((inputs?.wards ?? []).map((w) => [w.code, w]));
    const late = projectMissedTarget({ now, target, open, wardDurations, cityDurations });
    return {
      asOf: now,
      target: query.target,
      kind,
      openProcedures: open.length,
      wardsWithOpen: new Set(open.map((p) => p.wardCode)).size,
      cityMedians: cityDurations,
      wards: late.map((w) => {
        const ward = wards.get(w.wardCode);
        const area = ward ? wardAreaOf(ward.ordinal) : null;
        return {
          code: w.wardCode,
          name: ward?.name ?? w.wardCode,
          area: area ? { code: area.code, name: area.name } : null,
          open: w.open,
          late: w.late,
          projectedFinish: w.projectedFinish,
          reason: w.reason,
        };
      }),
    };
  }
}
