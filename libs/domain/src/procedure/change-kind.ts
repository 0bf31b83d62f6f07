/** Kinds of change a resolution can make to the organization tree (DOMAIN.md, "Kinds of change"). */
export const CHANGE_KINDS = [
  'establish',
  'rename',
  'renumber',
  'upgrade',
  'merge',
  'dissolve',
  'transfer',
  'appoint',
] as const;

export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const CHANGE_KIND_LABELS: Readonly<Record<ChangeKind, { vi: string; en: string }>> = {
  establish: { vi: 'Thành lập', en: 'Establish' },
  rename: { vi: 'Đổi tên', en: 'Rename' },
  renumber: { vi: 'Đổi tên theo số thứ tự', en: 'Renumber' },
  upgrade: { vi: 'Nâng cấp', en: 'Upgrade' },
  merge: { vi: 'Sáp nhập, hợp nhất', en: 'Merge' },
  dissolve: { vi: 'Giải thể', en: 'Dissolve' },
  transfer: { vi: 'Điều chuyển', en: 'Transfer' },
  appoint: { vi: 'Chỉ định cấp ủy', en: 'Appoint officers' },
};
