/** The review step: the registry rules against today's registry, and the reviewer's (or the rules') verdict. */
import { violationReasons } from '@kientoan/domain';
import { recipientAddress } from '@kientoan/platform';
import { type ProcedureActivities, type StepInput, idempotencyKey } from '@kientoan/workflows';
import { withHeartbeat } from './activity-heartbeat';
import { type ActivityContext, writeAudit } from './activity-context';

type ReviewActivities = Pick<ProcedureActivities, 'checkRules' | 'recordReview' | 'storeResubmission'>;

const RETURNED_BY: Readonly<Record<string, string>> = {
  rules: 'Rà soát tự động theo sổ đăng ký',
  registry: 'Sổ đăng ký đã thay đổi trước khi ban hành;',
};

export const reviewActivities = (ctx: ActivityContext): ReviewActivities => ({
  checkRules: (input: StepInput) =>
    withHeartbeat(async () => {
      const key = await ctx.beginStep(input, 'review');
      const procedure = await ctx.loadProcedureRow(ctx.prisma, key.procedureId);
      // The plan stored at start is reused while the registry is unchanged; the draft step reads it again.
      const { plan } = await ctx.planOf(ctx.prisma, procedure);
      return { violations: plan.ok ? [] : violationReasons(plan.violations) };
    }),

  // One transaction: the review's outcome, its audit entry and (on a return) the secretary's notification.
  recordReview: ({ by, accepted, reasons, audit, ...key }) =>
    withHeartbeat(async () => {
      const outcome = { accepted, by, reasons: [...reasons] };
      await ctx.ledger.complete(key, 'review', async (tx) => {
        const procedure = await ctx.loadProcedureRow(tx, key.procedureId);
        await writeAudit(tx, audit, {
          action: `procedure.review.${accepted ? 'accept' : 'return'}`,
          procedureId: key.procedureId,
          wardCode: procedure.wardCode,
          after: outcome,
          dedupeKey: idempotencyKey('review', key.procedureId, key.round),
        });
        // The reasons reach the row with the workflow's view; the secretary is told here.
        if (!accepted)
          await ctx.deps.notifier.send(
            [
              {
                procedureId: key.procedureId,
                dedupeKey: idempotencyKey('returned', key.procedureId, key.round),
                kind: 'returned',
                recipient: recipientAddress.wardRole(procedure.wardCode, 'secretary'),
                subject: `Thủ tục "${procedure.title}" được trả lại để chỉnh sửa`,
                body: `${RETURNED_BY[by] ?? `Người rà soát ${by}`} trả lại với lý do:\n- ${reasons.join('\n- ')}`,
              },
            ],
            tx,
          );
        return outcome;
      });
    }),

  storeResubmission: ({ by, items, audit, ...key }) =>
    withHeartbeat(async () => {
      await ctx.prisma.$transaction(async (tx) => {
        const before = await ctx.loadProcedureRow(tx, key.procedureId);
        await tx.procedure.update({ where: { id: key.procedureId }, data: { items: items } });
        await writeAudit(tx, audit, {
          action: 'procedure.resubmit',
          procedureId: key.procedureId,
          wardCode: before.wardCode,
          after: { by, round: key.round, items },
          dedupeKey: idempotencyKey('resubmit', key.procedureId, key.round),
        });
      });
    }),
});
