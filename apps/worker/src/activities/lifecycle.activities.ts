/** Where the procedure stands: steps begun, whom it waits for and until when, reminders, escalation, the end. */
import { STEP_LABELS, formatVietnamTime } from '@kientoan/domain';
import type { ProcedureActivities, WaitingNotice } from '@kientoan/workflows';
import { withHeartbeat } from './activity-heartbeat';
import { type ActivityContext, writeAudit } from './activity-context';

type LifecycleActivities = Pick<
  ProcedureActivities,
  'beginStep' | 'completeProcedure' | 'endProcedure' | 'markWaiting' | 'sendReminder' | 'escalate'
>;

const WHO: Readonly<Record<WaitingNotice['waitingFor'], string>> = {
  reviewer: 'người rà soát (Văn phòng Đảng ủy)',
  secretary: 'thư ký, Bí thư đảng ủy',
  committee: 'các đồng chí Ủy viên Ban Thường vụ',
};

export const lifecycleActivities = (ctx: ActivityContext): LifecycleActivities => {
  const recipients = async (notice: WaitingNotice, wardCode: string): Promise<string[]> => {
    if (notice.waitingFor !== 'committee') return [`ward:${wardCode}:${notice.waitingFor}`];
    // Only the members who have not voted yet are reminded.
    const opened = await ctx.prisma.procedureStep.findUnique({
      where: {
        procedureId_step_round: {
          procedureId: notice.procedureId,
          step: 'committee_approval',
          round: notice.round,
        },
      },
    });
    const voters = (opened?.outcome as { voters?: string[] } | null)?.voters ?? [];
    const voted = new Set(
      (
        await ctx.prisma.vote.findMany({
          where: { procedureId: notice.procedureId, round: notice.round },
          select: { voterId: true },
        })
      ).map((v) => v.voterId),
    );
    return voters.filter((v) => !voted.has(v)).map((v) => `member:${v}`);
  };

  return {
    beginStep: ({ step, ...key }) =>
      withHeartbeat(async () => {
        await ctx.ledger.begin(key, step);
        await ctx.prisma.procedure.updateMany({
          where: { id: key.procedureId, status: 'running' },
          data: { round: key.round, waitingFor: null, dueAt: null, stalledSince: null },
        });
      }),

    markWaiting: (notice) =>
      withHeartbeat(async () => {
        await ctx.prisma.procedure.updateMany({
          where: { id: notice.procedureId, status: 'running' },
          data: {
            currentStep: notice.step,
            round: notice.round,
            waitingFor: notice.waitingFor,
            dueAt: new Date(notice.dueAt),
            stalledSince: null,
          },
        });
      }),

    sendReminder: (notice) =>
      withHeartbeat(async () => {
        const procedure = await ctx.loadProcedure(ctx.prisma, notice.procedureId);
        const to = await recipients(notice, procedure.wardCode);
        await ctx.deps.notifier.send(
          to.map((recipient) => ({
            procedureId: notice.procedureId,
            dedupeKey: `reminder:${notice.procedureId}:${notice.step}:${notice.round}:${notice.waitingFor}:${recipient}`,
            kind: 'reminder' as const,
            recipient,
            subject: `Nhắc việc: ${procedure.title}`,
            body: `Bước "${STEP_LABELS[notice.step].vi}" đang chờ ${WHO[notice.waitingFor]}; hạn ${formatVietnamTime(new Date(notice.dueAt))}.`,
          })),
        );
      }),

    escalate: (notice) =>
      withHeartbeat(async () => {
        const procedure = await ctx.loadProcedure(ctx.prisma, notice.procedureId);
        await ctx.prisma.procedure.updateMany({
          where: { id: notice.procedureId, status: 'running', stalledSince: null },
          data: { stalledSince: new Date(notice.dueAt) },
        });
        await ctx.deps.notifier.send([
          {
            procedureId: notice.procedureId,
            dedupeKey: `escalation:${notice.procedureId}:${notice.step}:${notice.round}:${notice.waitingFor}`,
            kind: 'escalation',
            recipient: 'role:supervisor',
            subject: `Quá hạn: ${procedure.title} (${procedure.ward.name})`,
            body: `Bước "${STEP_LABELS[notice.step].vi}" chờ ${WHO[notice.waitingFor]} đã quá hạn từ ${formatVietnamTime(new Date(notice.dueAt))}.`,
          },
        ]);
      }),

    completeProcedure: (key) =>
      withHeartbeat(async () => {
        await ctx.prisma.procedure.updateMany({
          where: { id: key.procedureId, status: 'running' },
          data: {
            status: 'completed',
            currentStep: null,
            waitingFor: null,
            dueAt: null,
            stalledSince: null,
            completedAt: ctx.now(),
          },
        });
      }),

    endProcedure: ({ outcome, by, reason, audit, ...key }) =>
      withHeartbeat(async () => {
        const procedure = await ctx.loadProcedure(ctx.prisma, key.procedureId);
        await ctx.prisma.$transaction(async (tx) => {
          await writeAudit(tx, audit, {
            action: outcome === 'withdrawn' ? 'procedure.withdraw' : 'supervision.cancel',
            procedureId: key.procedureId,
            wardCode: procedure.wardCode,
            after: { outcome, reason, round: key.round },
            dedupeKey: `end:${key.procedureId}`,
          });
          await tx.procedure.updateMany({
            where: { id: key.procedureId, status: 'running' },
            data: {
              status: outcome,
              endedBy: by,
              endedReason: reason,
              waitingFor: null,
              dueAt: null,
              stalledSince: null,
              completedAt: ctx.now(),
            },
          });
        });
      }),
  };
};
