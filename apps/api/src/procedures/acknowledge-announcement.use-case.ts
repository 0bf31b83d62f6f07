import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@kientoan/domain';
import type { PrismaClient } from '@kientoan/platform';
import type { z } from 'zod';
import { AuditLog } from '../audit/audit-log';
import { PRISMA } from '../infrastructure/infrastructure.module';
import type { RequestContext } from '../auth/current-actor.decorator';
import { ProcedureFinder } from './procedure-finder';
import type { acknowledgeSchema } from './procedure.schemas';

const notAnnounced = (id: string) =>
  new DomainError(
    'NOT_ANNOUNCED',
    'conflict',
    'Quyết định chưa được công bố.',
    `The decision of procedure ${id} has not been announced yet.`,
    { procedureId: id },
  );
const notARecipient = (unitId: string) =>
  new DomainError(
    'NOT_A_RECIPIENT',
    'invalid',
    'Tổ chức đã chọn không thuộc diện nhận thông báo này.',
    `Unit "${unitId}" is not a recipient of this announcement.`,
    { field: 'unitId', unitId },
  );

/** An affected unit confirms it received the announcement (audited once); repeating it changes nothing. */
@Injectable()
export class AcknowledgeAnnouncementUseCase {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(ProcedureFinder) private readonly procedures: ProcedureFinder,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute(ctx: RequestContext, id: string, body: z.output<typeof acknowledgeSchema>) {
    const procedure = await this.procedures.require(ctx.actor, id, 'procedure.acknowledge');
    const announcement = await this.prisma.announcement.findUnique({ where: { procedureId: id } });
    if (!announcement) throw notAnnounced(id);
    const recipient = await this.prisma.announcementRecipient.findUnique({
      where: { announcementId_unitId: { announcementId: announcement.id, unitId: body.unitId } },
    });
    if (!recipient) throw notARecipient(body.unitId);
    // The acknowledgement and its audit entry in one transaction; a repeat acknowledges nothing and audits nothing.
    await this.prisma.$transaction(async (tx) => {
      const acknowledgedAt = new Date();
      const { count } = await tx.announcementRecipient.updateMany({
        where: { id: recipient.id, acknowledgedAt: null },
        data: { acknowledgedAt, acknowledgedBy: ctx.actor.userId },
      });
      if (count === 0) return;
      await this.audit.record(
        ctx,
        {
          action: 'announcement.acknowledge',
          role: 'secretary',
          procedureId: id,
          wardCode: procedure.wardCode,
          before: { unitId: body.unitId, acknowledgedAt: null },
          after: { unitId: body.unitId, acknowledgedAt: acknowledgedAt.toISOString() },
        },
        tx,
      );
    });
    const [total, acknowledged] = await Promise.all([
      this.prisma.announcementRecipient.count({ where: { announcementId: announcement.id } }),
      this.prisma.announcementRecipient.count({
        where: { announcementId: announcement.id, acknowledgedAt: { not: null } },
      }),
    ]);
    return {
      unitId: body.unitId,
      documentSymbol: recipient.documentSymbol,
      acknowledged,
      total,
      rate: total ? acknowledged / total : 0,
    };
  }
}
