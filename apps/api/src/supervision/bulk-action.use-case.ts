import { Inject, Injectable } from '@nestjs/common';
import { authorize, isDomainError } from '@kientoan/domain';
import type { PrismaClient } from '@kientoan/platform';
import { cancelUpdate } from '@kientoan/workflows';
import { AuditLog } from '../audit/audit-log';
import type { RequestContext } from '../auth/current-actor.decorator';
import { PRISMA } from '../infrastructure/infrastructure.module';
import { auditContext } from '../procedures/procedure-action.runner';
import { ProcedureWorkflowGateway } from '../procedures/procedure-workflow.gateway';
import { runningProceduresWhere } from './procedure-filter';
import type { BulkAction } from './supervision.schemas';

export interface BulkResult {
  readonly procedureId: string;
  readonly ok: boolean;
  readonly code?: string;
  readonly message?: string;
}

/**
 * Remind, escalate or cancel every running procedure that a filter selects. A dry run only counts; a real
 * run answers per procedure. Reminders and escalations are idempotent per procedure, action and hour.
 */
@Injectable()
export class BulkActionUseCase {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(ProcedureWorkflowGateway) private readonly workflows: ProcedureWorkflowGateway,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute(ctx: RequestContext, body: BulkAction) {
    authorize(ctx.actor, 'supervision.act');
    const now = new Date();
    const where = runningProceduresWhere(body.filter, now);
    const matched = await this.prisma.procedure.count({ where });
    if (body.dryRun)
      return { dryRun: true, action: body.action, matched, wouldTouch: Math.min(matched, body.limit) };

    const procedures = await this.prisma.procedure.findMany({
      where,
      orderBy: [{ stalledSince: 'asc' }, { id: 'asc' }],
      take: body.limit,
      include: { ward: true },
    });
    const hour = now.toISOString().slice(0, 13);
    const results: BulkResult[] = [];
    for (const p of procedures) {
      try {
        if (body.action === 'cancel') {
          // The worker records the end and its audit entry together.
          await this.workflows.action(
            p.id,
            cancelUpdate,
            { by: ctx.actor.userId, reason: body.reason ?? '', audit: auditContext(ctx, 'supervisor') },
            `bulk-cancel-${p.id}`,
          );
        } else {
          // The reminder or escalation and its audit entry commit together.
          await this.prisma.$transaction(async (tx) => {
            if (body.action === 'escalate') {
              await tx.procedure.updateMany({
                where: { id: p.id, stalledSince: null },
                data: { stalledSince: now },
              });
            }
            await tx.notification.createMany({
              data: [
                {
                  procedureId: p.id,
                  dedupeKey: `in_app:bulk-${body.action}:${p.id}:${hour}`,
                  channel: 'in_app',
                  kind: body.action === 'remind' ? 'reminder' : 'escalation',
                  recipient:
                    body.action === 'remind'
                      ? `ward:${p.wardCode}:${p.waitingFor ?? 'secretary'}`
                      : 'role:supervisor',
                  subject: `${body.action === 'remind' ? 'Nhắc việc' : 'Chuyển cấp trên xử lý'}: ${p.title} (${p.ward.name})`,
                  body: body.reason ?? `Giám sát ${ctx.actor.username} đề nghị khẩn trương xử lý.`,
                  createdAt: now,
                },
              ],
              skipDuplicates: true,
            });
            await this.audit.record(
              ctx,
              {
                action: `supervision.${body.action}`,
                role: 'supervisor',
                procedureId: p.id,
                wardCode: p.wardCode,
                before: { step: p.currentStep, stalledSince: p.stalledSince },
                after: { reason: body.reason ?? null },
              },
              tx,
            );
          });
        }
        results.push({ procedureId: p.id, ok: true });
      } catch (error) {
        results.push({
          procedureId: p.id,
          ok: false,
          code: isDomainError(error) ? error.code : 'INTERNAL_ERROR',
          message: error instanceof Error ? error.message : String(error),
        });
      }
    }
    return {
      dryRun: false,
      action: body.action,
      matched,
      touched: results.filter((r) => r.ok).length,
      results,
    };
  }
}
