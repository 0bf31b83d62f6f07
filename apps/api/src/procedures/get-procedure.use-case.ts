import { Inject, Injectable } from '@nestjs/common';
import { type Actor, ProcedureErrors, STEP_LABELS, type ProcedureStep, authorize } from '@kientoan/domain';
import type { PrismaClient } from '@kientoan/platform';
import { PRISMA } from '../infrastructure/infrastructure.module';

/** Timestamps inside the JSON parts arrive as ISO text; answered as Dates like the columns. */
type Stamp = string | null;
const at = (stamp: Stamp): Date | null => (stamp === null ? null : new Date(stamp));

interface ProcedureRow {
  id: string;
  workflow_id: string;
  ward_code: string;
  ward: { code: string; name: string; kind: string };
  kind: string;
  title: string;
  status: string;
  decider_status: string | null;
  revision: number;
  failure_code: string | null;
  failure_message: string | null;
  initiated_by: string;
  effective_date: string | null;
  ceremony_at: Date | null;
  ceremony_place: string | null;
  items: unknown;
  round: number;
  current_step: ProcedureStep | null;
  waiting_for: string | null;
  due_at: Date | null;
  stalled_since: Date | null;
  return_reasons: unknown;
  ended_by: string | null;
  ended_reason: string | null;
  created_at: Date;
  completed_at: Date | null;
  steps: {
    step: ProcedureStep;
    round: number;
    status: string;
    startedAt: Stamp;
    completedAt: Stamp;
    outcome: unknown;
  }[];
  votes: { round: number; voterId: string; choice: string; comment: string | null; castAt: Stamp }[];
  latest_draft: { version: number; body: string; createdAt: Stamp } | null;
  decision: {
    symbol: string;
    number: number;
    year: number;
    issuedAt: Stamp;
    resolutionSymbol: string;
    effectiveDate: string;
  } | null;
  announcement: {
    body: string;
    publishedAt: Stamp;
    ceremonyAt: Stamp;
    ceremonyPlace: string | null;
    recipients: number;
    acknowledged: number;
  } | null;
}

/**
 * A procedure as PostgreSQL records it: the steps done so far, the votes, the latest draft, the decision and the
 * announcement. One SQL statement (one round trip, one pooled connection for a moment) instead of one query per
 * relation: the procedure page polls this while a step runs.
 */
@Injectable()
export class GetProcedureUseCase {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async execute(actor: Actor, id: string) {
    const [procedure] = await this.prisma.$queryRaw<ProcedureRow[]>`
      SELECT p.id, p.workflow_id, p.ward_code, p.kind, p.title, p.status::text AS status, p.decider_status,
             p.revision, p.failure_code, p.failure_message, p.initiated_by,
             to_char(p.effective_date, 'YYYY-MM-DD') AS effective_date, p.ceremony_at, p.ceremony_place, p.items,
             p.round, p.current_step::text AS current_step, p.waiting_for, p.due_at, p.stalled_since,
             p.return_reasons, p.ended_by, p.ended_reason, p.created_at, p.completed_at,
             json_build_object('code', w.code, 'name', w.name, 'kind', w.kind) AS ward,
             COALESCE((
               SELECT json_agg(json_build_object('step', s.step, 'round', s.round, 'status', s.status,
                        'startedAt', s.started_at, 'completedAt', s.completed_at, 'outcome', s.outcome)
                      ORDER BY s.started_at, s.id)
               FROM procedure_step s WHERE s.procedure_id = p.id), '[]'::json) AS steps,
             COALESCE((
               SELECT json_agg(json_build_object('round', v.round, 'voterId', v.voter_id, 'choice', v.choice,
                        'comment', v.comment, 'castAt', v.cast_at)
                      ORDER BY v.round, v.cast_at)
               FROM vote v WHERE v.procedure_id = p.id), '[]'::json) AS votes,
             (SELECT json_build_object('version', d.version, 'body', d.body, 'createdAt', d.created_at)
              FROM resolution_draft d WHERE d.procedure_id = p.id ORDER BY d.version DESC LIMIT 1) AS latest_draft,
             (SELECT json_build_object('symbol', dc.symbol, 'number', dc.number, 'year', dc.year,
                       'issuedAt', dc.issued_at, 'resolutionSymbol', dc.resolution_symbol,
                       'effectiveDate', to_char(dc.effective_date, 'YYYY-MM-DD'))
              FROM decision dc WHERE dc.procedure_id = p.id) AS decision,
             (SELECT json_build_object('body', a.body, 'publishedAt', a.published_at, 'ceremonyAt', a.ceremony_at,
                       'ceremonyPlace', a.ceremony_place,
                       'recipients', (SELECT count(*) FROM announcement_recipient r WHERE r.announcement_id = a.id),
                       'acknowledged', (SELECT count(*) FROM announcement_recipient r
                                        WHERE r.announcement_id = a.id AND r.acknowledged_at IS NOT NULL))
              FROM announcement a WHERE a.procedure_id = p.id) AS announcement
      FROM procedure p JOIN ward w ON w.code = p.ward_code
      WHERE p.id = ${id}::uuid`;
    if (!procedure) throw ProcedureErrors.notFound(id);
    authorize(actor, 'procedure.read', procedure.ward_code);
    const label = (step: ProcedureStep | null) => (step ? STEP_LABELS[step] : null);
    return {
      id: procedure.id,
      workflowId: procedure.workflow_id,
      ward: procedure.ward,
      kind: procedure.kind,
      title: procedure.title,
      status: procedure.status,
      deciderStatus: procedure.decider_status,
      revision: procedure.revision,
      failure: procedure.failure_code
        ? { code: procedure.failure_code, message: procedure.failure_message }
        : null,
      initiatedBy: procedure.initiated_by,
      effectiveDate: procedure.effective_date,
      // The ceremony the secretary chose at start (the announcement says when it actually takes place).
      requestedCeremony: procedure.ceremony_at
        ? { at: procedure.ceremony_at, place: procedure.ceremony_place }
        : null,
      items: procedure.items,
      round: procedure.round,
      currentStep: procedure.current_step,
      currentStepLabel: label(procedure.current_step),
      waitingFor: procedure.waiting_for,
      dueAt: procedure.due_at,
      stalledSince: procedure.stalled_since,
      returnReasons: procedure.return_reasons,
      ended: procedure.ended_by ? { by: procedure.ended_by, reason: procedure.ended_reason } : null,
      createdAt: procedure.created_at,
      completedAt: procedure.completed_at,
      steps: procedure.steps.map((s) => ({
        step: s.step,
        label: STEP_LABELS[s.step],
        round: s.round,
        status: s.status,
        startedAt: at(s.startedAt),
        completedAt: at(s.completedAt),
        outcome: s.outcome,
      })),
      votes: procedure.votes.map((v) => ({
        round: v.round,
        voterId: v.voterId,
        choice: v.choice,
        comment: v.comment,
        castAt: at(v.castAt),
      })),
      latestDraft: procedure.latest_draft
        ? {
            version: procedure.latest_draft.version,
            body: procedure.latest_draft.body,
            createdAt: at(procedure.latest_draft.createdAt),
          }
        : null,
      decision: procedure.decision
        ? { ...procedure.decision, issuedAt: at(procedure.decision.issuedAt) }
        : null,
      announcement: procedure.announcement
        ? {
            ...procedure.announcement,
            publishedAt: at(procedure.announcement.publishedAt),
            ceremonyAt: at(procedure.announcement.ceremonyAt),
          }
        : null,
    };
  }
}
