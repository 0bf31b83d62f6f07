/**
 * A ward's congresses, for admins: read them (with the terms documents are already numbered in) and replace
 * them (validated, audited, refused with 409 when a numbered document would change term).
 */
import { Inject, Injectable } from '@nestjs/common';
import { authorize } from '@kientoan/domain';
import {
  type PrismaClient,
  type SetWardCongresses,
  readWardCongresses,
  setWardCongresses,
} from '@kientoan/platform';
import { AuditLog } from '../audit/audit-log';
import type { RequestContext } from '../auth/current-actor.decorator';
import { PRISMA } from '../infrastructure/infrastructure.module';
import { auditSinkFor } from './admin-audit';

@Injectable()
export class GetWardCongressesUseCase {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  execute(ctx: RequestContext, wardCode: string) {
    authorize(ctx.actor, 'accounts.administer');
    return readWardCongresses(this.prisma, wardCode);
  }
}

@Injectable()
export class SetWardCongressesUseCase {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  execute(ctx: RequestContext, wardCode: string, command: SetWardCongresses) {
    authorize(ctx.actor, 'accounts.administer');
    return setWardCongresses(this.prisma, wardCode, command.congresses, auditSinkFor(this.audit, ctx));
  }
}
