/**
 * `npm run seed`: generates the city below the 126 communes and wards. Idempotent: a ward that already has
 * units is left alone, so a second run changes nothing. Shows progress per ward.
 */
import { Logger } from '@nestjs/common';
import { type PrismaClient, insertUnits, refreshStatistics } from '@kientoan/platform';
import { generateWard } from './city-generator';

export const REFORM_DATE = '2025-07-01';

export interface SeedReport {
  readonly wardsSeeded: number;
  readonly wardsSkipped: number;
  readonly unitsCreated: number;
  readonly unitsTotal: number;
  readonly seconds: number;
}

export const seedCity = async (
  prisma: PrismaClient,
  seed: number,
  logger = new Logger('seed'),
): Promise<SeedReport> => {
  const started = Date.now();
  const wards = await prisma.ward.findMany({
    where: { ordinal: { lte: 1000 } },
    orderBy: { ordinal: 'asc' },
  });
  if (wards.length === 0)
    throw new Error(
      'No communes or wards: run "npm run setup" (it loads data/hanoi-communes-wards-2025.tsv).',
    );
  const seeded = new Set((await prisma.orgUnit.groupBy({ by: ['wardCode'] })).map((g) => g.wardCode));
  let created = 0;
  let skipped = 0;
  for (const [index, ward] of wards.entries()) {
    const progress = `[${String(index + 1).padStart(3)}/${wards.length}]`;
    if (seeded.has(ward.code)) {
      skipped += 1;
      continue;
    }
    const units = generateWard(ward, seed);
    await prisma.$transaction(
      (tx) => insertUnits(tx, units, { effectiveDate: REFORM_DATE, decisionRef: null, change: 'seed' }),
      {
        timeout: 60_000,
      },
    );
    created += units.length;
    logger.log(`${progress} ${ward.name}: ${units.length} units (${created} so far)`);
  }
  // Fresh statistics at once (do not wait for autovacuum, which may be off).
  if (created > 0) await refreshStatistics(prisma);
  const unitsTotal = await prisma.orgUnit.count();
  const report = {
    wardsSeeded: wards.length - skipped,
    wardsSkipped: skipped,
    unitsCreated: created,
    unitsTotal,
    seconds: (Date.now() - started) / 1000,
  };
  logger.log(
    `Seed ${seed}: ${report.wardsSeeded} wards generated, ${skipped} already present; ${created} units created, ${unitsTotal} in the registry (${report.seconds.toFixed(1)} s)`,
  );
  return report;
};
