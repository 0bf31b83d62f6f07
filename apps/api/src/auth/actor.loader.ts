import { Inject, Injectable } from '@nestjs/common';
import { type Actor, type WardRoleName, dateInVietnam } from '@kientoan/domain';
import { type PrismaClient, servingOn } from '@kientoan/platform';
import { PRISMA } from '../infrastructure/infrastructure.module';
import { SessionIssuer } from './session-issuer';
import type { AccessClaims } from './token.service';

/**
 * Builds the actor of a request: ward roles held, plus "approver" where the account's member sits on the
 * committee, plus delegations in force. A token signed before the account's sessions were ended (disabled,
 * new password: the token version moved on) loads no actor.
 */
@Injectable()
export class ActorLoader {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(SessionIssuer) private readonly sessions: SessionIssuer,
  ) {}

  async load({ userId, tokenVersion }: AccessClaims): Promise<Actor | undefined> {
    const user = await this.prisma.userAccount.findUnique({
      where: { id: userId },
      include: { wardRoles: true },
    });
    if (!user || user.tokenVersion !== tokenVersion || user.mustChangePassword) return undefined;
    if (!this.sessions.mayHoldSession(user)) return undefined;
    const wardRoles: Record<string, WardRoleName[]> = {};
    for (const r of user.wardRoles) (wardRoles[r.wardCode] ??= []).push(r.role);
    // The same rule the vote takes its voters by: a term covering today (Vietnam date).
    const today = new Date(`${dateInVietnam(new Date())}T00:00:00Z`);
    if (user.memberId) {
      const member = await this.prisma.wardCommitteeMember.findFirst({
        where: { id: user.memberId, ...servingOn(today) },
      });
      if (member) (wardRoles[member.wardCode] ??= []).push('approver');
    }
    const actingForMembers: string[] = [];
    for (const d of await this.delegationsInForce(userId, today)) {
      const roles = (wardRoles[d.wardCode] ??= []);
      if (!roles.includes(d.role as WardRoleName)) roles.push(d.role as WardRoleName);
      if (d.memberId) actingForMembers.push(d.memberId);
    }
    return {
      userId: user.id,
      username: user.username,
      supervisor: user.supervisor,
      admin: user.admin,
      wardRoles,
      memberId: user.memberId,
      actingForMembers,
    };
  }

  /**
   * Delegations to the account in force now (not revoked, within the period) whose delegator still holds
   * the role: an enabled account with the ward role, or a committee member whose term covers today. Ending
   * the role ends the delegation even before anything revokes it.
   */
  private async delegationsInForce(userId: string, today: Date) {
    const now = new Date();
    const delegations = await this.prisma.delegation.findMany({
      where: { toUserId: userId, validFrom: { lte: now }, validTo: { gt: now }, revokedAt: null },
    });
    if (delegations.length === 0) return [];
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
    return delegations.filter((d) =>
      d.role === 'approver'
        ? d.memberId !== null && serving.has(d.memberId)
        : holders.some((h) => h.userId === d.fromUserId && h.wardCode === d.wardCode && h.role === d.role),
    );
  }
}
