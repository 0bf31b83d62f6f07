import { Inject, Injectable } from '@nestjs/common';
import type { Prisma, PrismaClient } from '@kientoan/platform';
import type { RequestContext } from '../auth/current-actor.decorator';
import { PRISMA } from '../infrastructure/infrastructure.module';

export interface AuditRecord {
  readonly action: string;
  readonly role: string;
  readonly procedureId?: string;
  readonly wardCode?: string;
  readonly before?: unknown;
  readonly after?: unknown;
  /** Makes the entry once per key (an entry another process may write for the same event). */
  readonly dedupeKey?: string;
}

/** Appends to the audit trail (append-only: the database refuses UPDATE and DELETE). Never logs secrets. */
@Injectable()
export class AuditLog {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async record(ctx: RequestContext, entry: AuditRecord, tx?: Prisma.TransactionClient): Promise<void> {
    await (tx ?? this.prisma).auditEntry.create({
      data: {
        actorId: ctx.actor.userId,
        role: entry.role,
        action: entry.action,
        procedureId: entry.procedureId ?? null,
        wardCode: entry.wardCode ?? null,
        before: entry.before === undefined ? undefined : (entry.before as Prisma.InputJsonValue),
        after: entry.after === undefined ? undefined : (entry.after as Prisma.InputJsonValue),
        clientAddress: ctx.clientAddress,
        requestId: ctx.requestId,
        dedupeKey: entry.dedupeKey ?? null,
      },
    });
  }
}
