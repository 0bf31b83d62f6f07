/**
 * The registry in PostgreSQL: load a ward's snapshot (now or as of a date), apply a planned change set in
 * the caller's transaction, and the read models (tree, history, lineage, search).
 */
import {
  type ChangeSet,
  type RegistrySnapshot,
  type RegistryUnit,
  compareVietnamese,
  searchKey,
  snapshotOf,
} from '@kientoan/domain';
import { Prisma, type PrismaClient } from '../../../../prisma/generated/client/client';
import { officerRows, officersFrom, sameOfficers, toDbDate, unitRow, versionRow } from './registry-rows';

type Db = PrismaClient | Prisma.TransactionClient;

export interface ApplyContext {
  /** YYYY-MM-DD: the decision's effective date. */
  readonly effectiveDate: string;
  /** e.g. "Số 3-QĐ/ĐU" */
  readonly decisionRef: string | null;
}

const validOn = (date: Date) => ({
  validFrom: { lte: date },
  OR: [{ validTo: null }, { validTo: { gt: date } }],
});

/** The ward's units (dissolved ones included) now, or as they were on `asOf` (YYYY-MM-DD). */
export const loadSnapshot = async (db: Db, wardCode: string, asOf?: string): Promise<RegistrySnapshot> => {
  if (!asOf) {
    const units = await db.orgUnit.findMany({
      where: { wardCode },
      include: { officers: { where: { validTo: null }, orderBy: { id: 'asc' } } },
    });
    return snapshotOf(units.map((u) => ({ ...u, officers: officersFrom(u.officers) })));
  }
  const date = toDbDate(asOf);
  const versions = await db.orgUnitVersion.findMany({ where: { wardCode, ...validOn(date) } });
  const officers = await db.orgUnitOfficer.findMany({
    where: { unitId: { in: versions.map((v) => v.unitId) }, ...validOn(date) },
    orderBy: { id: 'asc' },
  });
  return snapshotOf(
    versions.map((v) => ({
      id: v.unitId,
      wardCode: v.wardCode,
      kind: v.kind,
      setting: v.setting,
      name: v.name,
      parentId: v.parentId,
      fullMembers: v.fullMembers,
      status: v.status,
      officers: officersFrom(officers.filter((o) => o.unitId === v.unitId)),
    })),
  );
};

/** Inserts new units with their first version and officers (seed, import, establishment). */
export const insertUnits = async (
  tx: Db,
  units: readonly RegistryUnit[],
  context: ApplyContext & { change: string | null },
) => {
  const from = toDbDate(context.effectiveDate);
  // One statement per table: PostgreSQL checks the tree's foreign key at the end of each statement.
  await tx.orgUnit.createMany({ data: units.map(unitRow), skipDuplicates: true });
  await tx.orgUnitVersion.createMany({
    data: units.map((u) => versionRow(u, from, context.change, context.decisionRef)),
  });
  const officers = units.flatMap((u) => officerRows(u.id, u.officers, from, context.decisionRef));
  if (officers.length) await tx.orgUnitOfficer.createMany({ data: officers });
};

/**
 * Applies a change set in the caller's transaction: current state, a new version per changed unit (the old
 * one closed on the effective date), officers, lineage. Names of changed units are released first so that a
 * renumbering may swap names inside its series without tripping the unique live-name constraint midway.
 */
export const applyChangeSet = async (
  tx: Prisma.TransactionClient,
  changeSet: ChangeSet,
  context: ApplyContext,
) => {
  // The wards' rows first, in one order: every registry writer takes them before its units (the triggers that
  // bump the registry version update them), so two writers never wait for each other in opposite order.
  const wards = [...new Set(changeSet.changes.map((c) => c.after.wardCode))].sort();
  if (wards.length)
    await tx.$queryRaw`SELECT code FROM ward WHERE code = ANY(${wards}) ORDER BY code FOR NO KEY UPDATE`;
  const from = toDbDate(context.effectiveDate);
  const updated = changeSet.changes.filter((c) => c.type === 'updated');
  const created = changeSet.changes.filter((c) => c.type === 'created');

  if (updated.length) {
    // A placeholder unique to each row (not NULL: a live unit always has a live name key, by CHECK).
    await tx.$executeRaw`UPDATE org_unit SET live_name_key = '~' || id WHERE id = ANY(${updated.map((c) => c.after.id)})`;
  }
  for (const change of created) {
    await insertUnits(tx, [change.after], { ...context, change: change.change });
  }
  for (const change of updated) {
    const { id, ...current } = unitRow(change.after);
    await tx.orgUnit.update({ where: { id }, data: current });
    await tx.orgUnitVersion.updateMany({ where: { unitId: id, validTo: null }, data: { validTo: from } });
    await tx.orgUnitVersion.create({
      data: versionRow(change.after, from, change.change, context.decisionRef),
    });
    if (!sameOfficers(change.before.officers, change.after.officers)) {
      await tx.orgUnitOfficer.updateMany({ where: { unitId: id, validTo: null }, data: { validTo: from } });
      await tx.orgUnitOfficer.createMany({
        data: officerRows(id, change.after.officers, from, context.decisionRef),
      });
    }
  }
  if (changeSet.lineage.length) {
    await tx.orgUnitLineage.createMany({
      data: changeSet.lineage.map((l) => ({
        predecessorId: l.predecessorId,
        successorId: l.successorId,
        change: l.change,
        effectiveDate: from,
        decisionRef: context.decisionRef,
      })),
    });
  }
};

export interface TreeNode {
  readonly id: string;
  readonly name: string;
  readonly kind: RegistryUnit['kind'];
  readonly setting: RegistryUnit['setting'];
  readonly fullMembers: number;
  readonly secretary: string | null;
  readonly children: TreeNode[];
}

/** The live tree of a snapshot, each level in Vietnamese order. */
export const treeOf = (snapshot: RegistrySnapshot): TreeNode[] => {
  const live = [...snapshot.values()].filter((u) => u.status === 'active');
  const byParent = new Map<string | null, RegistryUnit[]>();
  for (const unit of live) {
    const key = unit.parentId && snapshot.get(unit.parentId)?.status === 'active' ? unit.parentId : null;
    byParent.set(key, [...(byParent.get(key) ?? []), unit]);
  }
  const build = (parentId: string | null): TreeNode[] =>
    (byParent.get(parentId) ?? [])
      .sort((a, b) => compareVietnamese(a.name, b.name))
      .map((u) => ({
        id: u.id,
        name: u.name,
        kind: u.kind,
        setting: u.setting,
        fullMembers: u.fullMembers,
        secretary: u.officers.secretary,
        children: build(u.id),
      }));
  return build(null);
};

/** A unit's history: every version, officers over time, and lineage both ways. */
export const unitHistory = async (db: Db, unitId: string) => {
  const unit = await db.orgUnit.findUnique({
    where: { id: unitId },
    include: {
      versions: { orderBy: [{ validFrom: 'asc' }, { id: 'asc' }] },
      officers: { orderBy: [{ validFrom: 'asc' }, { id: 'asc' }] },
      predecessors: { include: { predecessor: { select: { id: true, name: true } } } },
      successors: { include: { successor: { select: { id: true, name: true } } } },
      parent: { select: { id: true, name: true } },
    },
  });
  return unit;
};

export interface SearchOptions {
  readonly q: string;
  readonly wardCode?: string;
  /** Restricts the search to these wards (an empty list finds nothing). */
  readonly wardCodes?: readonly string[];
  readonly includeDissolved?: boolean;
  readonly limit: number;
  readonly offset: number;
}

export interface SearchHit {
  readonly id: string;
  readonly name: string;
  readonly kind: RegistryUnit['kind'];
  readonly status: RegistryUnit['status'];
  readonly fullMembers: number;
  readonly wardCode: string;
  readonly wardName: string;
  readonly parentId: string | null;
  readonly parentName: string | null;
}

/** Search ignoring diacritics and case ("chi bo 5" finds "Chi bộ 5"), in Vietnamese order. */
export const searchUnits = async (
  db: Db,
  options: SearchOptions,
): Promise<{ total: number; items: SearchHit[] }> => {
  const pattern = `%${searchKey(options.q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where = Prisma.sql`u.search_key LIKE ${pattern}
    ${options.wardCode ? Prisma.sql`AND u.ward_code = ${options.wardCode}` : Prisma.empty}
    ${options.wardCodes ? Prisma.sql`AND u.ward_code = ANY(${[...options.wardCodes]})` : Prisma.empty}
    ${options.includeDissolved ? Prisma.empty : Prisma.sql`AND u.status = 'active'`}`;
  const [count] = await db.$queryRaw<
    { total: number }[]
  >`SELECT count(*)::int AS total FROM org_unit u WHERE ${where}`;
  const items = await db.$queryRaw<SearchHit[]>`
    SELECT u.id, u.name, u.kind::text AS kind, u.status::text AS status, u.full_members AS "fullMembers",
           u.ward_code AS "wardCode", w.name AS "wardName", u.parent_id AS "parentId", p.name AS "parentName"
    FROM org_unit u
    JOIN ward w ON w.code = u.ward_code
    LEFT JOIN org_unit p ON p.id = u.parent_id
    WHERE ${where}
    ORDER BY u.name COLLATE "vi_numeric", u.id
    LIMIT ${options.limit} OFFSET ${options.offset}`;
  return { total: count?.total ?? 0, items };
};
