/**
 * The registry in PostgreSQL: load a ward's snapshot (as decided, or as of a date), apply a planned change set
 * in the caller's transaction, and the read models (tree, history, lineage, search).
 *
 * Effective dates: a decision is applied when it is issued, but it takes effect on its effective date.
 * `org_unit` holds the registry *as decided* (every issued change, also those waiting for their date): the
 * state new resolutions are planned against, whose unique live name per parent PostgreSQL enforces.
 * `org_unit_version` / `org_unit_officer` hold the dated truth, and the *live* registry is simply that truth
 * as of today in Hà Nội (`liveDate(clock)`). We chose reading "as of today" over a current table that a
 * scheduled job updates when the date arrives: there is no job to miss, run twice or run late, no moment at
 * midnight when the table lags the calendar, and tests move the date with an injected clock. A change
 * waiting for its date is a version that starts after today: "scheduled" (sắp có hiệu lực).
 */
import {
  type ChangeSet,
  type RegistrySnapshot,
  type RegistryUnit,
  compareVietnamese,
  dateInVietnam,
  searchKey,
  snapshotOf,
} from '@kientoan/domain';
import type { Clock } from '../clock/clock';
import { Prisma, type PrismaClient } from '../../../../prisma/generated/client/client';
import {
  fromDbDate,
  officerRows,
  officersFrom,
  sameOfficers,
  toDbDate,
  unitRow,
  versionRow,
} from './registry-rows';

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

/** Today's date in Hà Nội (YYYY-MM-DD): the date live reads show the registry on. */
export const liveDate = (clock: Clock): string => dateInVietnam(clock.now());

/**
 * The ward's units (dissolved ones included) as decided (every issued change, also those not yet in effect:
 * what a new resolution is planned against), or as they were/will be on `asOf` (YYYY-MM-DD).
 */
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
 * A change set that cannot take effect on its date: a unit already has a change scheduled for a later date,
 * or a name would be used twice under one parent on some day from the effective date on. The caller's
 * transaction is rolled back; the worker reports it as a changed registry (another decision came first).
 */
export class EffectiveDateConflict extends Error {
  constructor(readonly reasons: readonly string[]) {
    super(`The change set cannot take effect on its date: ${reasons.join('; ')}`);
    this.name = 'EffectiveDateConflict';
  }
}

/**
 * Applies a change set in the caller's transaction: the registry as decided, a new version per changed unit
 * (the old one closed on the effective date), officers, lineage. Names of changed units are released first
 * so that a renumbering may swap names inside its series without tripping the unique live-name constraint
 * midway. The unique constraint on `org_unit` covers the registry as decided; a change taking effect before
 * one already scheduled could still make two live units share a name in between, so the versions are
 * checked on every day from the effective date on (`assertLiveNamesUnique`).
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

  // History is a sequence: a unit whose next change is scheduled after this date cannot change before it.
  const later = await tx.orgUnitVersion.findMany({
    where: { unitId: { in: updated.map((c) => c.after.id) }, validFrom: { gt: from } },
    select: { unitId: true, name: true, validFrom: true, decisionRef: true },
  });
  if (later.length)
    throw new EffectiveDateConflict(
      later.map(
        (v) =>
          `${v.unitId}: đã có thay đổi sắp có hiệu lực từ ${fromDbDate(v.validFrom)} (${v.decisionRef ?? v.name}), sau ngày hiệu lực ${context.effectiveDate}`,
      ),
    );

  if (updated.length) {
    // A placeholder unique to each row (not NULL: a live unit always has a live name key, by CHECK).
    await tx.$executeRaw`UPDATE org_unit SET live_name_key = '~' || id WHERE id = ANY(${updated.map((c) => c.after.id)})`;
  }
  await insertCreatedUnits(tx, created, from, context.decisionRef);
  await applyUpdatedUnits(tx, updated, from, context.decisionRef);
  await assertLiveNamesUnique(
    tx,
    [...updated, ...created].map((c) => c.after.id),
    from,
  );
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

type CreatedChange = Extract<ChangeSet['changes'][number], { type: 'created' }>;

/**
 * The created units of a change set: one statement per table for all of them (PostgreSQL checks the tree's
 * foreign key at the end of each statement, so a new unit may hang under another new one).
 */
const insertCreatedUnits = async (
  tx: Prisma.TransactionClient,
  created: readonly CreatedChange[],
  from: Date,
  decisionRef: string | null,
) => {
  if (created.length === 0) return;
  await tx.orgUnit.createMany({ data: created.map((c) => unitRow(c.after)), skipDuplicates: true });
  await tx.orgUnitVersion.createMany({
    data: created.map((c) => versionRow(c.after, from, c.change, decisionRef)),
  });
  const officers = created.flatMap((c) => officerRows(c.after.id, c.after.officers, from, decisionRef));
  if (officers.length) await tx.orgUnitOfficer.createMany({ data: officers });
};

type UpdatedChange = Extract<ChangeSet['changes'][number], { type: 'updated' }>;

/**
 * The updated units of a change set in a handful of statements, however many there are (a 70-rename
 * resolution: 5 statements instead of 223 one-row ones, each of which also bumped the ward's registry
 * version through the statement triggers): the units' rows in one UPDATE from a JSON array, their open
 * versions closed and the new ones inserted in one statement each, and the same for the officers of units
 * whose officers changed. The ward's register lock is held for milliseconds.
 */
const applyUpdatedUnits = async (
  tx: Prisma.TransactionClient,
  updated: readonly UpdatedChange[],
  from: Date,
  decisionRef: string | null,
) => {
  if (updated.length === 0) return;
  const rows = updated.map((c) => unitRow(c.after));
  await tx.$executeRaw`
    UPDATE org_unit AS u SET
      ward_code = r.ward_code, kind = r.kind::"UnitKind", setting = r.setting::"UnitSetting", name = r.name,
      name_key = r.name_key, live_name_key = r.live_name_key, search_key = r.search_key,
      parent_id = r.parent_id, full_members = r.full_members, status = r.status::"UnitStatus",
      updated_at = now()
    FROM jsonb_to_recordset(${JSON.stringify(
      rows.map((r) => ({
        id: r.id,
        ward_code: r.wardCode,
        kind: r.kind,
        setting: r.setting,
        name: r.name,
        name_key: r.nameKey,
        live_name_key: r.liveNameKey,
        search_key: r.searchKey,
        parent_id: r.parentId,
        full_members: r.fullMembers,
        status: r.status,
      })),
    )}::jsonb) AS r(id text, ward_code text, kind text, setting text, name text, name_key text,
                     live_name_key text, search_key text, parent_id text, full_members int, status text)
    WHERE u.id = r.id`;
  const ids = rows.map((r) => r.id);
  // The planner changes a unit at most once per resolution (UNIT_TOUCHED_TWICE); one row per unit here.
  if (new Set(ids).size !== ids.length) throw new Error('A change set updates a unit twice');
  await tx.orgUnitVersion.updateMany({
    where: { unitId: { in: ids }, validTo: null },
    data: { validTo: from },
  });
  await tx.orgUnitVersion.createMany({
    data: updated.map((c) => versionRow(c.after, from, c.change, decisionRef)),
  });
  const officersChanged = updated.filter((c) => !sameOfficers(c.before.officers, c.after.officers));
  if (officersChanged.length === 0) return;
  await tx.orgUnitOfficer.updateMany({
    where: { unitId: { in: officersChanged.map((c) => c.after.id) }, validTo: null },
    data: { validTo: from },
  });
  const officers = officersChanged.flatMap((c) =>
    officerRows(c.after.id, c.after.officers, from, decisionRef),
  );
  if (officers.length) await tx.orgUnitOfficer.createMany({ data: officers });
};

/** Refuses two live units with one name under one parent on any day from `from` on (versions overlapping). */
const assertLiveNamesUnique = async (
  tx: Prisma.TransactionClient,
  unitIds: readonly string[],
  from: Date,
) => {
  if (unitIds.length === 0) return;
  const clashes = await tx.$queryRaw<{ unitId: string; otherId: string; name: string; onDate: Date }[]>`
    SELECT a.unit_id AS "unitId", b.unit_id AS "otherId", a.name, greatest(a.valid_from, b.valid_from) AS "onDate"
    FROM org_unit_version a
    JOIN org_unit_version b
      ON b.parent_id = a.parent_id AND b.name_key = a.name_key AND b.unit_id <> a.unit_id
     AND b.status = 'active'
     AND b.valid_from < coalesce(a.valid_to, 'infinity'::date)
     AND a.valid_from < coalesce(b.valid_to, 'infinity'::date)
    WHERE a.unit_id = ANY(${[...unitIds]}) AND a.status = 'active'
      AND coalesce(a.valid_to, 'infinity'::date) > ${from}
      AND coalesce(b.valid_to, 'infinity'::date) > ${from}
    ORDER BY 1, 2
    LIMIT 20`;
  if (clashes.length)
    throw new EffectiveDateConflict(
      clashes.map(
        (c) =>
          `${c.unitId}: tên "${c.name}" trùng với ${c.otherId} cùng cấp trên vào ngày ${fromDbDate(c.onDate)}`,
      ),
    );
};

/** A change issued and waiting for its effective date (sắp có hiệu lực), with its decision. */
export interface ScheduledChange {
  readonly unitId: string;
  readonly effectiveDate: string;
  readonly change: string | null;
  readonly name: string;
  readonly kind: RegistryUnit['kind'];
  readonly parentId: string | null;
  readonly status: RegistryUnit['status'];
  readonly decision: { readonly symbol: string | null; readonly signedOn: string | null };
}

/** Versions that start after `today`, for one unit or a whole ward, earliest first. */
export const scheduledChanges = async (
  db: Db,
  where: { readonly unitId: string } | { readonly wardCode: string },
  today: string,
): Promise<ScheduledChange[]> => {
  const versions = await db.orgUnitVersion.findMany({
    where: { ...where, validFrom: { gt: toDbDate(today) } },
    orderBy: [{ validFrom: 'asc' }, { id: 'asc' }],
  });
  if (versions.length === 0) return [];
  // The decision that scheduled it: its symbol is on the version, its signing date on the decision.
  const byDecision = {
    issuer: { in: [...new Set(versions.map((v) => v.wardCode))] },
    symbol: { in: [...new Set(versions.flatMap((v) => (v.decisionRef ? [v.decisionRef] : [])))] },
    effectiveDate: { in: [...new Set(versions.map((v) => v.validFrom.getTime()))].map((t) => new Date(t)) },
  };
  const select = { issuer: true, symbol: true, effectiveDate: true, issuedAt: true } as const;
  // Each decision of a set is in the register (issued_document); decisions issued before sets only in decision.
  const decisions = [
    ...(await db.issuedDocument.findMany({ where: { ...byDecision, docType: 'QĐ' }, select })),
    ...(await db.decision.findMany({ where: byDecision, select })),
  ];
  return versions.map((v) => {
    const decision = decisions.find(
      (d) =>
        d.issuer === v.wardCode &&
        d.symbol === v.decisionRef &&
        d.effectiveDate.getTime() === v.validFrom.getTime(),
    );
    return {
      unitId: v.unitId,
      effectiveDate: fromDbDate(v.validFrom),
      change: v.change,
      name: v.name,
      kind: v.kind,
      parentId: v.parentId,
      status: v.status,
      decision: {
        symbol: v.decisionRef,
        signedOn: decision ? dateInVietnam(decision.issuedAt) : null,
      },
    };
  });
};

export interface TreeNode {
  readonly id: string;
  readonly name: string;
  readonly kind: RegistryUnit['kind'];
  readonly setting: RegistryUnit['setting'];
  readonly fullMembers: number;
  readonly secretary: string | null;
  /** Changes issued for this unit and waiting for their date. */
  readonly scheduled: readonly ScheduledChange[];
  readonly children: TreeNode[];
}

/** The live tree of a snapshot, each level in Vietnamese order, with the changes scheduled per unit. */
export const treeOf = (
  snapshot: RegistrySnapshot,
  scheduled: readonly ScheduledChange[] = [],
): TreeNode[] => {
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
        scheduled: scheduled.filter((c) => c.unitId === u.id),
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
  /** The date whose registry is searched (YYYY-MM-DD): live search passes today. */
  readonly onDate: string;
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

/** Search ignoring diacritics and case ("chi bo 5" finds "Chi bộ 5") on a date, in Vietnamese order. */
export const searchUnits = async (
  db: Db,
  options: SearchOptions,
): Promise<{ total: number; items: SearchHit[] }> => {
  const pattern = `%${searchKey(options.q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const on = toDbDate(options.onDate);
  const where = Prisma.sql`v.search_key LIKE ${pattern}
    AND v.valid_from <= ${on} AND (v.valid_to IS NULL OR v.valid_to > ${on})
    ${options.wardCode ? Prisma.sql`AND v.ward_code = ${options.wardCode}` : Prisma.empty}
    ${options.wardCodes ? Prisma.sql`AND v.ward_code = ANY(${[...options.wardCodes]})` : Prisma.empty}
    ${options.includeDissolved ? Prisma.empty : Prisma.sql`AND v.status = 'active'`}`;
  // The page and the number of matches in one pass (a window count): the count and the page each scanned
  // every match before. A page past the end has no row to carry the count: only then is it counted alone.
  const rows = await db.$queryRaw<(SearchHit & { total: number })[]>`
    SELECT v.unit_id AS id, v.name, v.kind::text AS kind, v.status::text AS status, v.full_members AS "fullMembers",
           v.ward_code AS "wardCode", w.name AS "wardName", v.parent_id AS "parentId", p.name AS "parentName",
           count(*) OVER ()::int AS total
    FROM org_unit_version v
    JOIN ward w ON w.code = v.ward_code
    LEFT JOIN org_unit_version p
      ON p.unit_id = v.parent_id AND p.valid_from <= ${on} AND (p.valid_to IS NULL OR p.valid_to > ${on})
    WHERE ${where}
    ORDER BY v.name COLLATE "vi_numeric", v.unit_id
    LIMIT ${options.limit} OFFSET ${options.offset}`;
  const items = rows.map(({ total: _total, ...hit }) => hit);
  if (rows[0]) return { total: rows[0].total, items };
  if (options.offset === 0) return { total: 0, items };
  const [count] = await db.$queryRaw<
    { total: number }[]
  >`SELECT count(*)::int AS total FROM org_unit_version v WHERE ${where}`;
  return { total: count?.total ?? 0, items };
};
