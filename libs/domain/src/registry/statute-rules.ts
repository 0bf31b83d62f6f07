/** The Party Statute's thresholds (DOMAIN.md). Configurable, with the Statute's numbers as defaults. */
export interface StatuteRules {
  /** A grassroots organization needs at least this many full members. */
  readonly minimumFullMembers: number;
  /** From this many full members a grassroots organization is a Party committee (đảng bộ cơ sở), below it a cell. */
  readonly grassrootsCommitteeFrom: number;
  /** From this many full members a cell has a cell committee (chi ủy); below it a secretary and at most one deputy. */
  readonly cellCommitteeFrom: number;
}

export const STATUTE_RULES: StatuteRules = {
  minimumFullMembers: 3,
  grassrootsCommitteeFrom: 30,
  cellCommitteeFrom: 9,
};
