/** Kinds of Party organization in the tree (DOMAIN.md, "The organization tree"). */
export const UNIT_KINDS = [
  'ward_committee',
  'legacy_committee',
  'grassroots_committee',
  'grassroots_cell',
  'subordinate_cell',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Readonly<Record<UnitKind, { vi: string; en: string }>> = {
  ward_committee: { vi: 'Đảng bộ xã, phường', en: 'Commune/ward Party Committee' },
  legacy_committee: { vi: 'Đảng ủy cũ (trước sắp xếp)', en: 'Former Party committee (before the merger)' },
  grassroots_committee: { vi: 'Đảng bộ cơ sở', en: 'Grassroots Party committee' },
  grassroots_cell: { vi: 'Chi bộ cơ sở', en: 'Grassroots Party cell' },
  subordinate_cell: { vi: 'Chi bộ trực thuộc', en: 'Subordinate Party cell' },
};

/** Where a unit sits in society. */
export const UNIT_SETTINGS = [
  'administrative',
  'residential_group',
  'village',
  'school',
  'health_station',
  'agency',
  'public_service_unit',
  'enterprise',
  'cooperative',
  'credit_fund',
  'mixed',
] as const;
export type UnitSetting = (typeof UNIT_SETTINGS)[number];

export const UNIT_SETTING_LABELS: Readonly<Record<UnitSetting, { vi: string; en: string }>> = {
  administrative: { vi: 'Cấp ủy xã, phường', en: 'Commune/ward level' },
  residential_group: { vi: 'Tổ dân phố', en: 'Residential group' },
  village: { vi: 'Thôn', en: 'Village' },
  school: { vi: 'Trường học', en: 'School' },
  health_station: { vi: 'Trạm y tế', en: 'Health station' },
  agency: { vi: 'Cơ quan', en: 'Agency' },
  public_service_unit: { vi: 'Đơn vị sự nghiệp', en: 'Public-service unit' },
  enterprise: { vi: 'Doanh nghiệp', en: 'Enterprise' },
  cooperative: { vi: 'Hợp tác xã', en: 'Cooperative' },
  credit_fund: { vi: 'Quỹ tín dụng', en: 'Credit fund' },
  mixed: { vi: 'Khối, cụm', en: 'Mixed' },
};

/** Grassroots organizations (tổ chức cơ sở đảng): the Statute's member thresholds apply to them. */
export const isGrassroots = (kind: UnitKind): boolean =>
  kind === 'grassroots_committee' || kind === 'grassroots_cell';

/** Which parents each kind may have. */
export const ALLOWED_PARENT_KINDS: Readonly<Record<UnitKind, readonly UnitKind[]>> = {
  ward_committee: [],
  legacy_committee: ['ward_committee'],
  grassroots_committee: ['ward_committee'],
  grassroots_cell: ['ward_committee'],
  subordinate_cell: ['grassroots_committee', 'legacy_committee'],
};
