import { Inject, Injectable } from '@nestjs/common';
import { type Actor, type WardRoleName } from '@kientoan/domain';
import { type PrismaClient, servingOn } from '@kientoan/platform';
import { PRISMA } from '../infrastructure/infrastructure.module';

/** Builds the actor of a request: ward roles held, plus "approver" where the account's member sits on the committee. */
@Injectable()
export class ActorLoader {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async load(userId: string): Promise<Actor | undefined> {
    const user = await this.prisma.userAccount.findUnique({
      where: { id: userId },
      include: { wardRoles: true },
    });
    if (!user) return undefined;
    const wardRoles: Record<string, WardRoleName[]> = {};
    for (const r of user.wardRoles) (wardRoles[r.wardCode] ??= []).push(r.role);
    if (user.memberId) {
      const member = await this.prisma.wardCommitteeMember.findFirst({
        where: { id: user.memberId, ...servingOn(new Date()) },
      });
      if (member) (wardRoles[member.wardCode] ??= []).push('approver');
    }
    // Delegations in force now: acting secretary, reviewer or approver for a period.
    const now = new Date();
    const delegations = await this.prisma.delegation.findMany({
      where: { toUserId: userId, validFrom: { lte: now }, validTo: { gt: now } },
    });
    const actingForMembers: string[] = [];
    for (const d of delegations) {
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
}
