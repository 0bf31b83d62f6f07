import type { UnitKind, UnitSetting } from './unit-kind';

export interface Officers {
  readonly secretary: string | null;
  readonly deputies: readonly string[];
  /** Other members of the cell committee (chi ủy) or Party committee. */
  readonly committee: readonly string[];
}

export const NO_OFFICERS: Officers = { secretary: null, deputies: [], committee: [] };

/** A unit as the registry knows it on one date. */
export interface RegistryUnit {
  readonly id: string;
  readonly wardCode: string;
  readonly kind: UnitKind;
  readonly setting: UnitSetting;
  readonly name: string;
  readonly parentId: string | null;
  readonly fullMembers: number;
  readonly status: 'active' | 'dissolved';
  readonly officers: Officers;
}

/** The units of one ward (including dissolved ones) as of a date, by id. */
export type RegistrySnapshot = ReadonlyMap<string, RegistryUnit>;

export const snapshotOf = (units: readonly RegistryUnit[]): RegistrySnapshot =>
  new Map(units.map((u) => [u.id, u]));

export const liveChildren = (snapshot: RegistrySnapshot, parentId: string): RegistryUnit[] =>
  [...snapshot.values()].filter((u) => u.parentId === parentId && u.status === 'active');

/** True when `candidate` is `unitId` itself or lies below it. */
export const isSelfOrDescendant = (
  snapshot: RegistrySnapshot,
  unitId: string,
  candidate: string,
): boolean => {
  const seen = new Set<string>();
  for (let cursor: string | null = candidate; cursor; cursor = snapshot.get(cursor)?.parentId ?? null) {
    if (cursor === unitId) return true;
    if (seen.has(cursor)) return true; // a cycle already: treat as unsafe
    seen.add(cursor);
  }
  return false;
};
