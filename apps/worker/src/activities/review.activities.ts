/** The review step: the registry rules against today's registry, and the reviewer's (or the rules') verdict. */
import { type ResolutionItem, planResolution } from '@kientoan/domain';
import { loadSnapshot } from '@kientoan/platform';
import type { ProcedureActivities, StepKey } from '@kientoan/workflows';
import { withHeartbeat } from './activity-heartbeat';
import type { ActivityContext } from './activity-context';

type ReviewActivities = Pick<ProcedureActivities, 'checkRules' | 'recordReview' | 'storeResubmission'>;

export const reviewActivities = (ctx: ActivityContext): ReviewActivities => ({
  checkRules: (key: StepKey) =>
    withHeartbeat(async () => {
      const procedure = await ctx.loadProcedure(ctx.prisma, key.procedureId);
      const snapshot = await loadSnapshot(ctx.prisma, procedure.wardCode);
      const planned = planResolution(snapshot, procedure.items as unknown as ResolutionItem[], {
        wardCode: procedure.wardCode,
        newUnitId: () => 'preview',
      });
      return { violations: planned.ok ? [] : planned.violations.map((v) => `${v.field}: ${v.message}`) };
    }),

  recordReview: ({ by, accepted, reasons, ...key }) =>
    withHeartbeat(async () => {
      const outcome = { accepted, by, reasons: [...reasons] };
      await ctx.ledger.complete(key, 'review', () => Promise.resolve(outcome));
      if (accepted) return;
      const procedure = await ctx.loadProcedure(ctx.prisma, key.procedureId);
      await ctx.prisma.procedure.update({
        where: { id: key.procedureId },
        data: { returnReasons: [...reasons] },
      });
      await ctx.deps.notifier.send([
        {
          procedureId: key.procedureId,
          dedupeKey: `returned:${key.procedureId}:${key.round}`,
          kind: 'returned',
          recipient: `ward:${procedure.wardCode}:secretary`,
          subject: `Thủ tục "${procedure.title}" được trả lại để chỉnh sửa`,
          body: `${by === 'rules' ? 'Rà soát tự động theo sổ đăng ký' : `Người rà soát ${by}`} trả lại với lý do:\n- ${reasons.join('\n- ')}`,
        },
      ]);
    }),

  storeResubmission: ({ by, items, ...key }) =>
    withHeartbeat(async () => {
      await ctx.prisma.procedure.update({
        where: { id: key.procedureId },
        data: { items: items, returnReasons: undefined, initiatedBy: by },
      });
    }),
});
