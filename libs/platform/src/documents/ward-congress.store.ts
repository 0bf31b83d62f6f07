/**
 * A ward's congresses (ward_congress), read and set by an admin (API) or an operator (CLI): the same checks and
 * the same audit entry either way. Setting them replaces the ward's list in one transaction that first locks the
 * ward's registers (an issue numbering documents at the same moment waits, then sees the new terms) and refuses a
 * change that would move an already numbered document to another term (409, libs/domain ward-congresses).
 */
import {
  type NumberedDocument,
  type WardCongress,
  checkCongressChange,
  committeeTermOn,
  dateInVietnam,
  wardNotFound,
} from '@kientoan/domain';
import { z } from 'zod';
import type { Prisma, PrismaClient } from '../../../../prisma/generated/client/client';
import type { AuditSink } from '../accounts/account-administration';
import { fromDbDate, toDbDate } from '../registry/registry-rows';

type Db = PrismaClient | Prisma.TransactionClient;

/** The documents numbered in one committee term of the ward (the register's series), for the admin to see. */
export interface NumberedTerm {
  /** The term's key: its first day, or "start" before the first congress. */
  readonly term: string;
  /** YYYY-MM-DD, inclusive; null: from the ward's creation / still running. */
  readonly from: string | null;
  readonly to: string | null;
  readonly documents: number;
  /** YYYY-MM-DD (Hà Nội) of the first and last document numbered in it. */
  readonly firstDay: string;
  readonly lastDay: string;
}

export interface WardCongressesView {
  readonly wardCode: string;
  readonly wardName: string;
  /** "phường Kim Liên", "xã Đan Phượng": as congresses are named ("Đại hội Đảng bộ phường Kim Liên …"). */
  readonly wardTitle: string;
  readonly congresses: readonly WardCongress[];
  readonly numberedTerms: readonly NumberedTerm[];
}

const numberedDocuments = async (db: Db, wardCode: string): Promise<NumberedDocument[]> =>
  (
    await db.issuedDocument.findMany({
      where: { issuer: wardCode },
      orderBy: [{ issuedAt: 'asc' }, { id: 'asc' }],
      select: { symbol: true, docType: true, term: true, issuedAt: true },
    })
  ).map((d) => ({ symbol: d.symbol, docType: d.docType, term: d.term, day: dateInVietnam(d.issuedAt) }));

const congressesOfWard = async (db: Db, wardCode: string): Promise<WardCongress[]> =>
  (
    await db.wardCongress.findMany({
      where: { wardCode },
      orderBy: { ordinal: 'asc' },
      select: { ordinal: true, name: true, closedOn: true },
    })
  ).map((c) => ({ ordinal: c.ordinal, name: c.name, closedOn: fromDbDate(c.closedOn) }));

const requireWard = async (db: Db, wardCode: string) => {
  const ward = await db.ward.findUnique({
    where: { code: wardCode },
    select: { code: true, name: true, kind: true },
  });
  if (!ward) throw wardNotFound(wardCode);
  return ward;
};

const viewOf = async (
  db: Db,
  ward: { code: string; name: string; kind: string },
): Promise<WardCongressesView> => {
  const congresses = await congressesOfWard(db, ward.code);
  const documents = await numberedDocuments(db, ward.code);
  const terms = new Map<string, NumberedDocument[]>();
  for (const d of documents) terms.set(d.term, [...(terms.get(d.term) ?? []), d]);
  return {
    wardCode: ward.code,
    wardName: ward.name,
    wardTitle: `${ward.kind === 'phuong' ? 'phường' : 'xã'} ${ward.name}`,
    congresses,
    numberedTerms: [...terms.entries()].map(([term, docs]) => {
      const span = committeeTermOn(congresses, docs[0]!.day);
      return {
        term,
        from: span.from ?? null,
        to: span.to ?? null,
        documents: docs.length,
        firstDay: docs[0]!.day,
        lastDay: docs.at(-1)!.day,
      };
    }),
  };
};

export const readWardCongresses = async (db: Db, wardCode: string): Promise<WardCongressesView> =>
  viewOf(db, await requireWard(db, wardCode));

/**
 * Replaces the ward's congresses (in order, 1, 2 …), audited as `ward.congresses_set` with before and after;
 * nothing is written when a check fails.
 */
export const setWardCongresses = (
  prisma: PrismaClient,
  wardCode: string,
  congresses: readonly WardCongress[],
  audit: AuditSink,
): Promise<WardCongressesView> =>
  prisma.$transaction(async (tx) => {
    const ward = await requireWard(tx, wardCode);
    // An issue of this ward numbering at the same moment holds (or waits for) these rows.
    await tx.$queryRaw`SELECT 1 FROM "document_register" WHERE "issuer" = ${wardCode} FOR UPDATE`;
    await tx.$queryRaw`SELECT 1 FROM "ward_congress" WHERE "ward_code" = ${wardCode} FOR UPDATE`;
    const before = await congressesOfWard(tx, wardCode);
    checkCongressChange(congresses, await numberedDocuments(tx, wardCode), before);
    await tx.wardCongress.deleteMany({ where: { wardCode } });
    if (congresses.length)
      await tx.wardCongress.createMany({
        data: congresses.map((c) => ({
          wardCode,
          ordinal: c.ordinal,
          name: c.name,
          closedOn: toDbDate(c.closedOn),
        })),
      });
    await audit(tx, {
      action: 'ward.congresses_set',
      role: 'admin',
      wardCode,
      before: { congresses: before },
      after: { congresses },
    });
    return viewOf(tx, ward);
  });

/** What an admin sends (API body, CLI arguments): the ward's whole list of congresses, in order. */
export const wardCongressSchema = z
  .object({
    ordinal: z.number().int().min(1).max(99).describe('1 = lần thứ Nhất, 2 = lần thứ Hai …'),
    name: z
      .string()
      .trim()
      .min(1)
      .max(300)
      .describe('Tên đại hội, ví dụ "Đại hội Đảng bộ phường … lần thứ Nhất"'),
    closedOn: z.iso.date().describe('Ngày bế mạc (YYYY-MM-DD): ngày cuối của nhiệm kỳ cũ'),
  })
  .strict();
export const setWardCongressesSchema = z.object({ congresses: z.array(wardCongressSchema).max(50) }).strict();
export type SetWardCongresses = z.output<typeof setWardCongressesSchema>;
