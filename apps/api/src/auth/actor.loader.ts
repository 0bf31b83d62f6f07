import { Inject, Injectable } from '@nestjs/common';
import type { Actor, WardRoleName } from '@kientoan/domain';
import type { PrismaClient } from '@kientoan/platform';
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
      const member = await this.prisma.wardCommitteeMember.findUnique({ where: { id: user.memberId } });
      if (member?.active) (wardRoles[member.wardCode] ??= []).push('approver');
    }
    return {
      userId: user.id,
      username: user.username,
      supervisor: user.supervisor,
      admin: user.admin,
      wardRoles,
      memberId: user.memberId,
    };
  }
}
