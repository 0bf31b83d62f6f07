/**
 * The worker's side of the procedure workflow, built by `createProcedureActivities({ prisma, clock,
 * notifier })` so that tests and the worker inject their own dependencies. Each activity is idempotent on
 * procedure + step + round (or a notification's dedupe key).
 */
import type { ProcedureActivities } from '@kientoan/workflows';
import { ActivityContext, type ProcedureActivityDependencies } from './activity-context';
import { decisionActivities } from './decision.activities';
import { draftActivities } from './draft.activities';
import { lifecycleActivities } from './lifecycle.activities';
import { reviewActivities } from './review.activities';
import { votingActivities } from './voting.activities';

export type { ProcedureActivityDependencies } from './activity-context';

export const createProcedureActivities = (deps: ProcedureActivityDependencies): ProcedureActivities => {
  const ctx = new ActivityContext(deps);
  return {
    ...lifecycleActivities(ctx),
    ...reviewActivities(ctx),
    ...draftActivities(ctx),
    ...votingActivities(ctx),
    ...decisionActivities(ctx),
  };
};
