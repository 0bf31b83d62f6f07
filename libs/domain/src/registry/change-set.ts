import type { ChangeKind } from '../procedure/change-kind';
import type { RegistrySnapshot, RegistryUnit } from './registry-unit';

/** What a resolution does to the registry, unit by unit: the one input of both preview and apply. */
export type UnitChange =
  | {
      readonly type: 'created';
      readonly itemIndex: number;
      readonly change: ChangeKind;
      readonly after: RegistryUnit;
    }
  | {
      readonly type: 'updated';
      readonly itemIndex: number;
      readonly change: ChangeKind;
      readonly before: RegistryUnit;
      readonly after: RegistryUnit;
    };

export interface LineageLink {
  readonly predecessorId: string;
  readonly successorId: string;
  readonly change: ChangeKind;
  readonly itemIndex: number;
}

export interface ChangeSet {
  readonly changes: readonly UnitChange[];
  readonly lineage: readonly LineageLink[];
}

/** The registry after a change set: what preview shows and what apply must produce. */
export const applyChangeSet = (snapshot: RegistrySnapshot, changeSet: ChangeSet): RegistrySnapshot => {
  const next = new Map(snapshot);
  for (const change of changeSet.changes) next.set(change.after.id, change.after);
  return next;
};
