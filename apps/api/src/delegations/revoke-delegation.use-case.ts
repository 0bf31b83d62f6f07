import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@kientoan/domain';
import type { PrismaClient } from '@kientoan/platform';
import { AuditLog } from '../audit/audit-log';
import type { RequestContext } from '../auth/current-actor.decorator';
import { PRISMA } from '../infrastructure/infrastructure.module';

const notFound = (id: string) =>
  new DomainError(
    'DELEGATION_NOT_FOUND',
    'not_found',
    'Không tìm thấy ủy quyền này.',
    `There is no delegation ${id}.`,
    { id },
  );
const mayNotRevoke = () =>
  new DomainError(
    'DELEGATION_REVOKE_FORBIDDEN',
    'forbidden',
    'Chỉ người ủy quyền, quản trị viên hoặc giám sát viên mới thu hồi được ủy quyền này.',
    'Only the delegator, an admin or a supervisor may revoke this delegation.',
  );

/**
 * Ends a delegation now (the delegator, an admin or a supervisor). It stops working at once: the actor of
 * every request is loaded afresh. Revoking one already ended answers it as it is.
 */
@Injectable()
export class RevokeDelegationUseCase {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute(ctx: RequestContext, id: string) {
    return this.prisma.$transaction(async (tx) => {
      const delegation = await tx.delegation.findUnique({ where: { id } });
      if (!delegation) throw notFound(id);
      const { actor } = ctx;
      const role =
        actor.userId === delegation.fromUserId ? 'delegator' : actor.admin ? 'admin' : 'supervisor';
      if (role === 'supervisor' && !actor.supervisor) throw mayNotRevoke();
      const now = new Date();
      if (delegation.revokedAt || delegation.validTo <= now) return delegation;
      const revoked = await tx.delegation.update({
        where: { id },
        data: { revokedAt: now, revokedBy: actor.userId, revokedReason: 'revoked' },
      });
      await this.audit.record(
        ctx,
        {
          action: 'delegation.revoke',
          role,
          wardCode: delegation.wardCode,
          before: delegation,
          after: revoked,
        },
        tx,
      );
      return revoked;
    });
  }
}
