import fs from 'node:fs';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import { isDomainError } from '@kientoan/domain';
import {
  type PrismaClient,
  applyChangeSet,
  loadSnapshot,
  readSheet,
  refreshStatistics,
} from '@kientoan/platform';
import { type RowProblem, planImport } from './unit-import';

export type ImportOutcome =
  { readonly ok: true; readonly created: number } | { readonly ok: false; readonly problems: RowProblem[] };

/**
 * Imports a spreadsheet of units (.csv or .xlsx) into one ward, in one transaction, or reports every bad row
 * and imports nothing.
 */
export const importUnitsFromSheet = async (
  prisma: PrismaClient,
  wardCode: string,
  bytes: Buffer,
  fileName: string,
  effectiveDate: string,
): Promise<ImportOutcome> => {
  let records;
  try {
    records = await readSheet(bytes, fileName);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return {
      ok: false,
      problems: [{ line: 0, field: 'file', message: error.messageVi, messageEn: error.messageEn }],
    };
  }
  const ward = await prisma.ward.findUnique({ where: { code: wardCode } });
  if (!ward)
    return {
      ok: false,
      problems: [
        {
          line: 0,
          field: 'wardCode',
          message: `Không có xã, phường "${wardCode}".`,
          messageEn: `No commune or ward "${wardCode}".`,
        },
      ],
    };
  return prisma.$transaction(async (tx) => {
    const plan = planImport(records, wardCode, await loadSnapshot(tx, wardCode));
    if (!plan.ok) return plan;
    await applyChangeSet(tx, plan.changeSet, { effectiveDate, decisionRef: 'import' });
    return { ok: true as const, created: plan.changeSet.changes.length };
  });
};

/** CSV text (UTF-8) of units: see importUnitsFromSheet. */
export const importUnitsFromCsv = (
  prisma: PrismaClient,
  wardCode: string,
  csv: string,
  effectiveDate: string,
): Promise<ImportOutcome> =>
  importUnitsFromSheet(prisma, wardCode, Buffer.from(csv, 'utf8'), 'units.csv', effectiveDate);

export const runImport = async (
  prisma: PrismaClient,
  wardCode: string,
  file: string,
  effectiveDate: string,
  logger = new Logger('import'),
) => {
  const outcome = await importUnitsFromSheet(
    prisma,
    wardCode,
    fs.readFileSync(file),
    path.basename(file),
    effectiveDate,
  );
  if (outcome.ok) {
    // Fresh statistics at once (do not wait for autovacuum, which may be off).
    await refreshStatistics(prisma);
    logger.log(`Imported ${outcome.created} units into ${wardCode}`);
    return 0;
  }
  logger.error(`Nothing imported: ${outcome.problems.length} problem(s) in ${file}`);
  for (const p of outcome.problems)
    logger.error(`Dòng ${p.line}, ${p.field}: ${p.message} (line ${p.line}: ${p.messageEn})`);
  return 1;
};
