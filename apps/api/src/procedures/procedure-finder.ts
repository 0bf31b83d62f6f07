import { Inject, Injectable } from '@nestjs/common';
import { ProcedureErrors } from '@kientoan/domain';
import type { PrismaClient } from '@kientoan/platform';
import { PRISMA } from '../infrastructure/infrastructure.module';

/** 404 for an unknown procedure, 409 for one that has ended: checked before anything is sent to Temporal. */
@Injectable()
export class ProcedureFinder {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async require(id: string) {
    const procedure = await this.prisma.procedure.findUnique({ where: { id } });
    if (!procedure) throw ProcedureErrors.notFound(id);
    return procedure;
  }

  async requireRunning(id: string) {
    const procedure = await this.require(id);
    if (procedure.status !== 'running') throw ProcedureErrors.terminated(procedure.status);
    return procedure;
  }
}
