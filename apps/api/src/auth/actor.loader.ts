import { Inject, Injectable } from '@nestjs/common';
import { type Actor, type WardRoleName, dateInVietnam } from '@kientoan/domain';
import { type PrismaClient, servingOn } from '@kientoan/platform';
import { PRISMA } from '../infrastructure/infrastructure.module';
import { SessionIssuer } from './session-issuer';
import type { AccessClaims } from './token.service';

/** The longest an actor is reused without a change being announced (see ActorChangesListener). */
const ACTOR_TTL_MS = 60_000;
/** Accounts kept; beyond, the oldest entries go first. */
const MAX_CACHED_ACTORS = 10_000;
const HOUR_MS = 3_600_000;

interface Cached {
  readonly actor: Actor;
  readonly expiresAt: number;
}

/**
 * Builds the actor of a request: ward roles held, plus "approver" where the account's member sits on the
 * committee, plus delegations in force. A token signed before the account's sessions were ended (disabled,
 * new password: the token version moved on) loads no actor.
 *
 * Loaded once per account and token version, then reused (three queries saved on every request) until the
 * earliest of: a minute; the next day in Hà Nội (committee terms are by date); the start or end of a
 * delegation to the account; and any change to accounts, ward roles, delegations or
 * committee members, which `forgetAll` drops (called by PostgreSQL's `actor_changed` notification from every
 * process and import, and at once after this process's own writes).
 */
@Injectable()
export class ActorLoader {
  private readonly cache = new Map<string, Cached>();
  /** Bumped by every `forgetAll`: a load that started before it is not cached. */
  private generation = 0;
  /** Off while the change notifications cannot be received (then every request loads). */
  private caching = false;

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(SessionIssuer) private readonly sessions: SessionIssuer,
  ) {}

  async load(claims: AccessClaims): Promise<Actor | undefined> {
    const key = `${claims.userId}:${claims.tokenVersion}`;
    const now = Date.now();
    const hit = this.cache.get(key);
    if (hit && hit.expiresAt > now && this.caching) return hit.actor;
    if (hit) this.cache.delete(key);
    const generation = this.generation;
    const loaded = await this.loadFromDatabase(claims, new Date(now));
    if (!loaded) return undefined;
    if (this.caching && generation === this.generation) {
      if (this.cache.size >= MAX_CACHED_ACTORS) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(key, {
        actor: loaded.actor,
        expiresAt: Math.min(now + ACTOR_TTL_MS, loaded.validUntil),
      });
    }
    return loaded.actor;
  }

  /** Every cached actor is loaded again on its next request (accounts, roles, delegations or terms changed). */
  forgetAll(): void {
    this.generation += 1;
    this.cache.clear();
  }

  /** Reuse loaded actors only while changes are announced (`actor_changed` is being listened to). */
  setCaching(on: boolean): void {
    this.caching = on;
    this.forgetAll();
  }

  private async loadFromDatabase(
    { userId, tokenVersion }: AccessClaims,
    now: Date,
  ): Promise<{ actor: Actor; validUntil: number } | undefined> {
    const user = await this.prisma.userAccount.findUnique({
      where: { id: userId },
      include: { wardRoles: true },
    });
    if (!user || user.tokenVersion !== tokenVersion || user.mustChangePassword) return undefined;
    if (!this.sessions.mayHoldSession(user, now)) return undefined;
    const wardRoles: Record<string, WardRoleName[]> = {};
    for (const r of user.wardRoles) (wardRoles[r.wardCode] ??= []).push(r.role);
    // The same rule the vote takes its voters by: a term covering today (Vietnam date).
    const todayIso = dateInVietnam(now);
    const today = new Date(`${todayIso}T00:00:00Z`);
    // Midnight in Hà Nội (UTC+7) ends today's terms.
    let validUntil = today.getTime() + 24 * HOUR_MS - 7 * HOUR_MS;
    if (user.memberId) {
      const member = await this.prisma.wardCommitteeMember.findFirst({
        where: { id: user.memberId, ...servingOn(today) },
      });
      if (member) (wardRoles[member.wardCode] ??= []).push('approver');
    }
    const actingForMembers: string[] = [];
    const { inForce, nextChange } = await this.delegationsInForce(userId, today, now);
    if (nextChange !== undefined) validUntil = Math.min(validUntil, nextChange);
    for (const d of inForce) {
      const roles = (wardRoles[d.wardCode] ??= []);
      if (!roles.includes(d.role as WardRoleName)) roles.push(d.role as WardRoleName);
      if (d.memberId) actingForMembers.push(d.memberId);
    }
    return {
      actor: {
        userId: user.id,
        username: user.username,
        supervisor: user.supervisor,
        admin: user.admin,
        wardRoles,
        memberId: user.memberId,
        actingForMembers,
      },
      validUntil,
    };
  }

  /**
   * Delegations to the account in force now (not revoked, within the period) whose delegator still holds
   * the role: an enabled account with the ward role, or a committee member whose term covers today. Ending
   * the role ends the delegation even before anything revokes it. Also when the next one starts or ends.
   */
  private async delegationsInForce(userId: string, today: Date, now: Date) {
    const current = await this.prisma.delegation.findMany({
      where: { toUserId: userId, validTo: { gt: now }, revokedAt: null },
    });
    const times = current.flatMap((d) => [d.validFrom.getTime(), d.validTo.getTime()]);
    const future = times.filter((t) => t > now.getTime());
    const nextChange = future.length ? Math.min(...future) : undefined;
    const delegations = current.filter((d) => d.validFrom <= now);
    if (delegations.length === 0) return { inForce: [], nextChange };
    const [holders, members] = await Promise.all([
      this.prisma.userWardRole.findMany({
        where: {
          userId: { in: delegations.map((d) => d.fromUserId) },
          user: { disabledAt: null },
        },
      }),
      this.prisma.wardCommitteeMember.findMany({
        where: {
          id: { in: delegations.flatMap((d) => (d.memberId ? [d.memberId] : [])) },
          ...servingOn(today),
        },
        select: { id: true },
      }),
    ]);
    const serving = new Set(members.map((m) => m.id));
    const inForce = delegations.filter((d) =>
      d.role === 'approver'
        ? d.memberId !== null && serving.has(d.memberId)
        : holders.some((h) => h.userId === d.fromUserId && h.wardCode === d.wardCode && h.role === d.role),
    );
    return { inForce, nextChange };
  }
}
