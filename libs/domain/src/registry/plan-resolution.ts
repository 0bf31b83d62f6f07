/**
 * Turns a proposed resolution into a change set, or into the list of every rule it breaks. Pure: the
 * registry snapshot, the rules and the id generator are passed in. Items are planned in order against a
 * working copy, so a later item can build on an earlier one (establish a committee, then move cells under it).
 */
import type { ChangeKind } from '../procedure/change-kind';
import { checkText } from '../text/clean-text';
import { nameKey } from '../text/vietnamese-text';
import type { ChangeSet, LineageLink, UnitChange } from './change-set';
import {
  NO_OFFICERS,
  type RegistrySnapshot,
  type RegistryUnit,
  isSelfOrDescendant,
  liveChildren,
} from './registry-unit';
import type { ResolutionItem } from './resolution-item';
import { type RegistryViolation, type RegistryViolationCode, VIOLATION_MESSAGES } from './registry-violation';
import { STATUTE_RULES, type StatuteRules } from './statute-rules';
import { ALLOWED_PARENT_KINDS, type UnitKind, isGrassroots } from './unit-kind';

export interface PlanOptions {
  readonly wardCode: string;
  readonly rules?: StatuteRules;
  /** Ids for units the resolution creates; called once per new unit, in item order. */
  readonly newUnitId: () => string;
}

export type PlanResult =
  | { readonly ok: true; readonly changeSet: ChangeSet }
  | { readonly ok: false; readonly violations: readonly RegistryViolation[] };

class Planner {
  private readonly units: Map<string, RegistryUnit>;
  private readonly touchedBy = new Map<string, number>();
  private readonly refs = new Map<string, string>();
  /**
   * Name keys computed once per name: the sibling checks compare every item's name with every sibling's, and
   * a key (the confusable skeleton) costs three normalizations (a 96-item resolution: ~9,000 keys, 1-3 s).
   */
  private readonly keys = new Map<string, string>();
  readonly changes: UnitChange[] = [];
  readonly lineage: LineageLink[] = [];
  readonly violations: RegistryViolation[] = [];

  constructor(
    snapshot: RegistrySnapshot,
    private readonly options: PlanOptions,
    private readonly rules: StatuteRules,
  ) {
    this.units = new Map(snapshot);
  }

  private violate(
    code: RegistryViolationCode,
    itemIndex: number,
    field: string,
    detail: Record<string, string | number> = {},
  ) {
    const { vi, en } = VIOLATION_MESSAGES[code](detail, this.rules);
    this.violations.push({
      code,
      itemIndex,
      field: `items[${itemIndex}].${field}`,
      message: vi,
      messageEn: en,
    });
  }

  private get wardCommittee(): RegistryUnit | undefined {
    return [...this.units.values()].find((u) => u.kind === 'ward_committee' && u.status === 'active');
  }

  /** A live unit this item may change (exists, not dissolved, not yet changed by another item). */
  private target(id: string, i: number, field: string): RegistryUnit | undefined {
    const unit = this.units.get(this.refs.get(id) ?? id);
    if (!unit) return void this.violate('UNIT_NOT_FOUND', i, field, { unitId: id });
    if (unit.status !== 'active') return void this.violate('UNIT_DISSOLVED', i, field, { name: unit.name });
    const other = this.touchedBy.get(unit.id);
    if (other !== undefined)
      return void this.violate('UNIT_TOUCHED_TWICE', i, field, { name: unit.name, other: other + 1 });
    return unit;
  }

  private parent(id: string, childKind: UnitKind, i: number, field: string): RegistryUnit | undefined {
    const parent = this.units.get(this.refs.get(id) ?? id);
    if (!parent || parent.status !== 'active')
      return void this.violate('PARENT_NOT_FOUND', i, field, { parentId: id });
    if (!ALLOWED_PARENT_KINDS[childKind].includes(parent.kind)) {
      return void this.violate('PARENT_KIND_NOT_ALLOWED', i, field, {
        kind: childKind,
        parentKind: parent.kind,
      });
    }
    return parent;
  }

  private keyOf(name: string): string {
    let key = this.keys.get(name);
    if (key === undefined) {
      key = nameKey(name);
      this.keys.set(name, key);
    }
    return key;
  }

  private nameFree(
    name: string,
    parentId: string,
    i: number,
    field: string,
    ignore: ReadonlySet<string> = new Set(),
  ): boolean {
    const key = this.keyOf(name);
    const clash = liveChildren(this.units, parentId).find(
      (u) => !ignore.has(u.id) && this.keyOf(u.name) === key,
    );
    if (clash) this.violate('DUPLICATE_SIBLING_NAME', i, field, { name, existing: clash.name });
    return !clash;
  }

  /** A unit's or a person's name, cleaned; hostile or invisible text is refused here too, not only at the edge (CSV import, resubmissions, the worker). */
  private name(raw: string, i: number, field: string): string | undefined {
    const checked = checkText(raw, 'name');
    if (checked.ok) return checked.value;
    if (checked.problem === 'empty') return void this.violate('EMPTY_NAME', i, field);
    return void this.violate('INVALID_NAME', i, field, { reason: checked.vi, reasonEn: checked.en });
  }

  /** Statute thresholds for a grassroots organization of `kind` with `members` full members. */
  private sizeFits(kind: UnitKind, members: number, i: number, field: string): boolean {
    if (!isGrassroots(kind)) return true;
    const before = this.violations.length;
    if (members < this.rules.minimumFullMembers) this.violate('BELOW_MINIMUM_MEMBERS', i, field, { members });
    else if (kind === 'grassroots_cell' && members >= this.rules.grassrootsCommitteeFrom)
      this.violate('TOO_LARGE_FOR_CELL', i, field, { members });
    else if (kind === 'grassroots_committee' && members < this.rules.grassrootsCommitteeFrom)
      this.violate('TOO_SMALL_FOR_COMMITTEE', i, field, { members });
    return this.violations.length === before;
  }

  private record(
    i: number,
    change: ChangeKind,
    before: RegistryUnit | undefined,
    after: RegistryUnit,
    ref?: string,
  ) {
    if (ref) this.refs.set(ref, after.id);
    this.units.set(after.id, after);
    this.touchedBy.set(after.id, i);
    this.changes.push(
      before
        ? { type: 'updated', itemIndex: i, change, before, after }
        : { type: 'created', itemIndex: i, change, after },
    );
  }

  private checkRef(ref: string | undefined, i: number): boolean {
    if (ref && this.refs.has(ref)) {
      this.violate('DUPLICATE_REF', i, 'ref', { ref });
      return false;
    }
    return true;
  }

  plan(item: ResolutionItem, i: number): void {
    switch (item.kind) {
      case 'establish': {
        const name = this.name(item.name, i, 'name');
        const parent = this.parent(item.parentId, item.unitKind, i, 'parentId');
        const sized = this.sizeFits(item.unitKind, item.fullMembers, i, 'fullMembers');
        if (
          !name ||
          !parent ||
          !sized ||
          !this.checkRef(item.ref, i) ||
          !this.nameFree(name, parent.id, i, 'name')
        )
          return;
        this.record(
          i,
          'establish',
          undefined,
          {
            id: this.options.newUnitId(),
            wardCode: this.options.wardCode,
            kind: item.unitKind,
            setting: item.setting,
            name,
            parentId: parent.id,
            fullMembers: item.fullMembers,
            status: 'active',
            officers: NO_OFFICERS,
          },
          item.ref,
        );
        return;
      }
      case 'rename': {
        const unit = this.target(item.unitId, i, 'unitId');
        const name = this.name(item.newName, i, 'newName');
        if (!unit || !name) return;
        if (unit.parentId && !this.nameFree(name, unit.parentId, i, 'newName', new Set([unit.id]))) return;
        this.record(i, 'rename', unit, { ...unit, name });
        return;
      }
      case 'renumber': {
        const start = item.startAt ?? 1;
        const units = item.unitIds.map((id, k) => this.target(id, i, `unitIds[${k}]`));
        if (units.some((u) => !u)) return;
        const series = units as RegistryUnit[];
        const pattern = this.name(item.pattern, i, 'pattern');
        if (pattern === undefined) return;
        const names = series.map((_, k) => pattern.replaceAll('{n}', String(start + k)));
        const seen = new Set<string>();
        for (const name of names) {
          if (seen.has(this.keyOf(name)))
            return this.violate('RENUMBER_SELF_COLLISION', i, 'pattern', { name });
          seen.add(this.keyOf(name));
        }
        const inSeries = new Set(series.map((u) => u.id));
        const before = this.violations.length;
        series.forEach((unit, k) => {
          const clash = unit.parentId
            ? liveChildren(this.units, unit.parentId).find(
                (u) => !inSeries.has(u.id) && this.keyOf(u.name) === this.keyOf(names[k]!),
              )
            : undefined;
          if (clash)
            this.violate('RENUMBER_COLLISION', i, `unitIds[${k}]`, { name: names[k]!, existing: clash.name });
        });
        if (this.violations.length > before) return;
        series.forEach((unit, k) => this.record(i, 'renumber', unit, { ...unit, name: names[k]! }));
        return;
      }
      case 'upgrade': {
        const unit = this.target(item.unitId, i, 'unitId');
        if (!unit) return;
        if (unit.kind !== 'subordinate_cell')
          return this.violate('UPGRADE_NOT_APPLICABLE', i, 'unitId', { name: unit.name, kind: unit.kind });
        const parentId = item.parentId ?? this.wardCommittee?.id ?? '';
        const parent = this.parent(parentId, item.toKind, i, 'parentId');
        const sized = this.sizeFits(item.toKind, unit.fullMembers, i, 'toKind');
        if (!parent || !sized || !this.nameFree(unit.name, parent.id, i, 'unitId', new Set([unit.id])))
          return;
        this.record(i, 'upgrade', unit, { ...unit, kind: item.toKind, parentId: parent.id });
        return;
      }
      case 'merge': {
        const ids = new Set(item.unitIds.map((id) => this.refs.get(id) ?? id));
        if (ids.size < 2) return this.violate('MERGE_NEEDS_TWO_UNITS', i, 'unitIds');
        const units = item.unitIds.map((id, k) => this.target(id, i, `unitIds[${k}]`));
        const name = this.name(item.name, i, 'name');
        const parent = this.parent(item.parentId, item.unitKind, i, 'parentId');
        if (units.some((u) => !u) || !name || !parent) return;
        const merged = units as RegistryUnit[];
        const members = merged.reduce((sum, u) => sum + u.fullMembers, 0);
        if (!this.sizeFits(item.unitKind, members, i, 'unitKind') || !this.checkRef(item.ref, i)) return;
        if (!this.nameFree(name, parent.id, i, 'name', new Set(merged.map((u) => u.id)))) return;
        const successor: RegistryUnit = {
          id: this.options.newUnitId(),
          wardCode: this.options.wardCode,
          kind: item.unitKind,
          setting: item.setting,
          name,
          parentId: parent.id,
          fullMembers: members,
          status: 'active',
          officers: NO_OFFICERS,
        };
        for (const unit of merged) {
          this.record(i, 'merge', unit, { ...unit, status: 'dissolved' });
          this.lineage.push({
            predecessorId: unit.id,
            successorId: successor.id,
            change: 'merge',
            itemIndex: i,
          });
        }
        this.record(i, 'merge', undefined, successor, item.ref);
        return;
      }
      case 'dissolve': {
        const unit = this.target(item.unitId, i, 'unitId');
        if (!unit) return;
        this.record(i, 'dissolve', unit, { ...unit, status: 'dissolved' });
        return;
      }
      case 'transfer': {
        const unit = this.target(item.unitId, i, 'unitId');
        if (!unit) return;
        const parentId = this.refs.get(item.parentId) ?? item.parentId;
        if (isSelfOrDescendant(this.units, unit.id, parentId))
          return this.violate('TREE_CYCLE', i, 'parentId', { name: unit.name });
        const parent = this.parent(parentId, unit.kind, i, 'parentId');
        if (!parent || !this.nameFree(unit.name, parent.id, i, 'parentId', new Set([unit.id]))) return;
        this.record(i, 'transfer', unit, { ...unit, parentId: parent.id });
        return;
      }
      case 'appoint': {
        const unit = this.target(item.unitId, i, 'unitId');
        if (!unit) return;
        const before = this.violations.length;
        const secretary = this.name(item.secretary, i, 'secretary');
        const deputies = (item.deputies ?? []).map((p, k) => this.name(p, i, `deputies[${k}]`));
        const committee = (item.committee ?? []).map((p, k) => this.name(p, i, `committee[${k}]`));
        if (this.violations.length > before || secretary === undefined) return;
        const people = [secretary, ...(deputies as string[]), ...(committee as string[])];
        const twice = people.find((p, k) => people.findIndex((q) => nameKey(q) === nameKey(p)) !== k);
        if (twice) return this.violate('OFFICER_LISTED_TWICE', i, 'secretary', { person: twice });
        const isCell = unit.kind === 'grassroots_cell' || unit.kind === 'subordinate_cell';
        if (isCell && unit.fullMembers < this.rules.cellCommitteeFrom) {
          if (committee.length > 0)
            return this.violate('CELL_COMMITTEE_NOT_ALLOWED', i, 'committee', { members: unit.fullMembers });
          if (deputies.length > 1)
            return this.violate('TOO_MANY_DEPUTIES', i, 'deputies', { members: unit.fullMembers, max: 1 });
        }
        this.record(i, 'appoint', unit, {
          ...unit,
          officers: { secretary, deputies: deputies as string[], committee: committee as string[] },
        });
        return;
      }
      default: {
        const unreachable: never = item;
        throw new Error(`Unknown item ${JSON.stringify(unreachable)}`);
      }
    }
  }
}

export const planResolution = (
  snapshot: RegistrySnapshot,
  items: readonly ResolutionItem[],
  options: PlanOptions,
): PlanResult => {
  const planner = new Planner(snapshot, options, options.rules ?? STATUTE_RULES);
  items.forEach((item, i) => planner.plan(item, i));
  return planner.violations.length > 0
    ? { ok: false, violations: planner.violations }
    : { ok: true, changeSet: { changes: planner.changes, lineage: planner.lineage } };
};
