/**
 * The ONLY writer of the `procedure` row's projection columns (status, decider_status, current_step, round,
 * waiting_for, due_at, stalled_since, return_reasons, ended_by, ended_reason, completed_at, failure_code,
 * failure_message, revision). One statement writes the whole view if its revision is newer than the stored
 * one, and in the same transaction tells `procedure_changed` listeners (the SSE endpoint) what changed:
 * `{"procedureId","wardCode","revision","status","currentStep","waitingFor"}` (the state itself, so an open page
 * shows a closed vote or a new step at once, before it reads the rest); a recorded vote adds `"votes"`. test/architecture checks that no other code writes these columns.
 */
import type { ProcedureView } from '@kientoan/domain';
import { Prisma, type PrismaClient } from '@kientoan/platform';
import { type ProcedureSeed, procedureWorkflowId, startAuditKey } from '@kientoan/workflows';

/** PostgreSQL channel of projection changes (LISTEN procedure_changed). */
export const PROCEDURE_CHANGED_CHANNEL = 'procedure_changed';

export interface ProjectionWrite {
  readonly procedureId: string;
  /**
   * The workflow's revision. `null` only for runs started before the workflow published views (they call
   * the deprecated `markWaiting`/`completeProcedure`): such a write applies only to a row no view has
   * reached yet (revision 0), so it can never overwrite a newer view.
   */
  readonly revision: number | null;
  readonly view: ProcedureView;
  readonly seed?: ProcedureSeed;
  readonly now: Date;
}

const instant = (iso: string | null): Date | null => (iso ? new Date(iso) : null);
const jsonOrNull = (value: unknown): string | null => (value == null ? null : JSON.stringify(value));

/** Returns whether the view was written (false: an equal or newer revision is already stored). */
export const writeProcedureView = async (prisma: PrismaClient, write: ProjectionWrite): Promise<boolean> => {
  const { view, procedureId, seed, now } = write;
  const revision = write.revision ?? 0;
  const columns = Prisma.sql`
    ${view.status}::"ProcedureStatus", ${view.deciderStatus}, ${view.step}::"ProcedureStepName", ${view.round},
    ${view.waitingFor}, ${instant(view.dueAt)}::timestamptz, ${instant(view.stalledSince)}::timestamptz,
    ${jsonOrNull(view.returnReasons)}::jsonb, ${view.ended?.by ?? null}, ${view.ended?.reason ?? null},
    ${instant(view.endedAt)}::timestamptz, ${view.failure?.code ?? null}, ${view.failure?.message ?? null},
    ${revision}, ${now}::timestamptz`;
  const newer =
    write.revision === null ? Prisma.sql`p.revision = 0` : Prisma.sql`p.revision < ${write.revision}`;
  const written = seed
    ? Prisma.sql`
        INSERT INTO procedure AS p (id, ward_code, kind, title, items, initiated_by, effective_date, workflow_id,
          status, decider_status, current_step, round, waiting_for, due_at, stalled_since, return_reasons,
          ended_by, ended_reason, completed_at, failure_code, failure_message, revision, updated_at)
        VALUES (${procedureId}::uuid, ${seed.wardCode}, ${seed.kind}, ${seed.title},
          ${JSON.stringify(seed.items)}::jsonb, ${seed.initiatedBy}, ${seed.effectiveDate}::date,
          ${procedureWorkflowId(procedureId)}, ${columns})
        ON CONFLICT (id) DO UPDATE SET
          status = EXCLUDED.status, decider_status = EXCLUDED.decider_status,
          current_step = EXCLUDED.current_step, round = EXCLUDED.round, waiting_for = EXCLUDED.waiting_for,
          due_at = EXCLUDED.due_at, stalled_since = EXCLUDED.stalled_since,
          return_reasons = EXCLUDED.return_reasons, ended_by = EXCLUDED.ended_by,
          ended_reason = EXCLUDED.ended_reason, completed_at = EXCLUDED.completed_at,
          failure_code = EXCLUDED.failure_code, failure_message = EXCLUDED.failure_message,
          revision = EXCLUDED.revision, updated_at = EXCLUDED.updated_at
        WHERE ${newer}
        RETURNING p.id, p.ward_code, p.revision, p.status, p.current_step, p.waiting_for,
          (p.xmax = 0) AS created`
    : Prisma.sql`
        UPDATE procedure AS p SET (status, decider_status, current_step, round, waiting_for, due_at,
          stalled_since, return_reasons, ended_by, ended_reason, completed_at, failure_code, failure_message,
          revision, updated_at) = (${columns})
        WHERE p.id = ${procedureId}::uuid AND ${newer}
        RETURNING p.id, p.ward_code, p.revision, p.status, p.current_step, p.waiting_for, false AS created`;
  // The row created here (not by the API's transaction, which then did not commit): the start's audit entry
  // with it, once (the dedupe key is the one the API's entry carries).
  const audit = seed?.audit;
  const startAudit = audit
    ? Prisma.sql`
        INSERT INTO audit_entry (actor_id, role, action, procedure_id, ward_code, after, client_address,
          request_id, dedupe_key)
        SELECT ${audit.actorId}, ${audit.role}, 'procedure.start', id, ward_code, ${JSON.stringify(audit.after)}::jsonb,
          ${audit.clientAddress}, ${audit.requestId}, ${startAuditKey(procedureId)}
        FROM written WHERE created
        ON CONFLICT (dedupe_key) DO NOTHING`
    : Prisma.sql`SELECT 1`;
  const [result] = await prisma.$queryRaw<{ notified: number }[]>`
    WITH written AS (${written}), audited AS (${startAudit})
    SELECT count(pg_notify(${PROCEDURE_CHANGED_CHANNEL},
      json_build_object('procedureId', id, 'wardCode', ward_code, 'revision', revision, 'status', status,
        'currentStep', current_step, 'waitingFor', waiting_for)::text))::int AS notified
    FROM written`;
  return (result?.notified ?? 0) > 0;
};

/**
 * A vote recorded (it moves no projection column unless it closes the round, which the workflow's next view
 * says): `procedure_changed` with the row's state as it stands and `votes`, the votes cast in the round, so the
 * other members' open pages and inboxes show it at once. Sent in the vote's transaction (delivered at commit).
 */
export const notifyVoteRecorded = async (
  db: Prisma.TransactionClient | PrismaClient,
  procedureId: string,
  round: number,
): Promise<void> => {
  await db.$executeRaw`
    SELECT pg_notify(${PROCEDURE_CHANGED_CHANNEL},
      json_build_object('procedureId', p.id, 'wardCode', p.ward_code, 'revision', p.revision, 'status', p.status,
        'currentStep', p.current_step, 'waitingFor', p.waiting_for,
        'votes', (SELECT count(*) FROM vote v WHERE v.procedure_id = p.id AND v.round = ${round})::int)::text)
    FROM procedure p WHERE p.id = ${procedureId}::uuid`;
};
