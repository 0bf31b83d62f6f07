/**
 * Who a notification is for, in ONE place: the address strings the worker writes (`member:<id>`,
 * `unit:<id>`, `ward:<code>:<role>`, `role:supervisor`) are built here, and resolved here to the accounts
 * that receive them (each with its own read mark, `notification_receipt`). Resolution happens when the
 * notification is sent, so it reaches whoever holds the role then, including acting holders under a
 * delegation in force at that moment.
 */
import type { Prisma, PrismaClient } from '../../../../prisma/generated/client/client';

type Db = PrismaClient | Prisma.TransactionClient;

/** The ward roles a notification can be addressed to (delegable, held per ward). */
export type RecipientWardRole = 'secretary' | 'reviewer';

export type Recipient =
  | { readonly to: 'member'; readonly memberId: string }
  | { readonly to: 'unit'; readonly unitId: string }
  | { readonly to: 'ward_role'; readonly wardCode: string; readonly role: RecipientWardRole }
  | { readonly to: 'supervisors' };

export const recipientAddress = {
  /** A standing-committee member (a voter), by member id. */
  member: (memberId: string): string => `member:${memberId}`,
  /** A Party unit affected by a decision. */
  unit: (unitId: string): string => `unit:${unitId}`,
  /** Whoever holds a role in a ward (its secretary, its reviewer). */
  wardRole: (wardCode: string, role: RecipientWardRole): string => `ward:${wardCode}:${role}`,
  /** The city's supervisors. */
  supervisors: (): string => 'role:supervisor',
} as const;

/** The recipient an address names, or null for an address this module did not build. */
export const parseRecipient = (address: string): Recipient | null => {
  const [scheme, first, second, ...rest] = address.split(':');
  if (rest.length > 0 || !first) return null;
  switch (scheme) {
    case 'member':
      return second === undefined ? { to: 'member', memberId: first } : null;
    case 'unit':
      return second === undefined ? { to: 'unit', unitId: first } : null;
    case 'ward':
      return second === 'secretary' || second === 'reviewer'
        ? { to: 'ward_role', wardCode: first, role: second }
        : null;
    case 'role':
      return first === 'supervisor' && second === undefined ? { to: 'supervisors' } : null;
    default:
      return null;
  }
};

const activeDelegations = (at: Date) => ({ validFrom: { lte: at }, validTo: { gt: at } });

const wardRoleKey = (wardCode: string, role: RecipientWardRole) => `${wardCode}\u0000${role}`;

/**
 * Each address resolved to its accounts at `at` (no duplicates, in a stable order); an address this module
 * cannot read reaches nobody. Resolved in batches, one query per kind of lookup whatever the number of
 * addresses: a vote's members, or the seventy units of a large resolution's announcement, cost the same few
 * statements as one.
 */
export const resolveRecipients = async (
  db: Db,
  addresses: readonly string[],
  at: Date,
): Promise<Map<string, string[]>> => {
  const parsed = [...new Set(addresses)].map((address) => [address, parseRecipient(address)] as const);
  const of = <K extends Recipient['to']>(to: K) =>
    parsed.flatMap(([, r]) => (r?.to === to ? [r as Extract<Recipient, { to: K }>] : []));
  const memberIds = [...new Set(of('member').map((r) => r.memberId))];
  const unitIds = [...new Set(of('unit').map((r) => r.unitId))];
  const [ownAccounts, actingForMembers, units, supervisors] = await Promise.all([
    // A member's own account, and whoever votes for the member under an approver delegation.
    memberIds.length
      ? db.userAccount.findMany({
          where: { memberId: { in: memberIds } },
          select: { id: true, memberId: true },
        })
      : [],
    memberIds.length
      ? db.delegation.findMany({
          where: { role: 'approver', memberId: { in: memberIds }, ...activeDelegations(at) },
          select: { toUserId: true, memberId: true },
        })
      : [],
    // Units (cells, committees) have no accounts: the ward's secretary (or acting secretary) hands the
    // decision over at the ceremony, carries the message to the cell (the wards' Zalo groups) and records its
    // acknowledgement, so a unit's notification reaches its ward's secretary.
    unitIds.length
      ? db.orgUnit.findMany({ where: { id: { in: unitIds } }, select: { id: true, wardCode: true } })
      : [],
    // A city-level role held in one's own right: delegations exist for ward roles only.
    of('supervisors').length
      ? db.userAccount.findMany({ where: { supervisor: true }, select: { id: true } })
      : [],
  ]);
  const wardOfUnit = new Map(units.map((u) => [u.id, u.wardCode]));
  // Every ward role asked for, directly or through a unit: holders and acting holders, two queries in all.
  const pairs = new Map<string, { wardCode: string; role: RecipientWardRole }>();
  for (const { wardCode, role } of of('ward_role'))
    pairs.set(wardRoleKey(wardCode, role), { wardCode, role });
  for (const wardCode of wardOfUnit.values())
    pairs.set(wardRoleKey(wardCode, 'secretary'), { wardCode, role: 'secretary' });
  const wanted = [...pairs.values()];
  const [holders, acting] = wanted.length
    ? await Promise.all([
        db.userWardRole.findMany({
          where: { OR: wanted },
          select: { userId: true, wardCode: true, role: true },
        }),
        db.delegation.findMany({
          where: { OR: wanted, ...activeDelegations(at) },
          select: { toUserId: true, wardCode: true, role: true },
        }),
      ])
    : [[], []];
  const holdersOf = (wardCode: string, role: string) => [
    ...holders.filter((h) => h.wardCode === wardCode && h.role === role).map((h) => h.userId),
    ...acting.filter((d) => d.wardCode === wardCode && d.role === role).map((d) => d.toUserId),
  ];
  const accountsOf = (recipient: Recipient | null): string[] => {
    if (!recipient) return [];
    switch (recipient.to) {
      case 'member':
        return [
          ...ownAccounts.filter((a) => a.memberId === recipient.memberId).map((a) => a.id),
          ...actingForMembers.filter((d) => d.memberId === recipient.memberId).map((d) => d.toUserId),
        ];
      case 'unit': {
        const wardCode = wardOfUnit.get(recipient.unitId);
        return wardCode ? holdersOf(wardCode, 'secretary') : [];
      }
      case 'ward_role':
        return holdersOf(recipient.wardCode, recipient.role);
      case 'supervisors':
        return supervisors.map((a) => a.id);
    }
  };
  return new Map(parsed.map(([address, recipient]) => [address, [...new Set(accountsOf(recipient))].sort()]));
};
