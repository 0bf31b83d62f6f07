import type { LineageLinkFacts, LineageUnitFacts } from '@kientoan/domain';
import type { Prisma, PrismaClient } from '../../../../prisma/generated/client/client';
import { fromDbDate } from './registry-rows';

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * The lineage links around a unit, following mergers both ways up to `hops` links away (at most `max` links),
 * with the units they touch as decided (name, kind, status).
 */
export const lineageAround = async (
  db: Db,
  unitId: string,
  { hops, max = 60 }: { readonly hops: number; readonly max?: number },
): Promise<{ links: LineageLinkFacts[]; units: LineageUnitFacts[] }> => {
  const rows = await db.$queryRaw<
    {
      predecessorId: string;
      successorId: string;
      change: string;
      effectiveDate: Date;
      decisionRef: string | null;
    }[]
  >`
    WITH RECURSIVE reach(unit_id, depth) AS (
      SELECT ${unitId}::varchar, 0
      UNION
      SELECT CASE WHEN l.predecessor_id = r.unit_id THEN l.successor_id ELSE l.predecessor_id END, r.depth + 1
      FROM reach r
      JOIN org_unit_lineage l ON l.predecessor_id = r.unit_id OR l.successor_id = r.unit_id
      WHERE r.depth < ${hops}
    )
    SELECT DISTINCT l.predecessor_id AS "predecessorId", l.successor_id AS "successorId", l.change,
           l.effective_date AS "effectiveDate", l.decision_ref AS "decisionRef"
    FROM org_unit_lineage l
    WHERE l.predecessor_id IN (SELECT unit_id FROM reach WHERE depth < ${hops})
       OR l.successor_id IN (SELECT unit_id FROM reach WHERE depth < ${hops})
    ORDER BY "effectiveDate", "predecessorId", "successorId"
    LIMIT ${max}`;
  const ids = [...new Set(rows.flatMap((r) => [r.predecessorId, r.successorId]))].filter(
    (id) => id !== unitId,
  );
  const units = ids.length
    ? await db.orgUnit.findMany({
        where: { id: { in: ids } },
        select: { id: true, name: true, kind: true, status: true },
        orderBy: { id: 'asc' },
      })
    : [];
  return {
    links: rows.map((r) => ({ ...r, effectiveDate: fromDbDate(r.effectiveDate) })),
    units,
  };
};
