import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type WardRoleName, isAllowed } from '@kientoan/domain';
import type { PrismaClient } from '@kientoan/platform';
import { AuditLog } from '../audit/audit-log';
import type { RequestContext } from '../auth/current-actor.decorator';
import { PRISMA } from '../infrastructure/infrastructure.module';
import type { CreateDelegationBody } from './delegation.schemas';

const ACTION_FOR_ROLE = {
  secretary: 'procedure.start',
  reviewer: 'procedure.review',
  approver: 'procedure.vote',
} as const;

const notHolder = (role: WardRoleName, ward: string) =>
  new DomainError(
    'NOT_ROLE_HOLDER',
    'forbidden',
    `Chỉ người giữ vai trò ${role} tại ${ward} mới ủy quyền được.`,
    `Only the holder of ${role} in ${ward} may delegate it.`,
    { field: 'role' },
  );
const unknownUser = (username: string) =>
  new DomainError(
    'USER_NOT_FOUND',
    'invalid',
    `Không có tài khoản "${username}".`,
    `There is no account "${username}".`,
    { field: 'toUsername' },
  );
const selfDelegation = () =>
  new DomainError(
    'SELF_DELEGATION',
    'invalid',
    'Không thể tự ủy quyền cho chính mình.',
    'An account cannot delegate to itself.',
    { field: 'toUsername' },
  );

/** The holder of a ward role names an acting secretary, reviewer or approver for a period; recorded and audited. */
@Injectable()
export class CreateDelegationUseCase {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute(ctx: RequestContext, body: CreateDelegationBody) {
    // Only a role held in one's own right can be passed on (not one received by delegation).
    const own = {
      ...ctx.actor,
      actingForMembers: [],
      wardRoles: await this.ownRoles(ctx.actor.userId, ctx.actor.memberId),
    };
    if (!isAllowed(own, ACTION_FOR_ROLE[body.role], body.wardCode)) throw notHolder(body.role, body.wardCode);
    const to = await this.prisma.userAccount.findUnique({ where: { username: body.toUsername } });
    if (!to) throw unknownUser(body.toUsername);
    if (to.id === ctx.actor.userId) throw selfDelegation();
    const delegation = await this.prisma.$transaction(async (tx) => {
      const created = await tx.delegation.create({
        data: {
          id: randomUUID(),
          fromUserId: ctx.actor.userId,
          toUserId: to.id,
          wardCode: body.wardCode,
          role: body.role,
          memberId: body.role === 'approver' ? ctx.actor.memberId : null,
          validFrom: new Date(body.validFrom),
          validTo: new Date(body.validTo),
          reason: body.reason ?? null,
        },
      });
      await this.audit.record(
        ctx,
        { action: 'delegation.create', role: body.role, wardCode: body.wardCode, after: created },
        tx,
      );
      return created;
    });
    return delegation;
  }

  private async ownRoles(userId: string, memberId: string | null): Promise<Record<string, WardRoleName[]>> {
    const roles: Record<string, WardRoleName[]> = {};
    for (const r of await this.prisma.userWardRole.findMany({ where: { userId } }))
      (roles[r.wardCode] ??= []).push(r.role);
    if (memberId) {
      const member = await this.prisma.wardCommitteeMember.findUnique({ where: { id: memberId } });
      if (member?.active) (roles[member.wardCode] ??= []).push('approver');
    }
    return roles;
  }
}
