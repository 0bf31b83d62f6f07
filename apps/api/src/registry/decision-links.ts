import { type RegisterDocument, type PrismaClient, readIssuedDocuments } from '@kientoan/platform';

export interface DecisionRef {
  readonly decisionRef: string | null;
  /** YYYY-MM-DD: the version's, officer period's or link's start, which is the decision's effective date. */
  readonly date: string;
}

/**
 * The issued documents behind a unit's (or a ward's) dated registry rows, read through the register's one
 * repository function: a row names its decision by number ("Số 01-QĐ/ĐU") and starts on its effective date;
 * numbers repeat across years (and terms), the pair does not.
 */
export const decisionLinks = async (
  prisma: PrismaClient,
  wardCode: string,
  refs: readonly DecisionRef[],
): Promise<(ref: DecisionRef) => RegisterDocument | null> => {
  const wanted = new Map<string, { symbol: string; effectiveDate: string }>();
  for (const r of refs)
    if (r.decisionRef)
      wanted.set(`${r.decisionRef}|${r.date}`, { symbol: r.decisionRef, effectiveDate: r.date });
  const found = wanted.size
    ? await readIssuedDocuments(prisma, { wardCode, refs: [...wanted.values()], limit: wanted.size * 2 })
    : [];
  const byKey = new Map(found.map((d) => [`${d.symbol}|${d.effectiveDate}`, d]));
  return (ref) => (ref.decisionRef ? (byKey.get(`${ref.decisionRef}|${ref.date}`) ?? null) : null);
};
