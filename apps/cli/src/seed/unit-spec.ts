import type { UnitKind, UnitSetting } from '@kientoan/domain';

export interface WardFact {
  readonly code: string;
  readonly ordinal: number;
  readonly kind: 'phuong' | 'xa';
  readonly name: string;
}

export interface UnitSpec {
  readonly key: string;
  readonly kind: UnitKind;
  readonly setting: UnitSetting;
  readonly name: string;
  readonly fullMembers: number;
  /** Key of the parent spec; omitted = the ward's Party committee. */
  readonly parent?: string;
  readonly withoutOfficers?: boolean;
}
