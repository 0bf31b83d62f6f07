import type { UnitKind, UnitSetting } from './unit-kind';

/**
 * One item of a resolution. Units that the resolution itself establishes can be referred to by `ref` (a
 * client-chosen key such as "new-1") as the parent of later items.
 */
export type ResolutionItem =
  | {
      readonly kind: 'establish';
      readonly ref?: string;
      readonly name: string;
      readonly unitKind: UnitKind;
      readonly setting: UnitSetting;
      readonly parentId: string;
      readonly fullMembers: number;
    }
  | { readonly kind: 'rename'; readonly unitId: string; readonly newName: string }
  | {
      readonly kind: 'renumber';
      readonly unitIds: readonly string[];
      /** e.g. "Chi bộ {n}" */
      readonly pattern: string;
      readonly startAt?: number;
    }
  | {
      readonly kind: 'upgrade';
      readonly unitId: string;
      readonly toKind: 'grassroots_cell' | 'grassroots_committee';
      /** Defaults to the ward's Party committee. */
      readonly parentId?: string;
    }
  | {
      readonly kind: 'merge';
      readonly unitIds: readonly string[];
      readonly ref?: string;
      readonly name: string;
      readonly unitKind: UnitKind;
      readonly setting: UnitSetting;
      readonly parentId: string;
    }
  | { readonly kind: 'dissolve'; readonly unitId: string }
  | { readonly kind: 'transfer'; readonly unitId: string; readonly parentId: string }
  | {
      readonly kind: 'appoint';
      readonly unitId: string;
      readonly secretary: string;
      readonly deputies?: readonly string[];
      readonly committee?: readonly string[];
    };
