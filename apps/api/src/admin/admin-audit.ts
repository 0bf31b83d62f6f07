import type { AuditSink } from '@kientoan/platform';
import type { AuditLog } from '../audit/audit-log';
import type { RequestContext } from '../auth/current-actor.decorator';

/** Admin changes are audited in their own transaction, with the request's actor, address and id. */
export const auditSinkFor =
  (audit: AuditLog, ctx: RequestContext): AuditSink =>
  (tx, entry) =>
    audit.record(ctx, entry, tx);
