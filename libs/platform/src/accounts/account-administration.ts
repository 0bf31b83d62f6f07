/**
 * Accounts, ward roles and standing committees, administered: the one implementation behind the admin API
 * and the command line. Every change is written together with its audit entry; ending an account's sessions
 * (disable, new password) raises its token version, so access tokens already handed out stop working at once.
 */
import { randomBytes } from 'node:crypto';
import { dateInVietnam, searchKey } from '@kientoan/domain';
import type { Prisma, PrismaClient } from '../../../../prisma/generated/client/client';
import { hashPassword } from '../auth/password-hasher';
import { servingOn } from '../registry/committee-membership';
import { AccountErrors } from './account-errors';
import type {
  AccountListQuery,
  AccountSort,
  CommitteeMemberInput,
  CommitteeQuery,
  CreateAccount,
  PageQuery,
  TemporaryPassword,
  UpdateCommitteeMember,
  WardRoleGrant,
} from './account-commands';

export interface AuditEntryInput {
  readonly action: string;
  readonly role: string;
  readonly wardCode?: string;
  readonly before?: unknown;
  readonly after?: unknown;
}
/** Writes one audit entry inside the caller's transaction (the API adds the request, the CLI the OS user). */
export type AuditSink = (tx: Prisma.TransactionClient, entry: AuditEntryInput) => Promise<void>;

type Db = PrismaClient | Prisma.TransactionClient;
type AccountRow = Prisma.UserAccountGetPayload<{ include: { wardRoles: true } }>;

/** What an admin sees of an account: never its password hash. */
export const accountView = (u: AccountRow) => ({
  username: u.username,
  displayName: u.displayName,
  supervisor: u.supervisor,
  admin: u.admin,
  memberId: u.memberId,
  disabled: u.disabledAt !== null,
  disabledAt: u.disabledAt?.toISOString() ?? null,
  mustChangePassword: u.mustChangePassword,
  demo: u.demo,
  createdAt: u.createdAt.toISOString(),
  wardRoles: u.wardRoles
    .map((r) => ({ wardCode: r.wardCode, role: r.role }))
    .sort((a, b) => `${a.wardCode}/${a.role}`.localeCompare(`${b.wardCode}/${b.role}`)),
});
export type AccountView = ReturnType<typeof accountView>;

type MemberRow = Prisma.WardCommitteeMemberGetPayload<object>;
export const memberView = (m: MemberRow, username: string | null) => ({
  id: m.id,
  wardCode: m.wardCode,
  fullName: m.fullName,
  position: m.position,
  servedFrom: m.servedFrom.toISOString().slice(0, 10),
  servedTo: m.servedTo?.toISOString().slice(0, 10) ?? null,
  active: m.active,
  username,
});
export type MemberView = ReturnType<typeof memberView>;

/** A temporary password people can type: 16 characters from 12 random bytes. */
export const generateTemporaryPassword = (): string => randomBytes(12).toString('base64url');

/** The rows after a cursor in the given order (see `list`); a malformed cursor starts from the beginning. */
const afterCursor = (sort: AccountSort, after: string): Prisma.UserAccountWhereInput => {
  const desc = sort === 'username_desc' || sort === 'created_desc';
  const beyond = desc ? 'lt' : 'gt';
  if (sort.startsWith('username')) return { username: { [beyond]: after } };
  const bar = after.lastIndexOf('|');
  const at = new Date(after.slice(0, bar));
  if (bar < 0 || Number.isNaN(at.getTime())) return {};
  const username = after.slice(bar + 1);
  return { OR: [{ createdAt: { [beyond]: at } }, { createdAt: at, username: { [beyond]: username } }] };
};

const asDate = (day: string): Date => new Date(`${day}T00:00:00Z`);
const ADMIN = 'admin';

export class AccountAdministration {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** One transaction for a batch of changes (imports), long enough for a few thousand rows. */
  readonly transaction = (fn: (tx: Prisma.TransactionClient) => Promise<void>): Promise<void> =>
    this.prisma.$transaction(fn, { timeout: 120_000 });

  // ─── Accounts ──────────────────────────────────────────────────────────────────────────────────────

  /**
   * A page of accounts in one of four orders. The cursor is the last row's key: its username for the
   * username orders, `<createdAt ISO>|<username>` for the creation orders (usernames are unique, so ties break).
   */
  async list(query: PageQuery & Partial<Omit<AccountListQuery, 'limit' | 'after'>>) {
    const sort = query.sort ?? 'username_asc';
    const filters: Prisma.UserAccountWhereInput[] = [];
    if (query.q) filters.push({ id: { in: await this.matching(query.q) } });
    if (query.wardCode) filters.push({ wardRoles: { some: { wardCode: query.wardCode } } });
    if (query.status) filters.push({ disabledAt: query.status === 'disabled' ? { not: null } : null });
    if (query.after) filters.push(afterCursor(sort, query.after));
    const desc = sort === 'username_desc' || sort === 'created_desc';
    const rows = await this.prisma.userAccount.findMany({
      where: { AND: filters },
      orderBy: sort.startsWith('username')
        ? { username: desc ? 'desc' : 'asc' }
        : [{ createdAt: desc ? 'desc' : 'asc' }, { username: desc ? 'desc' : 'asc' }],
      take: query.limit + 1,
      include: { wardRoles: true },
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const next =
      rows.length > query.limit && last
        ? sort.startsWith('username')
          ? last.username
          : `${last.createdAt.toISOString()}|${last.username}`
        : null;
    return { items: page.map(accountView), next };
  }

  /**
   * Accounts whose username or name holds `q`, ignoring case and diacritics ("nguyen van" finds "Nguyễn Văn
   * An"): `q` folded by the domain's searchKey, the columns by the database's kientoan_search_fold (the same
   * fold, in SQL).
   */
  private async matching(q: string): Promise<string[]> {
    const key = searchKey(q).replace(/\s+/g, ' ').trim();
    const pattern = `%${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = await this.prisma.$queryRaw<{ id: string }[]>`
      SELECT id FROM user_account
      WHERE kientoan_search_fold(username) LIKE ${pattern} OR kientoan_search_fold(display_name) LIKE ${pattern}`;
    return rows.map((r) => r.id);
  }

  async get(username: string): Promise<AccountView> {
    return accountView(await this.find(this.prisma, username));
  }

  /** Creates an account that must change its (temporary) password at first sign-in. */
  async create(
    command: CreateAccount,
    audit: AuditSink,
  ): Promise<{ account: AccountView; temporaryPassword: string }> {
    const temporaryPassword = command.temporaryPassword ?? generateTemporaryPassword();
    if (temporaryPassword === command.username) throw AccountErrors.weakPassword('temporaryPassword');
    const passwordHash = await hashPassword(temporaryPassword);
    const account = await this.prisma.$transaction(async (tx) => {
      await this.checkNew(tx, command);
      return this.insertAccount(tx, command, passwordHash, audit);
    });
    return { account, temporaryPassword };
  }

  /** Writes a checked account (its password already hashed) and its audit entry. */
  async insertAccount(
    tx: Prisma.TransactionClient,
    command: CreateAccount,
    passwordHash: string,
    audit: AuditSink,
  ): Promise<AccountView> {
    const created = await tx.userAccount.create({
      data: {
        id: command.username,
        username: command.username,
        displayName: command.displayName,
        passwordHash,
        mustChangePassword: true,
        supervisor: command.supervisor,
        admin: command.admin,
        memberId: command.memberId ?? null,
        // The same role listed twice is granted once.
        wardRoles: {
          create: [...new Map(command.wardRoles.map((r) => [`${r.wardCode}/${r.role}`, r])).values()],
        },
      },
      include: { wardRoles: true },
    });
    const view = accountView(created);
    await audit(tx, { action: 'account.create', role: ADMIN, after: view });
    return view;
  }

  /** Checks a new account against the database: free username, existing wards, a free committee member. */
  async checkNew(db: Db, command: Pick<CreateAccount, 'username' | 'memberId' | 'wardRoles'>) {
    if (await db.userAccount.findUnique({ where: { username: command.username } }))
      throw AccountErrors.usernameTaken(command.username);
    for (const { wardCode } of command.wardRoles) await this.requireWard(db, wardCode);
    if (command.memberId) await this.requireFreeMember(db, command.memberId);
  }

  /** Disables (sessions end, delegations given end) or re-enables an account. */
  async setDisabled(username: string, disabled: boolean, audit: AuditSink, by: string): Promise<AccountView> {
    return this.prisma.$transaction(async (tx) => {
      const user = await this.find(tx, username);
      if (disabled && user.id === by) throw AccountErrors.selfLockout();
      if ((user.disabledAt !== null) === disabled) return accountView(user);
      const updated = await tx.userAccount.update({
        where: { id: user.id },
        data: disabled
          ? { disabledAt: this.now(), tokenVersion: { increment: 1 } }
          : { disabledAt: null, failedLogins: 0, lockedUntil: null },
        include: { wardRoles: true },
      });
      if (disabled) {
        await this.revokeRefreshTokens(tx, user.id);
        await this.endDelegations(tx, { fromUserId: user.id }, 'account_disabled', by, audit);
      }
      await audit(tx, {
        action: disabled ? 'account.disable' : 'account.enable',
        role: ADMIN,
        before: accountView(user),
        after: accountView(updated),
      });
      return accountView(updated);
    });
  }

  /** Sets a temporary password (to be changed at first sign-in) and ends every session of the account. */
  async setTemporaryPassword(
    username: string,
    command: TemporaryPassword,
    audit: AuditSink,
  ): Promise<{ account: AccountView; temporaryPassword: string }> {
    const temporaryPassword = command.temporaryPassword ?? generateTemporaryPassword();
    if (temporaryPassword === username) throw AccountErrors.weakPassword('temporaryPassword');
    const passwordHash = await hashPassword(temporaryPassword);
    const account = await this.prisma.$transaction(async (tx) => {
      const user = await this.find(tx, username);
      const updated = await tx.userAccount.update({
        where: { id: user.id },
        data: {
          passwordHash,
          mustChangePassword: true,
          tokenVersion: { increment: 1 },
          failedLogins: 0,
          lockedUntil: null,
        },
        include: { wardRoles: true },
      });
      await this.revokeRefreshTokens(tx, user.id);
      // The password itself is never written to the audit trail.
      await audit(tx, { action: 'account.temporary_password', role: ADMIN, after: { username } });
      return accountView(updated);
    });
    return { account, temporaryPassword };
  }

  async grantRole(username: string, grant: WardRoleGrant, audit: AuditSink): Promise<AccountView> {
    return this.prisma.$transaction(async (tx) => {
      const user = await this.find(tx, username);
      await this.requireWard(tx, grant.wardCode);
      await tx.userWardRole.upsert({
        where: { userId_wardCode_role: { userId: user.id, ...grant } },
        create: { userId: user.id, ...grant },
        update: {},
      });
      await audit(tx, { action: 'account.role_grant', role: ADMIN, wardCode: grant.wardCode, after: grant });
      return accountView(await this.find(tx, username));
    });
  }

  /** Revokes a ward role; the delegations of that role the account gave end with it. */
  async revokeRole(
    username: string,
    grant: WardRoleGrant,
    audit: AuditSink,
    by: string,
  ): Promise<AccountView> {
    return this.prisma.$transaction(async (tx) => {
      const user = await this.find(tx, username);
      const removed = await tx.userWardRole.deleteMany({ where: { userId: user.id, ...grant } });
      if (removed.count > 0) {
        await this.endDelegations(
          tx,
          { fromUserId: user.id, wardCode: grant.wardCode, role: grant.role },
          'role_revoked',
          by,
          audit,
        );
        await audit(tx, {
          action: 'account.role_revoke',
          role: ADMIN,
          wardCode: grant.wardCode,
          before: grant,
        });
      }
      return accountView(await this.find(tx, username));
    });
  }

  // ─── Standing committees (the voters of every committee vote) ─────────────────────────────────────

  async listMembers(wardCode: string, query: CommitteeQuery) {
    await this.requireWard(this.prisma, wardCode);
    const day = query.servingOn ? asDate(query.servingOn) : undefined;
    const rows = await this.prisma.wardCommitteeMember.findMany({
      where: {
        wardCode,
        ...(query.after ? { id: { gt: query.after } } : {}),
        ...(day ? servingOn(day) : {}),
      },
      orderBy: { id: 'asc' },
      take: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const linked = await this.prisma.userAccount.findMany({
      where: { memberId: { in: page.map((m) => m.id) } },
      select: { memberId: true, username: true },
    });
    const usernameOf = new Map(linked.map((u) => [u.memberId, u.username]));
    const items = page.map((m) => memberView(m, usernameOf.get(m.id) ?? null));
    return { items, next: rows.length > query.limit ? (items.at(-1)?.id ?? null) : null };
  }

  async addMember(wardCode: string, input: CommitteeMemberInput, audit: AuditSink): Promise<MemberView> {
    return this.prisma.$transaction(async (tx) =>
      this.insertMember(tx, wardCode, input, await this.checkNewMember(tx, wardCode, input), audit),
    );
  }

  /** Writes a checked member, links its account, and writes the audit entry. */
  async insertMember(
    tx: Prisma.TransactionClient,
    wardCode: string,
    input: CommitteeMemberInput,
    { id, user }: { id: string; user: { id: string; username: string } | undefined },
    audit: AuditSink,
  ): Promise<MemberView> {
    const member = await tx.wardCommitteeMember.create({
      data: {
        id,
        wardCode,
        fullName: input.fullName,
        position: input.position,
        servedFrom: asDate(input.servedFrom),
        servedTo: input.servedTo ? asDate(input.servedTo) : null,
      },
    });
    if (user) await tx.userAccount.update({ where: { id: user.id }, data: { memberId: id } });
    const view = memberView(member, user?.username ?? null);
    await audit(tx, { action: 'committee.member_add', role: ADMIN, wardCode, after: view });
    return view;
  }

  /** Checks a new member against the database; answers the id it will have and the account to link. */
  async checkNewMember(db: Db, wardCode: string, input: CommitteeMemberInput) {
    await this.requireWard(db, wardCode);
    const id = input.id ?? (await this.nextMemberId(db, wardCode));
    if (await db.wardCommitteeMember.findUnique({ where: { id } })) throw AccountErrors.memberIdTaken(id);
    const user = input.username ? await this.find(db, input.username) : undefined;
    if (user?.memberId) throw AccountErrors.memberTaken(user.memberId);
    return { id, user };
  }

  /** Renames, changes the position, or ends (or reopens) a term; an ended term ends its approver delegations. */
  async updateMember(
    wardCode: string,
    memberId: string,
    input: UpdateCommitteeMember,
    audit: AuditSink,
    by: string,
  ): Promise<MemberView> {
    return this.prisma.$transaction(async (tx) => {
      const before = await tx.wardCommitteeMember.findUnique({ where: { id: memberId } });
      if (!before || before.wardCode !== wardCode) throw AccountErrors.memberNotFound(memberId);
      const servedTo =
        input.servedTo === undefined ? before.servedTo : input.servedTo ? asDate(input.servedTo) : null;
      if (servedTo && servedTo <= before.servedFrom) throw AccountErrors.termOrder();
      const after = await tx.wardCommitteeMember.update({
        where: { id: memberId },
        data: {
          ...(input.fullName ? { fullName: input.fullName } : {}),
          ...(input.position ? { position: input.position } : {}),
          servedTo,
        },
      });
      const today = asDate(dateInVietnam(this.now()));
      if (servedTo && servedTo <= today)
        await this.endDelegations(tx, { memberId, role: 'approver' }, 'term_ended', by, audit);
      const username =
        (await tx.userAccount.findUnique({ where: { memberId }, select: { username: true } }))?.username ??
        null;
      const view = memberView(after, username);
      await audit(tx, {
        action: 'committee.member_update',
        role: ADMIN,
        wardCode,
        before: memberView(before, username),
        after: view,
      });
      return view;
    });
  }

  // ─── Shared steps ──────────────────────────────────────────────────────────────────────────────────

  /** Ends the delegations in force (or still to come) that match, each with an audit entry. */
  async endDelegations(
    tx: Prisma.TransactionClient,
    where: Prisma.DelegationWhereInput,
    reason: string,
    by: string,
    audit: AuditSink,
  ): Promise<number> {
    const now = this.now();
    const open = await tx.delegation.findMany({ where: { ...where, revokedAt: null, validTo: { gt: now } } });
    for (const d of open) {
      const ended = await tx.delegation.update({
        where: { id: d.id },
        data: { revokedAt: now, revokedBy: by, revokedReason: reason },
      });
      await audit(tx, {
        action: 'delegation.end',
        role: ADMIN,
        wardCode: d.wardCode,
        before: d,
        after: ended,
      });
    }
    return open.length;
  }

  async revokeRefreshTokens(tx: Prisma.TransactionClient, userId: string): Promise<void> {
    await tx.refreshToken.updateMany({
      where: { userId, revokedAt: null },
      data: { revokedAt: this.now() },
    });
  }

  private async find(db: Db, username: string): Promise<AccountRow> {
    const user = await db.userAccount.findUnique({ where: { username }, include: { wardRoles: true } });
    if (!user) throw AccountErrors.accountNotFound(username);
    return user;
  }

  private async requireWard(db: Db, wardCode: string): Promise<void> {
    if (!(await db.ward.findUnique({ where: { code: wardCode }, select: { code: true } })))
      throw AccountErrors.wardNotFound(wardCode);
  }

  private async requireFreeMember(db: Db, memberId: string): Promise<void> {
    if (!(await db.wardCommitteeMember.findUnique({ where: { id: memberId }, select: { id: true } })))
      throw AccountErrors.memberNotFound(memberId);
    if (await db.userAccount.findUnique({ where: { memberId }, select: { id: true } }))
      throw AccountErrors.memberTaken(memberId);
  }

  private async nextMemberId(db: Db, wardCode: string): Promise<string> {
    const count = await db.wardCommitteeMember.count({ where: { wardCode } });
    for (let n = count + 1; ; n += 1) {
      const id = `${wardCode}-btv-${String(n).padStart(2, '0')}`;
      if (!(await db.wardCommitteeMember.findUnique({ where: { id }, select: { id: true } }))) return id;
    }
  }
}
