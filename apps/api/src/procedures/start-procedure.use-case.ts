import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ProcedureErrors } from '@kientoan/domain';
import { Prisma, type PrismaClient } from '@kientoan/platform';
import { PRISMA } from '../infrastructure/infrastructure.module';
import { ProcedureWorkflowGateway } from './procedure-workflow.gateway';
import type { StartProcedureBody } from './procedure.schemas';

export interface StartedProcedure {
  readonly id: string;
  readonly workflowId: string;
}

/**
 * Stores the procedure and starts its workflow. Either both happen or neither: a failed start removes the
 * row again, and a repeated start (same id) is refused with 409 by the primary key and the workflow id.
 */
@Injectable()
export class StartProcedureUseCase {
  private readonly logger = new Logger(StartProcedureUseCase.name);

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(ProcedureWorkflowGateway) private readonly workflows: ProcedureWorkflowGateway,
  ) {}

  async execute(body: StartProcedureBody): Promise<StartedProcedure> {
    const ward = await this.prisma.ward.findUnique({
      where: { code: body.wardCode },
      select: { code: true },
    });
    if (!ward) throw ProcedureErrors.wardNotFound(body.wardCode);

    const id = body.id ?? randomUUID();
    const workflowId = `procedure-${id}`;
    try {
      await this.prisma.procedure.create({
        data: {
          id,
          wardCode: ward.code,
          kind: body.kind,
          title: body.title,
          workflowId,
          currentStep: 'review',
        },
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw ProcedureErrors.alreadyExists(id);
      }
      throw error;
    }

    try {
      await this.workflows.start({ procedureId: id, wardCode: ward.code, kind: body.kind });
    } catch (error) {
      await this.prisma.procedure.delete({ where: { id } }).catch((cleanup: unknown) => {
        this.logger.error(`Could not remove procedure ${id} after a failed start: ${String(cleanup)}`);
      });
      throw error;
    }
    this.logger.log(`Procedure ${id} started for ${ward.code} (${body.kind})`);
    return { id, workflowId };
  }
}
