/** The before/after view of a resolution, for people to read before anything is written. */
import type { ChangeKind } from '../procedure/change-kind';
import { type ChangeSet, applyChangeSet } from './change-set';
import type { RegistrySnapshot, RegistryUnit } from './registry-unit';
import type { UnitKind } from './unit-kind';

export interface UnitView {
  readonly id: string;
  readonly name: string;
  readonly kind: UnitKind;
  readonly parentId: string | null;
  readonly parentName: string | null;
  readonly fullMembers: number;
  readonly status: 'active' | 'dissolved';
  readonly secretary: string | null;
}

export interface PreviewEntry {
  readonly itemIndex: number;
  readonly change: ChangeKind;
  readonly before: UnitView | null;
  readonly after: UnitView;
}

export interface ResolutionPreview {
  readonly entries: readonly PreviewEntry[];
  readonly countsByChange: Partial<Record<ChangeKind, number>>;
  /** Live units below the ward's Party committee, before and after. */
  readonly organizationsBefore: number;
  readonly organizationsAfter: number;
}

const view = (unit: RegistryUnit, snapshot: RegistrySnapshot): UnitView => ({
  id: unit.id,
  name: unit.name,
  kind: unit.kind,
  parentId: unit.parentId,
  parentName: unit.parentId ? (snapshot.get(unit.parentId)?.name ?? null) : null,
  fullMembers: unit.fullMembers,
  status: unit.status,
  secretary: unit.officers.secretary,
});

export const countOrganizations = (snapshot: RegistrySnapshot): number =>
  [...snapshot.values()].filter(
    (u) => u.status === 'active' && u.kind !== 'ward_committee' && u.kind !== 'legacy_committee',
  ).length;

export const previewResolution = (snapshot: RegistrySnapshot, changeSet: ChangeSet): ResolutionPreview => {
  const after = applyChangeSet(snapshot, changeSet);
  const countsByChange: Partial<Record<ChangeKind, number>> = {};
  for (const c of changeSet.changes) countsByChange[c.change] = (countsByChange[c.change] ?? 0) + 1;
  return {
    entries: changeSet.changes.map((c) => ({
      itemIndex: c.itemIndex,
      change: c.change,
      before: c.type === 'updated' ? view(c.before, snapshot) : null,
      after: view(c.after, after),
    })),
    countsByChange,
    organizationsBefore: countOrganizations(snapshot),
    organizationsAfter: countOrganizations(after),
  };
};
