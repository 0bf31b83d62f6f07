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
