import { Inject } from '@nestjs/common';
import { authorize } from '@kientoan/domain';
import { AccountAdministration } from '@kientoan/platform';
import { AuditLog } from '../audit/audit-log';
import type { RequestContext } from '../auth/current-actor.decorator';
import { auditSinkFor } from './admin-audit';

/** The base of every admin use case: admins only, and the audit sink of the request. */
export abstract class AdminUseCase {
  constructor(
    @Inject(AccountAdministration) protected readonly accounts: AccountAdministration,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  protected admit(ctx: RequestContext) {
    authorize(ctx.actor, 'accounts.administer');
    return auditSinkFor(this.audit, ctx);
  }
}
