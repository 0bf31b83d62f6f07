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

const holdersOfWardRole = async (db: Db, wardCode: string, role: RecipientWardRole, at: Date) => {
  const [holders, acting] = await Promise.all([
    db.userWardRole.findMany({ where: { wardCode, role }, select: { userId: true } }),
    db.delegation.findMany({
      where: { wardCode, role, ...activeDelegations(at) },
      select: { toUserId: true },
    }),
  ]);
  return [...holders.map((h) => h.userId), ...acting.map((d) => d.toUserId)];
};

/** The accounts one recipient reaches at `at` (no duplicates, in a stable order). */
export const resolveRecipient = async (db: Db, recipient: Recipient, at: Date): Promise<string[]> => {
  const accounts = await (async (): Promise<string[]> => {
    switch (recipient.to) {
      case 'member': {
        // The member's own account, and whoever votes for the member under an approver delegation.
        const [own, acting] = await Promise.all([
          db.userAccount.findMany({ where: { memberId: recipient.memberId }, select: { id: true } }),
          db.delegation.findMany({
            where: { role: 'approver', memberId: recipient.memberId, ...activeDelegations(at) },
            select: { toUserId: true },
          }),
        ]);
        return [...own.map((a) => a.id), ...acting.map((d) => d.toUserId)];
      }
      case 'unit': {
        // Units (cells, committees) have no accounts: the ward's secretary (or acting secretary) hands the
        // decision over at the ceremony, carries the message to the cell (the wards' Zalo groups) and
        // records its acknowledgement, so a unit's notification reaches its ward's secretary.
        const unit = await db.orgUnit.findUnique({
          where: { id: recipient.unitId },
          select: { wardCode: true },
        });
        return unit ? holdersOfWardRole(db, unit.wardCode, 'secretary', at) : [];
      }
      case 'ward_role':
        return holdersOfWardRole(db, recipient.wardCode, recipient.role, at);
      case 'supervisors': {
        // A city-level role held in one's own right: delegations exist for ward roles only.
        const supervisors = await db.userAccount.findMany({
          where: { supervisor: true },
          select: { id: true },
        });
        return supervisors.map((a) => a.id);
      }
    }
  })();
  return [...new Set(accounts)].sort();
};

/** Each address resolved to its accounts; an address this module cannot read reaches nobody. */
export const resolveRecipients = async (
  db: Db,
  addresses: readonly string[],
  at: Date,
): Promise<Map<string, string[]>> => {
  const resolved = new Map<string, string[]>();
  for (const address of new Set(addresses)) {
    const recipient = parseRecipient(address);
    resolved.set(address, recipient ? await resolveRecipient(db, recipient, at) : []);
  }
  return resolved;
};
