/**
 * Where the procedure stands: the projection of its view (the one writer), steps begun, reminders and
 * escalations (the workflow's own and supervisors'), failures, the end's audit entry.
 */
import { type ProcedureView, STEP_LABELS, formatVietnamTime } from '@kientoan/domain';
import { recipientAddress } from '@kientoan/platform';
import {
  type ProcedureActivities,
  type SupervisorNudge,
  type WaitingNotice,
  idempotencyKey,
} from '@kientoan/workflows';
import { withHeartbeat } from './activity-heartbeat';
import { type ActivityContext, writeAudit } from './activity-context';
import { writeProcedureView } from './procedure-projection';

type LifecycleActivities = Pick<
  ProcedureActivities,
  | 'projectProcedure'
  | 'reportFailure'
  | 'beginStep'
  | 'completeProcedure'
  | 'endProcedure'
  | 'markWaiting'
  | 'sendReminder'
  | 'escalate'
>;

const WHO: Readonly<Record<WaitingNotice['waitingFor'], string>> = {
  reviewer: 'người rà soát (Văn phòng Đảng ủy)',
  secretary: 'thư ký, Bí thư đảng ủy',
  committee: 'các đồng chí Ủy viên Ban Thường vụ',
};

export const lifecycleActivities = (ctx: ActivityContext): LifecycleActivities => {
  const auditNudge = (
    action: string,
    notice: WaitingNotice,
    wardCode: string,
    nudge: SupervisorNudge,
    to: readonly string[],
  ) =>
    writeAudit(ctx.prisma, nudge.audit, {
      action,
      procedureId: notice.procedureId,
      wardCode,
      after: {
        step: notice.step,
        round: notice.round,
        waitingFor: notice.waitingFor,
        reason: nudge.reason ?? null,
        to,
      },
      dedupeKey: idempotencyKey(action, notice.procedureId, nudge.requestKey),
    });

  const recipients = async (notice: WaitingNotice, wardCode: string): Promise<string[]> => {
    if (notice.waitingFor !== 'committee') return [recipientAddress.wardRole(wardCode, notice.waitingFor)];
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
    return voters.filter((v) => !voted.has(v)).map(recipientAddress.member);
  };

  /** The view a run started before views existed can give (legacy; see `writeProcedureView`). */
  const legacyWrite = (
    procedureId: string,
    view: Partial<ProcedureView> & Pick<ProcedureView, 'status' | 'round'>,
  ) =>
    writeProcedureView(ctx.prisma, {
      procedureId,
      revision: null,
      now: ctx.now(),
      view: {
        deciderStatus: view.status === 'running' ? 'in_step' : 'completed',
        step: null,
        waitingFor: null,
        dueAt: null,
        stalledSince: null,
        returnReasons: null,
        ended: null,
        endedAt: null,
        failure: null,
        ...view,
      },
    });

  const DECIDER_STATUS: Readonly<Record<WaitingNotice['waitingFor'], ProcedureView['deciderStatus']>> = {
    reviewer: 'reviewing',
    secretary: 'drafting',
    committee: 'voting',
  };

  return {
    projectProcedure: (projection) => withHeartbeat(() => ctx.project(projection)),

    reportFailure: ({ code, message, ...key }) =>
      withHeartbeat(async () => {
        const procedure = await ctx.loadProcedure(ctx.prisma, key.procedureId);
        await ctx.deps.notifier.send([
          {
            procedureId: key.procedureId,
            dedupeKey: idempotencyKey('failure', key.procedureId),
            kind: 'failure',
            recipient: recipientAddress.supervisors(),
            subject: `Thủ tục bị dừng do lỗi: ${procedure.title} (${procedure.ward.name})`,
            body: `${message}\nMã lỗi: ${code}. Vòng ${key.round}.`,
          },
        ]);
      }),

    // Only the step's own row: the procedure row is the projection's.
    beginStep: ({ step, ...key }) => withHeartbeat(() => ctx.ledger.begin(key, step)),

    markWaiting: (notice) =>
      withHeartbeat(async () => {
        await legacyWrite(notice.procedureId, {
          status: 'running',
          deciderStatus:
            notice.waitingFor === 'secretary' && notice.step === 'review'
              ? 'returned'
              : DECIDER_STATUS[notice.waitingFor],
          step: notice.step,
          round: notice.round,
          waitingFor: notice.waitingFor,
          dueAt: notice.dueAt,
        });
      }),

    sendReminder: ({ nudge, ...notice }) =>
      withHeartbeat(async () => {
        const procedure = await ctx.loadProcedureRow(ctx.prisma, notice.procedureId);
        const to = await recipients(notice, procedure.wardCode);
        const trigger = nudge ? [nudge.requestKey] : [];
        await ctx.deps.notifier.send(
          to.map((recipient) => ({
            procedureId: notice.procedureId,
            dedupeKey: idempotencyKey(
              'reminder',
              notice.procedureId,
              notice.step,
              notice.round,
              notice.waitingFor,
              recipient,
              ...trigger,
            ),
            kind: 'reminder' as const,
            recipient,
            subject: `Nhắc việc: ${procedure.title}`,
            body: nudge
              ? `${nudge.reason ?? `Giám sát ${nudge.by} đề nghị khẩn trương xử lý.`}\nBước "${STEP_LABELS[notice.step].vi}" đang chờ ${WHO[notice.waitingFor]}; hạn ${formatVietnamTime(new Date(notice.dueAt))}.`
              : `Bước "${STEP_LABELS[notice.step].vi}" đang chờ ${WHO[notice.waitingFor]}; hạn ${formatVietnamTime(new Date(notice.dueAt))}.`,
          })),
        );
        if (nudge) await auditNudge('supervision.remind', notice, procedure.wardCode, nudge, to);
      }),

    escalate: ({ nudge, ...notice }) =>
      withHeartbeat(async () => {
        const procedure = await ctx.loadProcedure(ctx.prisma, notice.procedureId);
        const trigger = nudge ? [nudge.requestKey] : [];
        await ctx.deps.notifier.send([
          {
            procedureId: notice.procedureId,
            dedupeKey: idempotencyKey(
              'escalation',
              notice.procedureId,
              notice.step,
              notice.round,
              notice.waitingFor,
              ...trigger,
            ),
            kind: 'escalation',
            recipient: recipientAddress.supervisors(),
            subject: nudge
              ? `Chuyển cấp trên xử lý: ${procedure.title} (${procedure.ward.name})`
              : `Quá hạn: ${procedure.title} (${procedure.ward.name})`,
            body: nudge
              ? `${nudge.reason ?? `Giám sát ${nudge.by} chuyển cấp trên xử lý.`}\nBước "${STEP_LABELS[notice.step].vi}" đang chờ ${WHO[notice.waitingFor]}; hạn ${formatVietnamTime(new Date(notice.dueAt))}.`
              : `Bước "${STEP_LABELS[notice.step].vi}" chờ ${WHO[notice.waitingFor]} đã quá hạn từ ${formatVietnamTime(new Date(notice.dueAt))}.`,
          },
        ]);
        if (nudge)
          await auditNudge('supervision.escalate', notice, procedure.wardCode, nudge, [
            recipientAddress.supervisors(),
          ]);
      }),

    completeProcedure: (key) =>
      withHeartbeat(async () => {
        await legacyWrite(key.procedureId, {
          status: 'completed',
          deciderStatus: 'completed',
          round: key.round,
          endedAt: ctx.now().toISOString(),
        });
      }),

    endProcedure: ({ outcome, by, reason, audit, ...key }) =>
      withHeartbeat(async () => {
        const procedure = await ctx.loadProcedureRow(ctx.prisma, key.procedureId);
        await writeAudit(ctx.prisma, audit, {
          action: outcome === 'withdrawn' ? 'procedure.withdraw' : 'supervision.cancel',
          procedureId: key.procedureId,
          wardCode: procedure.wardCode,
          after: { outcome, reason, round: key.round },
          dedupeKey: idempotencyKey('end', key.procedureId),
        });
        // A run that publishes views has written the end already (this write then changes nothing).
        await legacyWrite(key.procedureId, {
          status: outcome,
          deciderStatus: 'ended',
          round: key.round,
          ended: { by, reason },
          endedAt: ctx.now().toISOString(),
        });
      }),
  };
};
