import { Inject, Injectable } from '@nestjs/common';
import { ProcedureErrors, type Tally } from '@kientoan/domain';
import type { PrismaClient } from '@kientoan/platform';
import { PRISMA } from '../infrastructure/infrastructure.module';
import { ProcedureWorkflowGateway } from './procedure-workflow.gateway';
import type { CastVoteBody } from './procedure.schemas';

export interface CastVoteResponse {
  readonly procedureId: string;
  readonly round: number;
  readonly voterId: string;
  readonly choice: string;
  /** The tally right after this vote; null when answering a repeat of a vote recorded earlier. */
  readonly tally: Tally | null;
  readonly replayed: boolean;
}

/**
 * A committee member's vote, sent to the workflow as an Update (its validator is the real guard). The
 * idempotency key is the Update id, so Temporal answers a repeat with the first result; once the vote is in
 * PostgreSQL, a repeat is answered from there, even after the procedure has moved on.
 */
@Injectable()
export class CastVoteUseCase {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(ProcedureWorkflowGateway) private readonly workflows: ProcedureWorkflowGateway,
  ) {}

  async execute(
    procedureId: string,
    body: CastVoteBody & { idempotencyKey: string },
  ): Promise<CastVoteResponse> {
    const procedure = await this.prisma.procedure.findUnique({
      where: { id: procedureId },
      select: { status: true },
    });
    if (!procedure) throw ProcedureErrors.notFound(procedureId);

    const earlier = await this.prisma.vote.findUnique({
      where: { procedureId_idempotencyKey: { procedureId, idempotencyKey: body.idempotencyKey } },
    });
    if (earlier) {
      if (earlier.voterId !== body.voterId || earlier.choice !== body.choice) {
        throw ProcedureErrors.idempotencyKeyReused(body.idempotencyKey);
      }
      return {
        procedureId,
        round: earlier.round,
        voterId: earlier.voterId,
        choice: earlier.choice,
        tally: null,
        replayed: true,
      };
    }
    if (procedure.status !== 'running') throw ProcedureErrors.terminated(procedure.status);

    const result = await this.workflows.castVote(procedureId, {
      voterId: body.voterId,
      choice: body.choice,
      idempotencyKey: body.idempotencyKey,
      ...(body.comment ? { comment: body.comment } : {}),
    });
    return {
      procedureId,
      round: result.round,
      voterId: body.voterId,
      choice: body.choice,
      tally: result.tally,
      replayed: false,
    };
  }
}
