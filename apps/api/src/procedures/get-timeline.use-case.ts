import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@kientoan/domain';
import type { PrismaClient } from '@kientoan/platform';
import { PRISMA } from '../infrastructure/infrastructure.module';
import { ProcedureFinder } from './procedure-finder';

export interface TimelineEntry {
  readonly at: Date;
  readonly type: 'step' | 'human';
  readonly action: string;
  readonly actorId: string | null;
  readonly role: string | null;
  readonly round: number | null;
  readonly detail: unknown;
}

/** Workflow steps and human actions of a procedure in one ordered list. */
@Injectable()
export class GetTimelineUseCase {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(ProcedureFinder) private readonly procedures: ProcedureFinder,
  ) {}

  async execute(actor: Actor, id: string) {
    await this.procedures.require(actor, id, 'procedure.read');
    const [steps, audit] = await Promise.all([
      this.prisma.procedureStep.findMany({ where: { procedureId: id } }),
      this.prisma.auditEntry.findMany({ where: { procedureId: id } }),
    ]);
    const entries: TimelineEntry[] = [
      ...steps.flatMap((s): TimelineEntry[] => [
        {
          at: s.startedAt,
          type: 'step',
          action: `${s.step}.started`,
          actorId: null,
          role: null,
          round: s.round,
          detail: null,
        },
        ...(s.completedAt
          ? [
              {
                at: s.completedAt,
                type: 'step' as const,
                action: `${s.step}.completed`,
                actorId: null,
                role: null,
                round: s.round,
                detail: s.outcome,
              },
            ]
          : []),
      ]),
      ...audit.map((a): TimelineEntry => ({
        at: a.at,
        type: 'human',
        action: a.action,
        actorId: a.actorId,
        role: a.role,
        round: null,
        detail: a.after,
      })),
    ];
    entries.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.type === 'human' ? -1 : 1));
    return { items: entries };
  }
}
