/**
 * Issued documents (the decision register, sổ đăng ký văn bản) read through ONE function: the register page,
 * its export, its completeness check and the decision links of the registry's history all call
 * `readIssuedDocuments`. Every document of an issued set is one `issued_document` row (one NQ and its QĐs,
 * numbered per issuer, type and committee term, withdrawn ones marked; see documents/document-register.store).
 * Procedures issued before document sets kept both numbers on their `decision` row (numbered per year): the
 * `issued` query turns such a row into its two documents, so old registers read as before.
 */
import { searchKey } from '@kientoan/domain';
import { Prisma, type PrismaClient } from '../../../../prisma/generated/client/client';
import { fromDbDate } from './registry-rows';

type Db = PrismaClient | Prisma.TransactionClient;

export type IssuedDocumentType = 'NQ' | 'QĐ';
export const ISSUED_DOCUMENT_SORTS = ['issued_desc', 'issued_asc', 'number_desc', 'number_asc'] as const;
export type IssuedDocumentSort = (typeof ISSUED_DOCUMENT_SORTS)[number];

export interface RegisterDocument {
  readonly wardCode: string;
  readonly docType: IssuedDocumentType;
  /** The numbering span: a committee term's key (its first day, or "start"); "2025" for pre-set decisions. */
  readonly series: string;
  readonly number: number;
  /** "Số 01-QĐ/ĐU" */
  readonly symbol: string;
  readonly issuedAt: Date;
  /** YYYY-MM-DD, the signing date in Hà Nội. */
  readonly issuedOn: string;
  /** YYYY-MM-DD */
  readonly effectiveDate: string;
  readonly title: string;
  /** A withdrawn document keeps its number (the register never reuses one). */
  readonly status: 'issued' | 'withdrawn';
  readonly procedureId: string;
  /**
   * Which of the procedure's documents it is (the printable page: /procedures/:id/documents/:document):
   * "resolution" (position 0), "decision" (the first decision, 1) or the document's position ("2", "3", …).
   */
  readonly document: string;
}

/** Where the previous page ended (every sort's key columns; only the sort's own are compared). */
export interface IssuedDocumentCursor {
  readonly issuedAt: string;
  readonly series: string;
  readonly docType: string;
  readonly number: number;
}

export interface IssuedDocumentQuery {
  readonly wardCode: string;
  readonly docType?: IssuedDocumentType;
  /** YYYY-MM-DD, signing date on or after. */
  readonly from?: string;
  /** YYYY-MM-DD, signing date on or before. */
  readonly to?: string;
  /** Words of the title or the number, diacritics and case ignored. */
  readonly text?: string;
  /** Exactly these documents (a registry version's decision reference and its effective date). */
  readonly refs?: readonly { readonly symbol: string; readonly effectiveDate: string }[];
  readonly sort?: IssuedDocumentSort;
  readonly after?: IssuedDocumentCursor;
  /** At most this many rows (the caller asks for one more to know whether a next page exists). */
  readonly limit: number;
}

/**
 * The characters PostgreSQL folds for text search, and what each folds to: every precomposed Vietnamese
 * vowel (5 tones × the plain and hatted/horned vowels) and đ, folded by the domain's own `searchKey`, so the
 * SQL side and the query side fold alike.
 */
const FOLD = (() => {
  const vowels = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
  const tones = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
  const from = [...new Set([...vowels.flatMap((v) => tones.map((t) => `${v}${t}`.normalize('NFC'))), 'đ'])]
    .filter((c) => searchKey(c) !== c)
    .join('');
  return { from, to: [...from].map((c) => searchKey(c)).join('') };
})();
const folded = (column: Prisma.Sql) =>
  Prisma.sql`translate(lower(normalize(${column}, NFC)), ${FOLD.from}, ${FOLD.to})`;

/** One row per issued document, as the register lists it (see the module comment). */
const issued = Prisma.sql`
  SELECT doc.issuer AS ward_code, doc.doc_type, doc.term AS series, doc.number, doc.symbol, doc.issued_at,
         (doc.issued_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS issued_on, doc.effective_date, doc.title,
         CASE WHEN doc.withdrawn_at IS NULL THEN 'issued' ELSE 'withdrawn' END AS status, doc.procedure_id,
         CASE doc.position WHEN 0 THEN 'resolution' WHEN 1 THEN 'decision' ELSE doc.position::text END AS document
  FROM issued_document doc
  UNION ALL
  SELECT d.issuer, old.doc_type, d.year::text, old.number, old.symbol, d.issued_at,
         (d.issued_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, d.effective_date, p.title,
         'issued'::text, d.procedure_id, old.document
  FROM decision d
  JOIN procedure p ON p.id = d.procedure_id
  CROSS JOIN LATERAL (VALUES
    ('NQ'::text, d.resolution_number, d.resolution_symbol::text, 'resolution'::text),
    (d.doc_type::text, d.number, d.symbol::text, 'decision'::text)
  ) AS old(doc_type, number, symbol, document)
  WHERE NOT EXISTS (SELECT 1 FROM issued_document x WHERE x.procedure_id = d.procedure_id)`;

const ORDER: Readonly<Record<IssuedDocumentSort, { dir: 'ASC' | 'DESC'; key: 'issued' | 'number' }>> = {
  issued_desc: { dir: 'DESC', key: 'issued' },
  issued_asc: { dir: 'ASC', key: 'issued' },
  number_desc: { dir: 'DESC', key: 'number' },
  number_asc: { dir: 'ASC', key: 'number' },
};

interface Row {
  ward_code: string;
  doc_type: string;
  series: string;
  number: number;
  symbol: string;
  issued_at: Date;
  issued_on: Date;
  effective_date: Date;
  title: string;
  status: string;
  procedure_id: string;
  document: string;
}

/** The ward's issued documents, filtered and sorted, one keyset page at a time. */
export const readIssuedDocuments = async (
  db: Db,
  query: IssuedDocumentQuery,
): Promise<RegisterDocument[]> => {
  const { dir, key } = ORDER[query.sort ?? 'issued_desc'];
  const direction = Prisma.raw(dir);
  const cmp = Prisma.raw(dir === 'DESC' ? '<' : '>');
  // Every sort ends on (series, type, number), unique in a register, so the keyset is total.
  const sortKey =
    key === 'issued'
      ? Prisma.sql`(issued_at, series, doc_type, number)`
      : Prisma.sql`(series, doc_type, number)`;
  const conditions: Prisma.Sql[] = [Prisma.sql`ward_code = ${query.wardCode}`];
  if (query.docType) conditions.push(Prisma.sql`doc_type = ${query.docType}`);
  if (query.from) conditions.push(Prisma.sql`issued_on >= ${query.from}::date`);
  if (query.to) conditions.push(Prisma.sql`issued_on <= ${query.to}::date`);
  const text = query.text ? searchKey(query.text).trim() : '';
  if (text) {
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      Prisma.sql`(${folded(Prisma.sql`title`)} LIKE ${pattern} OR ${folded(Prisma.sql`symbol`)} LIKE ${pattern})`,
    );
  }
  if (query.refs) {
    if (query.refs.length === 0) return [];
    conditions.push(
      Prisma.sql`(symbol, effective_date) IN (${Prisma.join(
        query.refs.map((r) => Prisma.sql`(${r.symbol}, ${r.effectiveDate}::date)`),
      )})`,
    );
  }
  if (query.after) {
    const a = query.after;
    conditions.push(
      key === 'issued'
        ? Prisma.sql`${sortKey} ${cmp} (${new Date(a.issuedAt)}::timestamptz, ${a.series}, ${a.docType}, ${a.number})`
        : Prisma.sql`${sortKey} ${cmp} (${a.series}, ${a.docType}, ${a.number})`,
    );
  }
  const orderBy =
    key === 'issued'
      ? Prisma.sql`issued_at ${direction}, series ${direction}, doc_type ${direction}, number ${direction}`
      : Prisma.sql`series ${direction}, doc_type ${direction}, number ${direction}`;
  const rows = await db.$queryRaw<Row[]>`
    SELECT * FROM (${issued}) AS register
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY ${orderBy}
    LIMIT ${query.limit}`;
  return rows.map((r) => ({
    wardCode: r.ward_code,
    docType: r.doc_type as IssuedDocumentType,
    series: r.series,
    number: r.number,
    symbol: r.symbol,
    issuedAt: r.issued_at,
    issuedOn: fromDbDate(r.issued_on),
    effectiveDate: fromDbDate(r.effective_date),
    title: r.title,
    status: r.status === 'withdrawn' ? 'withdrawn' : 'issued',
    procedureId: r.procedure_id,
    document: r.document,
  }));
};

/** The cursor for the page after `last`. */
export const issuedDocumentCursor = (last: RegisterDocument): IssuedDocumentCursor => ({
  issuedAt: last.issuedAt.toISOString(),
  series: last.series,
  docType: last.docType,
  number: last.number,
});
