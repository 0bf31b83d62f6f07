import { Inject, Injectable } from '@nestjs/common';
import { type Actor, type ProcedureState, wardsAllowing } from '@kientoan/domain';
import { Prisma, type PrismaClient } from '@kientoan/platform';
import { encodeCursor } from '../common/validation/cursor.schema';
import { PRISMA } from '../infrastructure/infrastructure.module';
import type { InboxQuery } from './inbox.schemas';

export interface InboxTask {
  readonly procedureId: string;
  readonly task: 'review' | 'submit_draft' | 'resubmit' | 'vote';
  readonly title: string;
  readonly kind: string;
  readonly wardCode: string;
  readonly wardName: string;
  readonly step: string | null;
  readonly round: number;
  readonly dueAt: Date | null;
  readonly stalledSince: Date | null;
}

/** A page's row as JSON (instants as text). */
type TaskJson = Omit<InboxTask, 'task' | 'dueAt' | 'stalledSince'> & {
  readonly dueAt: string | null;
  readonly stalledSince: string | null;
  readonly deciderStatus: string | null;
};
interface InboxRow {
  /** Procedures waiting, per party waited for (reviewer, secretary, committee). */
  readonly counts: Readonly<Record<string, number>>;
  readonly items: readonly TaskJson[];
  readonly acknowledgements: readonly {
    readonly procedureId: string;
    readonly unitId: string;
    readonly unitName: string;
    readonly message: string;
    readonly publishedAt: string;
  }[];
}

/** The task a waiting procedure gives, from the decider's status the workflow stored (never re-derived). */
const TASK_FOR: Readonly<Partial<Record<string, InboxTask['task']>>> = {
  reviewing: 'review',
  drafting: 'submit_draft',
  returned: 'resubmit',
  voting: 'vote',
} satisfies Partial<Record<ProcedureState['status'], InboxTask['task']>>;

/**
 * The signed-in user's open tasks: reviews (reviewer), drafts to submit and returns to correct (secretary),
 * votes not yet cast in the current round (approver). Keyset-paged on (due_at, id); the user's waiting
 * procedures are found by the index procedure(status, waiting_for, ward_code, due_at).
 */
@Injectable()
export class ListInboxUseCase {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async execute(actor: Actor, query: InboxQuery) {
    const reviewerWards = wardsAllowing(actor, 'procedure.review');
    const secretaryWards = wardsAllowing(actor, 'procedure.submit_draft');
    const approverWards = wardsAllowing(actor, 'procedure.vote');
    // Own member and members voted for under a delegation: a vote task while any of them has not voted.
    const members = [...(actor.memberId ? [actor.memberId] : []), ...(actor.actingForMembers ?? [])];
    const mine = Prisma.sql`(
      (p.waiting_for = 'reviewer' AND p.ward_code = ANY(${reviewerWards}))
      OR (p.waiting_for = 'secretary' AND p.ward_code = ANY(${secretaryWards}))
      OR (p.waiting_for = 'committee' AND p.ward_code = ANY(${approverWards})
          AND EXISTS (SELECT 1 FROM unnest(${members}::text[]) AS m(id)
                      WHERE NOT EXISTS (SELECT 1 FROM vote v WHERE v.procedure_id = p.id AND v.round = p.round AND v.voter_id = m.id))))`;
    const filters = [
      query.wardCode ? Prisma.sql`AND p.ward_code = ${query.wardCode}` : Prisma.empty,
      query.kind ? Prisma.sql`AND p.kind = ${query.kind}` : Prisma.empty,
      query.step ? Prisma.sql`AND p.current_step = ${query.step}::"ProcedureStepName"` : Prisma.empty,
      query.dueBefore ? Prisma.sql`AND p.due_at < ${new Date(query.dueBefore)}` : Prisma.empty,
    ];
    const where = Prisma.sql`p.status = 'running' AND ${mine} ${Prisma.join(filters, ' ')}`;
    const asc = query.sort === 'due_asc';
    const after = query.after;
    const keyset = after
      ? asc
        ? Prisma.sql`AND (p.due_at, p.id) > (${after.at}, ${after.id}::uuid)`
        : Prisma.sql`AND (p.due_at, p.id) < (${after.at}, ${after.id}::uuid)`
      : Prisma.empty;
    const order = asc
      ? Prisma.sql`ORDER BY p.due_at ASC, p.id ASC`
      : Prisma.sql`ORDER BY p.due_at DESC, p.id DESC`;
    const pageOrder = asc
      ? Prisma.sql`ORDER BY t."dueAt" ASC, t."procedureId" ASC`
      : Prisma.sql`ORDER BY t."dueAt" DESC, t."procedureId" DESC`;

    const acknowledgeWards = wardsAllowing(actor, 'procedure.acknowledge');
    // One statement, one round trip: the user's waiting procedures found once (the vote check runs once per
    // procedure, not for the counts and again for the page), the counts per party, the page, and the
    // announcements the affected units of the user's wards have not yet acknowledged, each as JSON.
    const [result] = await this.prisma.$queryRaw<InboxRow[]>`
      WITH mine AS (
        SELECT p.id, p.title, p.kind, p.ward_code, p.current_step, p.round, p.due_at, p.stalled_since,
               p.decider_status, p.waiting_for
        FROM procedure p WHERE ${where}),
      page AS (
        SELECT p.id AS "procedureId", p.title, p.kind, p.ward_code AS "wardCode", w.name AS "wardName",
               p.current_step::text AS step, p.round, p.due_at AS "dueAt", p.stalled_since AS "stalledSince",
               p.decider_status AS "deciderStatus"
        FROM mine p JOIN ward w ON w.code = p.ward_code
        WHERE p.due_at IS NOT NULL ${keyset}
        ${order}
        LIMIT ${query.limit + 1}),
      unacknowledged AS (
        SELECT a.procedure_id AS "procedureId", r.unit_id AS "unitId", r.unit_name AS "unitName", r.message,
               a.published_at AS "publishedAt", r.id
        FROM announcement_recipient r
        JOIN announcement a ON a.id = r.announcement_id
        JOIN procedure p ON p.id = a.procedure_id
        WHERE r.acknowledged_at IS NULL AND p.ward_code = ANY(${acknowledgeWards})
          ${query.wardCode ? Prisma.sql`AND p.ward_code = ${query.wardCode}` : Prisma.empty}
        ORDER BY a.published_at, r.id
        LIMIT 100)
      SELECT
        (SELECT coalesce(json_object_agg(n.waiting_for, n.count), '{}'::json)
         FROM (SELECT waiting_for, count(*)::int AS count FROM mine GROUP BY waiting_for) n) AS counts,
        (SELECT coalesce(json_agg(t ${pageOrder}), '[]'::json) FROM page t) AS items,
        (SELECT coalesce(json_agg(json_build_object('procedureId', u."procedureId", 'unitId', u."unitId",
                                                    'unitName', u."unitName", 'message', u.message,
                                                    'publishedAt', u."publishedAt")
                                  ORDER BY u."publishedAt", u.id), '[]'::json)
         FROM unacknowledged u) AS acknowledgements`;
    const counts = result?.counts ?? {};
    // JSON carries instants as text: back to dates, sent as before (ISO 8601, UTC).
    const at = (text: string | null) => (text === null ? null : new Date(text));
    const tasks = (result?.items ?? []).map((t) => ({
      ...t,
      dueAt: at(t.dueAt),
      stalledSince: at(t.stalledSince),
    }));
    const acknowledgements = (result?.acknowledgements ?? []).map((a) => ({
      ...a,
      publishedAt: new Date(a.publishedAt),
    }));
    const page = tasks.slice(0, query.limit);
    const last = page.at(-1);
    const count = (w: string) => counts[w] ?? 0;
    return {
      counts: {
        review: count('reviewer'),
        secretary: count('secretary'),
        vote: count('committee'),
        acknowledge: acknowledgements.length,
        total: Object.values(counts).reduce((a, c) => a + c, 0) + acknowledgements.length,
      },
      acknowledgements,
      items: page.flatMap(({ deciderStatus, ...t }) => {
        const task = deciderStatus ? TASK_FOR[deciderStatus] : undefined;
        return task ? [{ ...t, task }] : [];
      }),
      next:
        tasks.length > query.limit && last?.dueAt
          ? encodeCursor(new Date(last.dueAt), last.procedureId)
          : null,
    };
  }
}
