/**
 * What people and PostgreSQL see of a procedure, derived purely from the decider's state and the few facts
 * the workflow keeps beside it (the deadline of the current wait, a stall, a failure, when it ended). The
 * workflow computes this view after every change and one activity writes it whole (the `procedure` row's
 * projection columns), so the row can never disagree with the workflow about where the procedure stands.
 */
import { type ProcedureState, type Waiting, currentStep, waitingFor } from './procedure.decider';
import type { ProcedureStep } from './procedure-step';

/** The stored status (`ProcedureStatus` in PostgreSQL). */
export const PROCEDURE_STATUSES = ['running', 'completed', 'failed', 'withdrawn', 'cancelled'] as const;
export type ProcedureStatus = (typeof PROCEDURE_STATUSES)[number];

/** A non-retryable failure that stopped the run: a stable code and a Vietnamese message. */
export interface ProcedureFailure {
  readonly code: string;
  readonly message: string;
  /** ISO instant */
  readonly at: string;
}

/** Facts the workflow keeps beside the decider state (ISO instants). */
export interface ProcedureRunFacts {
  /** Deadline of the current wait for a person. */
  readonly dueAt?: string | null;
  /** Set by escalation (the deadline passed, or a supervisor escalated); cleared when the procedure moves. */
  readonly stalledSince?: string | null;
  readonly failure?: ProcedureFailure | null;
  /** When the procedure completed or ended. */
  readonly endedAt?: string | null;
}

export interface ProcedureView {
  readonly status: ProcedureStatus;
  /** The decider's own status (`reviewing`, `returned`, `drafting`, `voting` …): inboxes map it, never re-derive it. */
  readonly deciderStatus: ProcedureState['status'];
  readonly step: ProcedureStep | null;
  readonly round: number;
  readonly waitingFor: Waiting | null;
  readonly dueAt: string | null;
  readonly stalledSince: string | null;
  readonly returnReasons: readonly string[] | null;
  readonly ended: { readonly by: string; readonly reason: string } | null;
  readonly endedAt: string | null;
  readonly failure: { readonly code: string; readonly message: string } | null;
}

const statusOf = (state: ProcedureState, facts: ProcedureRunFacts): ProcedureStatus => {
  if (state.status === 'completed') return 'completed';
  if (state.status === 'ended') return state.outcome;
  return facts.failure ? 'failed' : 'running';
};

const reasonsOf = (state: ProcedureState): readonly string[] | null => {
  switch (state.status) {
    case 'returned':
      return state.reasons;
    case 'in_step':
    case 'drafting':
      return state.reasons ?? null;
    default:
      return null;
  }
};

export const procedureView = (state: ProcedureState, facts: ProcedureRunFacts = {}): ProcedureView => {
  const status = statusOf(state, facts);
  const waiting = status === 'running' ? (waitingFor(state) ?? null) : null;
  const failure = status === 'failed' && facts.failure ? facts.failure : null;
  return {
    status,
    deciderStatus: state.status,
    // A failed procedure keeps the step it failed in, so supervisors see where it stopped.
    step: status === 'running' || status === 'failed' ? (currentStep(state) ?? null) : null,
    round: 'round' in state ? state.round : 1,
    waitingFor: waiting,
    dueAt: waiting ? (facts.dueAt ?? null) : null,
    // A failed procedure is stuck from the moment it failed: it appears in the supervisors' stalled lists.
    stalledSince: failure ? failure.at : waiting ? (facts.stalledSince ?? null) : null,
    returnReasons: status === 'running' ? reasonsOf(state) : null,
    ended: state.status === 'ended' ? { by: state.by, reason: state.reason } : null,
    endedAt: status === 'running' ? null : (facts.endedAt ?? failure?.at ?? null),
    failure: failure ? { code: failure.code, message: failure.message } : null,
  };
};
