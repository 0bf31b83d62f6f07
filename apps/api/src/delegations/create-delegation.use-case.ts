import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DomainError, type WardRoleName, dateInVietnam, isAllowed } from '@kientoan/domain';
import { type PrismaClient, environmentFrom, servingOn } from '@kientoan/platform';
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

const startsInPast = () =>
  new DomainError(
    'DELEGATION_STARTS_IN_PAST',
    'invalid',
    'Thời điểm bắt đầu ủy quyền không được ở trong quá khứ.',
    'A delegation cannot start in the past.',
    { field: 'validFrom' },
  );
const tooLong = (maxDays: number) =>
  new DomainError(
    'DELEGATION_TOO_LONG',
    'invalid',
    `Thời hạn ủy quyền tối đa là ${maxDays} ngày.`,
    `A delegation lasts at most ${maxDays} days.`,
    { field: 'validTo', maxDays },
  );

/** Clocks of the browser and the server differ a little: a start this close to now counts as now. */
const CLOCK_SKEW_MS = 60_000;
const DAY_MS = 86_400_000;

/** The holder of a ward role names an acting secretary, reviewer or approver for a period; recorded and audited. */
@Injectable()
export class CreateDelegationUseCase {
  private readonly maxDays: number;

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(ConfigService) config: ConfigService,
  ) {
    this.maxDays = environmentFrom(config).DELEGATION_MAX_DAYS;
  }

  async execute(ctx: RequestContext, body: CreateDelegationBody) {
    // A delegation has an end: it starts now or later and lasts at most the configured period.
    const validFrom = new Date(body.validFrom);
    const validTo = new Date(body.validTo);
    if (validFrom.getTime() < Date.now() - CLOCK_SKEW_MS) throw startsInPast();
    if (validTo.getTime() - validFrom.getTime() > this.maxDays * DAY_MS) throw tooLong(this.maxDays);
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
          validFrom,
          validTo,
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
      const today = new Date(`${dateInVietnam(new Date())}T00:00:00Z`);
      const member = await this.prisma.wardCommitteeMember.findFirst({
        where: { id: memberId, ...servingOn(today) },
      });
      if (member) (roles[member.wardCode] ??= []).push('approver');
    }
    return roles;
  }
}
