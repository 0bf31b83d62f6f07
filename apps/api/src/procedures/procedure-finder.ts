import { Inject, Injectable } from '@nestjs/common';
import { type Action, type Actor, ProcedureErrors, authorize } from '@kientoan/domain';
import type { PrismaClient } from '@kientoan/platform';
import { PRISMA } from '../infrastructure/infrastructure.module';

/** 409 unless the procedure is running: `PROCEDURE_FAILED` for a failed one, else `PROCEDURE_TERMINATED`. */
export const assertRunning = (procedure: { status: string; failureCode: string | null }): void => {
  if (procedure.status === 'failed') throw ProcedureErrors.failed(procedure.failureCode);
  if (procedure.status !== 'running') throw ProcedureErrors.terminated(procedure.status);
};

/**
 * 404 for an unknown procedure, 403 for an actor without the role in its ward, 409 for one that has ended
 * (`PROCEDURE_TERMINATED`) or failed (`PROCEDURE_FAILED`):
 * checked before anything is sent to Temporal.
 */
@Injectable()
export class ProcedureFinder {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async require(actor: Actor, id: string, action: Action) {
    const procedure = await this.prisma.procedure.findUnique({ where: { id } });
    if (!procedure) throw ProcedureErrors.notFound(id);
    authorize(actor, action, procedure.wardCode);
    return procedure;
  }

  async requireRunning(actor: Actor, id: string, action: Action) {
    const procedure = await this.require(actor, id, action);
    assertRunning(procedure);
    return procedure;
  }
}
