// Steps in the order the workflow runs them and the kinds of change: the domain's own lists.
export {
  PROCEDURE_STEPS as STEPS,
  type ProcedureStep as Step,
} from '@kientoan/domain/procedure/procedure-step';
export { CHANGE_KINDS } from '@kientoan/domain/procedure/change-kind';

export const STATUSES = ['running', 'completed', 'failed', 'withdrawn', 'cancelled'] as const;

export const STATUS_COLORS: Record<string, string> = {
  running: 'processing',
  completed: 'success',
  failed: 'error',
  withdrawn: 'default',
  cancelled: 'warning',
};
