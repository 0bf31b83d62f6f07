import { type PROCEDURE_STEPS } from '../procedure/procedure-step';
import {
  type OpenProcedure,
  type StepDurations,
  expectedStepDays,
  projectMissedTarget,
  remainingSteps,
} from './completion-projection';

const DAY = 86_400_000;
const now = new Date('2026-03-02T03:00:00Z');
const daysFromNow = (d: number) => new Date(now.getTime() + d * DAY);
const measured = (
  days: Partial<Record<(typeof PROCEDURE_STEPS)[number], number>>,
  samples = 5,
): StepDurations => Object.fromEntries(Object.entries(days).map(([s, d]) => [s, { medianDays: d, samples }]));

const city = measured({
  review: 1,
  draft_resolution: 2,
  committee_approval: 3,
  issue_decision: 0,
  announce: 1,
});

describe('expectedStepDays', () => {
  it("takes the ward's own median when it has enough samples", () => {
    expect(expectedStepDays('review', measured({ review: 4 }), city)).toEqual({ days: 4, source: 'ward' });
  });

  it("falls back to the city's median when the ward has too few samples", () => {
    expect(expectedStepDays('review', measured({ review: 4 }, 2), city)).toEqual({ days: 1, source: 'city' });
  });

  it("falls back to the step's deadline (working days as calendar days) when nobody has measured it", () => {
    expect(expectedStepDays('committee_approval', undefined, {})).toEqual({ days: 4.2, source: 'deadline' });
  });
});

describe('remainingSteps', () => {
  const expected = (step: (typeof PROCEDURE_STEPS)[number]) => ({
    days: city[step]!.medianDays,
    source: 'city' as const,
  });

  it('subtracts the time already spent in the current step and counts every later step in full', () => {
    const p: OpenProcedure = { wardCode: 'w', step: 'draft_resolution', stepStartedAt: daysFromNow(-0.5) };
    expect(remainingSteps(p, now, expected).map((s) => [s.step, s.days])).toEqual([
      ['draft_resolution', 1.5],
      ['committee_approval', 3],
      ['issue_decision', 0],
      ['announce', 1],
    ]);
  });

  it('gives a procedure waiting past the usual time at least another day', () => {
    const p: OpenProcedure = { wardCode: 'w', step: 'committee_approval', stepStartedAt: daysFromNow(-10) };
    expect(remainingSteps(p, now, expected)[0]).toMatchObject({ step: 'committee_approval', days: 1 });
  });
});

describe('projectMissedTarget', () => {
  const project = (open: OpenProcedure[], targetDays: number, wards = new Map<string, StepDurations>()) =>
    projectMissedTarget({
      now,
      target: daysFromNow(targetDays),
      open,
      wardDurations: wards,
      cityDurations: city,
    });

  it('lists nothing when every open procedure finishes before the target', () => {
    expect(project([{ wardCode: 'a', step: 'announce', stepStartedAt: now }], 5)).toEqual([]);
  });

  it('lists a ward whose slow committee keeps a procedure past the target, with the reason and its days', () => {
    const slow = new Map([['a', measured({ committee_approval: 6 })]]);
    const [a] = project(
      [
        { wardCode: 'a', step: 'committee_approval', stepStartedAt: now },
        { wardCode: 'a', step: 'announce', stepStartedAt: now },
      ],
      5,
      slow,
    );
    expect(a).toMatchObject({
      wardCode: 'a',
      open: 2,
      late: 1,
      reason: { step: 'committee_approval', days: 6, source: 'ward' },
    });
    expect(a!.projectedFinish).toEqual(daysFromNow(7)); // 6 (vote) + 0 (issue) + 1 (announce)
  });

  it('orders the wards latest finish first and leaves out wards on time', () => {
    const result = project(
      [
        { wardCode: 'on-time', step: 'announce', stepStartedAt: now },
        { wardCode: 'late', step: 'draft_resolution', stepStartedAt: now },
        { wardCode: 'later', step: 'review', stepStartedAt: now },
      ],
      3,
    );
    expect(result.map((w) => w.wardCode)).toEqual(['later', 'late']);
  });

  it('counts only the procedures that miss the target; the one that just entered its step finishes last', () => {
    const [a] = project(
      [
        { wardCode: 'a', step: 'review', stepStartedAt: daysFromNow(-0.9) },
        { wardCode: 'a', step: 'review', stepStartedAt: now },
      ],
      8.5,
      new Map([['a', measured({ review: 3 })]]),
    );
    expect(a).toMatchObject({ late: 1, open: 2, reason: { step: 'review', days: 3, source: 'ward' } });
    expect(a!.projectedFinish).toEqual(daysFromNow(9)); // 3 + 2 + 3 + 0 + 1
  });
});
