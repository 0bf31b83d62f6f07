/**
 * The supervisors' city board as pure data: one row per ward with its running procedures by step, overdue,
 * stalled, failed and completed this week; the filters and sorts the board offers. The API computes the
 * numbers in SQL; the web app filters and sorts the 126 rows with these functions.
 */
import { PROCEDURE_STEPS, type ProcedureStep } from '../procedure/procedure-step';

export interface BoardWard {
  readonly code: string;
  readonly name: string;
  readonly kind: string;
  readonly ordinal: number;
  readonly area: { readonly code: string; readonly name: string } | null;
  readonly running: Readonly<Record<ProcedureStep, number>>;
  readonly runningTotal: number;
  /** Running procedures past their due date. */
  readonly overdue: number;
  /** Running procedures escalated (stalled since their deadline passed). */
  readonly stalled: number;
  readonly failed: number;
  readonly completedThisWeek: number;
}

export interface BoardFilter {
  readonly area?: string;
  /** Only wards with running procedures at this step. */
  readonly step?: ProcedureStep;
  /** Only wards with overdue, stalled or failed procedures. */
  readonly overdueOnly?: boolean;
}

export const BOARD_SORTS = ['ordinal', 'name', 'running', 'overdue', 'stalled', 'completed', 'area'] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];

export const filterBoard = (wards: readonly BoardWard[], filter: BoardFilter): BoardWard[] =>
  wards.filter(
    (w) =>
      (!filter.area || w.area?.code === filter.area) &&
      (!filter.step || w.running[filter.step] > 0) &&
      (!filter.overdueOnly || w.overdue + w.stalled + w.failed > 0),
  );

const byName = (a: BoardWard, b: BoardWard) => a.name.localeCompare(b.name, 'vi');

/** Biggest first for the counts (ties by name); names and areas alphabetically (Vietnamese order). */
export const sortBoard = (wards: readonly BoardWard[], sort: BoardSort): BoardWard[] => {
  const count = (w: BoardWard): number => {
    switch (sort) {
      case 'running':
        return w.runningTotal;
      case 'overdue':
        return w.overdue;
      case 'stalled':
        return w.stalled + w.failed;
      case 'completed':
        return w.completedThisWeek;
      default:
        return 0;
    }
  };
  return [...wards].sort((a, b) => {
    if (sort === 'ordinal') return a.ordinal - b.ordinal;
    if (sort === 'name') return byName(a, b);
    if (sort === 'area')
      return (a.area?.name ?? '\uffff').localeCompare(b.area?.name ?? '\uffff', 'vi') || byName(a, b);
    return count(b) - count(a) || byName(a, b);
  });
};

/** The board's totals over the wards shown. */
export const boardTotals = (wards: readonly BoardWard[]) => {
  const running = Object.fromEntries(PROCEDURE_STEPS.map((s) => [s, 0])) as Record<ProcedureStep, number>;
  let overdue = 0;
  let stalled = 0;
  let failed = 0;
  let completedThisWeek = 0;
  for (const w of wards) {
    for (const s of PROCEDURE_STEPS) running[s] += w.running[s];
    overdue += w.overdue;
    stalled += w.stalled;
    failed += w.failed;
    completedThisWeek += w.completedThisWeek;
  }
  const runningTotal = PROCEDURE_STEPS.reduce((a, s) => a + running[s], 0);
  return { running, runningTotal, overdue, stalled, failed, completedThisWeek };
};

/** Monday 00:00 in Hà Nội of the week `now` falls in: where "completed this week" starts. */
export const weekStartInVietnam = (now: Date): Date => {
  const local = new Date(now.getTime() + 7 * 3_600_000);
  const sinceMonday = (local.getUTCDay() + 6) % 7;
  const monday = new Date(
    Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - sinceMonday),
  );
  return new Date(monday.getTime() - 7 * 3_600_000);
};
