/**
 * The issuer's registers (sổ đăng ký văn bản) in PostgreSQL: numbers per issuer, document type and committee
 * term (document_register), every issued document one row (issued_document), a ward's congresses (ward_congress).
 *
 * - Numbers are taken only inside the issue step's transaction (`takeNumbers`), so a procedure withdrawn or
 *   cancelled before issue holds none, and a rolled-back issue leaves no gap.
 * - A number once taken is never reused: issued_document rows are never deleted (a trigger refuses it) and the
 *   register only grows. A document is withdrawn (thu hồi) only by `withdrawIssuedDocument`: it stays in the
 *   register, marked withdrawn with who, when and why; its number stays taken.
 * - `listIssuedDocuments` is THE read of a ward's register (number, type, date, title, procedure, withdrawn).
 */
import {
  type CommitteeTerm,
  type Congress,
  type DocumentType,
  type TermYears,
  committeeTermOn,
  dateInVietnam,
  termYearsOn,
} from '@kientoan/domain';
import type { Prisma, PrismaClient } from '../../../../prisma/generated/client/client';
import { fromDbDate, toDbDate } from '../registry/registry-rows';

type Db = PrismaClient | Prisma.TransactionClient;

/** The register key of a term: its first day, or "start" for the appointed committee before the first congress. */
export const termKey = (term: CommitteeTerm) => term.from ?? 'start';

export const congressesOf = async (db: Db, wardCode: string): Promise<Congress[]> =>
  (
    await db.wardCongress.findMany({
      where: { wardCode },
      orderBy: { ordinal: 'asc' },
      select: { name: true, closedOn: true },
    })
  ).map((c) => ({ name: c.name, closedOn: fromDbDate(c.closedOn) }));

/** The committee term of a ward on the day of an instant (in Hà Nội). */
export const wardTermAt = async (db: Db, wardCode: string, at: Date) =>
  committeeTermOn(await congressesOf(db, wardCode), dateInVietnam(at));

/**
 * The committee term of a ward on the day of an instant (in Hà Nội) and the years its documents name it by
 * ("nhiệm kỳ 2025 - 2030"), from one read of the congresses: a document's text names the term its number is
 * taken in.
 */
export const wardTermWithYearsAt = async (
  db: Db,
  wardCode: string,
  at: Date,
): Promise<{ readonly term: CommitteeTerm; readonly years: TermYears }> => {
  const congresses = await congressesOf(db, wardCode);
  const day = dateInVietnam(at);
  return { term: committeeTermOn(congresses, day), years: termYearsOn(congresses, day) };
};

/**
 * Takes `count` consecutive numbers from a register (one statement; the row lock holds other issuers of the
 * same register until the transaction ends); returns the first.
 */
export const takeNumbers = async (
  tx: Prisma.TransactionClient,
  register: { readonly issuer: string; readonly docType: DocumentType; readonly term: string },
  count: number,
): Promise<number> => {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`Invalid count ${count}`);
  const row = await tx.documentRegister.upsert({
    where: { issuer_docType_term: register },
    create: { ...register, lastNumber: count },
    update: { lastNumber: { increment: count } },
  });
  return row.lastNumber - count + 1;
};

export interface IssuedDocumentRow {
  readonly procedureId: string;
  readonly position: number;
  readonly issuer: string;
  readonly docType: DocumentType;
  readonly term: string;
  readonly number: number;
  readonly symbol: string;
  readonly purpose: string;
  readonly unitId?: string;
  readonly title: string;
  readonly recipients: readonly { readonly unitId: string; readonly unitName: string }[];
  readonly issuedAt: Date;
  /** YYYY-MM-DD */
  readonly effectiveDate: string;
  readonly text: string;
  readonly html: string;
}

export const recordIssuedDocuments = (tx: Prisma.TransactionClient, rows: readonly IssuedDocumentRow[]) =>
  tx.issuedDocument.createMany({
    data: rows.map((r) => ({
      ...r,
      unitId: r.unitId ?? null,
      recipients: r.recipients,
      effectiveDate: toDbDate(r.effectiveDate),
    })),
  });

/** One entry of a ward's register, as the register page and the procedure's document list show it. */
export interface RegisterEntry {
  readonly id: string;
  readonly procedureId: string;
  readonly position: number;
  readonly docType: DocumentType;
  readonly term: string;
  readonly number: number;
  readonly symbol: string;
  readonly purpose: string;
  readonly unitId: string | null;
  readonly title: string;
  readonly recipients: readonly { readonly unitId: string; readonly unitName: string }[];
  readonly issuedAt: Date;
  /** YYYY-MM-DD */
  readonly effectiveDate: string;
  readonly withdrawn: null | { readonly at: Date; readonly by: string; readonly reason: string };
}

const entrySelect = {
  id: true,
  procedureId: true,
  position: true,
  docType: true,
  term: true,
  number: true,
  symbol: true,
  purpose: true,
  unitId: true,
  title: true,
  recipients: true,
  issuedAt: true,
  effectiveDate: true,
  withdrawnAt: true,
  withdrawnBy: true,
  withdrawnReason: true,
} as const;

type EntryRow = Prisma.IssuedDocumentGetPayload<{ select: typeof entrySelect }>;

const toEntry = (r: EntryRow): RegisterEntry => ({
  id: r.id.toString(),
  procedureId: r.procedureId,
  position: r.position,
  docType: r.docType as DocumentType,
  term: r.term,
  number: r.number,
  symbol: r.symbol,
  purpose: r.purpose,
  unitId: r.unitId,
  title: r.title,
  recipients: r.recipients as unknown as RegisterEntry['recipients'],
  issuedAt: r.issuedAt,
  effectiveDate: fromDbDate(r.effectiveDate),
  withdrawn:
    r.withdrawnAt && r.withdrawnBy && r.withdrawnReason
      ? { at: r.withdrawnAt, by: r.withdrawnBy, reason: r.withdrawnReason }
      : null,
});

/**
 * A ward's register: its issued documents (withdrawn ones included, marked), by type, term and number.
 * Optional filters: one type, one term, issued within [from, to) instants.
 */
export const listIssuedDocuments = async (
  db: Db,
  wardCode: string,
  filter: {
    readonly docType?: DocumentType;
    readonly term?: string;
    readonly issuedFrom?: Date;
    readonly issuedBefore?: Date;
  } = {},
): Promise<RegisterEntry[]> =>
  (
    await db.issuedDocument.findMany({
      where: {
        issuer: wardCode,
        ...(filter.docType ? { docType: filter.docType } : {}),
        ...(filter.term ? { term: filter.term } : {}),
        ...(filter.issuedFrom || filter.issuedBefore
          ? {
              issuedAt: {
                ...(filter.issuedFrom ? { gte: filter.issuedFrom } : {}),
                ...(filter.issuedBefore ? { lt: filter.issuedBefore } : {}),
              },
            }
          : {}),
      },
      orderBy: [{ term: 'asc' }, { docType: 'asc' }, { number: 'asc' }],
      select: entrySelect,
    })
  ).map(toEntry);

/** A procedure's documents in the set's fixed order (0: the resolution). */
export const procedureDocuments = async (db: Db, procedureId: string): Promise<RegisterEntry[]> =>
  (
    await db.issuedDocument.findMany({
      where: { procedureId },
      orderBy: { position: 'asc' },
      select: entrySelect,
    })
  ).map(toEntry);

/** One issued document with its texts. */
export const issuedDocumentText = (db: Db, procedureId: string, position: number) =>
  db.issuedDocument.findUnique({
    where: { procedureId_position: { procedureId, position } },
    select: { symbol: true, title: true, docType: true, text: true, html: true, withdrawnAt: true },
  });

/**
 * Withdraws (thu hồi) an issued document: it stays in the register with its number (never reused), marked
 * withdrawn. Answers false when it was withdrawn already (nothing changes; the first withdrawal stands).
 */
export const withdrawIssuedDocument = async (
  tx: Prisma.TransactionClient,
  document: { readonly procedureId: string; readonly position: number },
  mark: { readonly at: Date; readonly by: string; readonly reason: string },
): Promise<boolean> => {
  const { count } = await tx.issuedDocument.updateMany({
    where: { procedureId: document.procedureId, position: document.position, withdrawnAt: null },
    data: { withdrawnAt: mark.at, withdrawnBy: mark.by, withdrawnReason: mark.reason },
  });
  return count === 1;
};
