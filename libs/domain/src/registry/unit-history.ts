/**
 * A unit's history read as events: each dated version compared with the one before it, so a page can say
 * "renamed from … to …", "moved from … to …", "upgraded from … to …" with the decision that did it. Pure: the
 * versions are passed in, oldest first.
 */
import type { UnitKind, UnitSetting } from './unit-kind';

export interface UnitVersionFacts {
  /** YYYY-MM-DD, inclusive. */
  readonly validFrom: string;
  /** YYYY-MM-DD, exclusive; null: still valid. */
  readonly validTo: string | null;
  readonly name: string;
  readonly kind: UnitKind;
  readonly setting: UnitSetting;
  readonly parentId: string | null;
  readonly fullMembers: number;
  readonly status: 'active' | 'dissolved';
  /** The kind of change that made the version (establish, rename, …, or "seed"/"import"). */
  readonly change: string | null;
  readonly decisionRef: string | null;
}

export type UnitFieldChange =
  | { readonly field: 'name'; readonly from: string; readonly to: string }
  | { readonly field: 'kind'; readonly from: UnitKind; readonly to: UnitKind }
  | { readonly field: 'setting'; readonly from: UnitSetting; readonly to: UnitSetting }
  | { readonly field: 'parent'; readonly from: string | null; readonly to: string | null }
  | { readonly field: 'fullMembers'; readonly from: number; readonly to: number }
  | { readonly field: 'status'; readonly from: 'active' | 'dissolved'; readonly to: 'active' | 'dissolved' };

export interface UnitHistoryEvent {
  readonly effectiveDate: string;
  /** Established (or first recorded), or changed from the version before. */
  readonly type: 'created' | 'changed';
  readonly change: string | null;
  readonly decisionRef: string | null;
  /** What differs from the version before (empty for `created`). */
  readonly fields: readonly UnitFieldChange[];
  /** Starts after `today`: issued, waiting for its date. */
  readonly scheduled: boolean;
}

const fieldChanges = (before: UnitVersionFacts, after: UnitVersionFacts): UnitFieldChange[] => {
  const changes: UnitFieldChange[] = [];
  if (before.name !== after.name) changes.push({ field: 'name', from: before.name, to: after.name });
  if (before.kind !== after.kind) changes.push({ field: 'kind', from: before.kind, to: after.kind });
  if (before.setting !== after.setting)
    changes.push({ field: 'setting', from: before.setting, to: after.setting });
  if (before.parentId !== after.parentId)
    changes.push({ field: 'parent', from: before.parentId, to: after.parentId });
  if (before.fullMembers !== after.fullMembers)
    changes.push({ field: 'fullMembers', from: before.fullMembers, to: after.fullMembers });
  if (before.status !== after.status)
    changes.push({ field: 'status', from: before.status, to: after.status });
  return changes;
};

/** The history as events, newest first; versions must be oldest first (as stored). */
export const unitHistoryEvents = (versions: readonly UnitVersionFacts[], today: string): UnitHistoryEvent[] =>
  versions
    .map((version, i): UnitHistoryEvent => {
      const before = i > 0 ? versions[i - 1] : undefined;
      return {
        effectiveDate: version.validFrom,
        type: before ? 'changed' : 'created',
        change: version.change,
        decisionRef: version.decisionRef,
        fields: before ? fieldChanges(before, version) : [],
        scheduled: version.validFrom > today,
      };
    })
    .reverse();

export interface FormerValue<T> {
  readonly value: T;
  readonly from: string;
  /** The day it stopped (exclusive). */
  readonly to: string;
  /** The decision that ended it (the next version's). */
  readonly endedBy: string | null;
}

/**
 * Earlier values of one field, newest first, each with its period and the decision that replaced it: "tổ 34
 * is the new name of tổ 6". Only periods that ended on or before `today` count; consecutive versions with the
 * same value are one period.
 */
export const formerValues = <T>(
  versions: readonly UnitVersionFacts[],
  pick: (v: UnitVersionFacts) => T,
  today: string,
): FormerValue<T>[] => {
  const periods: { value: T; from: string; to: string | null; endedBy: string | null }[] = [];
  for (const v of versions) {
    if (v.validFrom > today) break;
    const last = periods.at(-1);
    if (last && last.value === pick(v)) continue;
    if (last) {
      last.to = v.validFrom;
      last.endedBy = v.decisionRef;
    }
    periods.push({ value: pick(v), from: v.validFrom, to: null, endedBy: null });
  }
  return periods
    .filter((p): p is FormerValue<T> & { to: string } => p.to !== null)
    .map((p) => ({ value: p.value, from: p.from, to: p.to, endedBy: p.endedBy }))
    .reverse();
};
