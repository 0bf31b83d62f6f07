import fs from 'node:fs';
import { Logger } from '@nestjs/common';
import { type PrismaClient, applyChangeSet, loadSnapshot, refreshStatistics } from '@kientoan/platform';
import { type RowProblem, planImport } from './unit-import';

export type ImportOutcome =
  { readonly ok: true; readonly created: number } | { readonly ok: false; readonly problems: RowProblem[] };

/** Imports a CSV file of units into one ward, in one transaction, or reports every bad row and imports nothing. */
export const importUnitsFromCsv = async (
  prisma: PrismaClient,
  wardCode: string,
  csv: string,
  effectiveDate: string,
): Promise<ImportOutcome> => {
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
    const plan = planImport(csv, wardCode, await loadSnapshot(tx, wardCode));
    if (!plan.ok) return plan;
    await applyChangeSet(tx, plan.changeSet, { effectiveDate, decisionRef: 'import' });
    return { ok: true as const, created: plan.changeSet.changes.length };
  });
};

export const runImport = async (
  prisma: PrismaClient,
  wardCode: string,
  file: string,
  effectiveDate: string,
  logger = new Logger('import'),
) => {
  const outcome = await importUnitsFromCsv(prisma, wardCode, fs.readFileSync(file, 'utf8'), effectiveDate);
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
