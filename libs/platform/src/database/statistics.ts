import type { PrismaClient } from '../../../../prisma/generated/client/client';

/** The tables a bulk load changes: the registry, its wards and committees, accounts and procedures. */
const BULK_LOADED_TABLES = [
  'ward',
  'ward_committee_member',
  'org_unit',
  'org_unit_version',
  'org_unit_officer',
  'org_unit_lineage',
  'user_account',
  'user_ward_role',
  'procedure',
  'procedure_step',
] as const;

export type BulkLoadedTable = (typeof BULK_LOADED_TABLES)[number];

/**
 * Fresh planner statistics after a seed or an import (thousands of rows at once): without them PostgreSQL
 * plans the registry's reads for empty tables until autovacuum analyzes them, and autovacuum is off on some
 * servers. ANALYZE only reads a sample: about a second for the whole city.
 */
export const refreshStatistics = async (prisma: PrismaClient): Promise<void> => {
  await prisma.$executeRawUnsafe(`ANALYZE ${BULK_LOADED_TABLES.join(', ')}`);
};

/** The same for the tables one load wrote (an import of accounts, of committee members): milliseconds. */
export const refreshStatisticsOf = async (
  prisma: PrismaClient,
  tables: readonly BulkLoadedTable[],
): Promise<void> => {
  // Names from the fixed list above only: nothing from outside reaches this statement. None: nothing to do (a
  // bare ANALYZE would read the whole database).
  const known = tables.filter((t) => BULK_LOADED_TABLES.includes(t));
  if (known.length) await prisma.$executeRawUnsafe(`ANALYZE ${known.join(', ')}`);
};
