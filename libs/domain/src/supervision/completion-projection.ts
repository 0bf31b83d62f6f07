/**
 * Which wards will miss a target date: each open procedure finishes its current step and every later one in
 * the time that step usually takes — the ward's measured median (when it has enough completed samples), else
 * the city's median, else the step's deadline. Pure; "now" and the measurements are passed in.
 */
import { DEFAULT_DEADLINES } from '../calendar/working-days';
import { PROCEDURE_STEPS, type ProcedureStep } from '../procedure/procedure-step';

const DAY_MS = 86_400_000;

export type DurationSource = 'ward' | 'city' | 'deadline';

export interface StepDurations {
  /** Median days per step, with the number of completed steps measured. */
  readonly [step: string]: { readonly medianDays: number; readonly samples: number } | undefined;
}

export interface OpenProcedure {
  readonly wardCode: string;
  readonly step: ProcedureStep;
  /** When the procedure entered its current step. */
  readonly stepStartedAt: Date;
}

export interface ProjectionInput {
  readonly now: Date;
  /** End of the target day (the supervisor's date, in Hà Nội time). */
  readonly target: Date;
  readonly open: readonly OpenProcedure[];
  readonly wardDurations: ReadonlyMap<string, StepDurations>;
  readonly cityDurations: StepDurations;
  /** A ward's (or the city's) median counts only with at least this many samples. */
  readonly minSamples?: number;
  /** Fallback per step, in working days (default: the deadline policy; automated steps one day). */
  readonly deadlineWorkingDays?: Readonly<Record<ProcedureStep, number>>;
}

export interface WardProjection {
  readonly wardCode: string;
  readonly open: number;
  /** Open procedures projected to finish after the target. */
  readonly late: number;
  /** When the ward's last open procedure is projected to finish. */
  readonly projectedFinish: Date;
  /** The step that costs the latest procedure most of its remaining time, and how many days. */
  readonly reason: { readonly step: ProcedureStep; readonly days: number; readonly source: DurationSource };
}

export const DEFAULT_STEP_DEADLINE_DAYS: Readonly<Record<ProcedureStep, number>> = {
  review: DEFAULT_DEADLINES.reviewDays,
  draft_resolution: DEFAULT_DEADLINES.draftDays,
  committee_approval: DEFAULT_DEADLINES.voteDays,
  issue_decision: 1,
  announce: 1,
};

/** Working days as calendar days (5 working days a week). */
const calendarDays = (workingDays: number) => (workingDays * 7) / 5;

/** The expected days of a step in a ward, and where the figure comes from. */
export const expectedStepDays = (
  step: ProcedureStep,
  ward: StepDurations | undefined,
  city: StepDurations,
  minSamples = 3,
  deadlines: Readonly<Record<ProcedureStep, number>> = DEFAULT_STEP_DEADLINE_DAYS,
): { days: number; source: DurationSource } => {
  const own = ward?.[step];
  if (own && own.samples >= minSamples) return { days: own.medianDays, source: 'ward' };
  const cityWide = city[step];
  if (cityWide && cityWide.samples >= minSamples) return { days: cityWide.medianDays, source: 'city' };
  return { days: calendarDays(deadlines[step]), source: 'deadline' };
};

/**
 * The remaining days of one open procedure, step by step: its current step's expected time less what it has
 * already spent (a procedure still waiting past the usual time needs at least another day, or the step's
 * whole expected time if that is shorter), then every later step in full.
 */
export const remainingSteps = (
  procedure: OpenProcedure,
  now: Date,
  expected: (step: ProcedureStep) => { days: number; source: DurationSource },
): { step: ProcedureStep; days: number; source: DurationSource }[] => {
  const from = PROCEDURE_STEPS.indexOf(procedure.step);
  return PROCEDURE_STEPS.slice(from).map((step, i) => {
    const { days, source } = expected(step);
    if (i > 0) return { step, days, source };
    const spent = Math.max(0, (now.getTime() - procedure.stepStartedAt.getTime()) / DAY_MS);
    return { step, days: Math.max(days - spent, Math.min(days, 1)), source };
  });
};

/** The wards with open procedures that will not all be done by the target, latest first. */
export const projectMissedTarget = (input: ProjectionInput): WardProjection[] => {
  const { now, target, minSamples = 3 } = input;
  const deadlines = input.deadlineWorkingDays ?? DEFAULT_STEP_DEADLINE_DAYS;
  const byWard = new Map<
    string,
    { open: number; late: number; finish: number; reason: WardProjection['reason'] }
  >();
  for (const procedure of input.open) {
    const ward = input.wardDurations.get(procedure.wardCode);
    const steps = remainingSteps(procedure, now, (step) =>
      expectedStepDays(step, ward, input.cityDurations, minSamples, deadlines),
    );
    const finish = now.getTime() + steps.reduce((a, s) => a + s.days, 0) * DAY_MS;
    const worst = steps.reduce((a, s) => (s.days > a.days ? s : a));
    const entry = byWard.get(procedure.wardCode) ?? {
      open: 0,
      late: 0,
      finish: -Infinity,
      reason: { step: worst.step, days: 0, source: worst.source },
    };
    entry.open += 1;
    if (finish > target.getTime()) entry.late += 1;
    if (finish > entry.finish) {
      entry.finish = finish;
      entry.reason = { step: worst.step, days: Math.ceil(worst.days), source: worst.source };
    }
    byWard.set(procedure.wardCode, entry);
  }
  return [...byWard.entries()]
    .filter(([, e]) => e.late > 0)
    .map(([wardCode, e]) => ({
      wardCode,
      open: e.open,
      late: e.late,
      projectedFinish: new Date(e.finish),
      reason: e.reason,
    }))
    .sort((a, b) => b.projectedFinish.getTime() - a.projectedFinish.getTime() || b.late - a.late);
};
