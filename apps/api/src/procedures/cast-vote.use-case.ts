import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ProcedureErrors, type Tally, mayVoteAs } from '@kientoan/domain';
import type { PrismaClient } from '@kientoan/platform';
import type { RequestContext } from '../auth/current-actor.decorator';
import { PRISMA } from '../infrastructure/infrastructure.module';
import { auditContext } from './procedure-action.runner';
import { ProcedureFinder, assertRunning } from './procedure-finder';
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

const notYourVote = (voterId: string) =>
  new DomainError(
    'NOT_YOUR_VOTE',
    'forbidden',
    'Tài khoản không được biểu quyết thay thành viên khác của Ban Thường vụ.',
    `This account may not vote as member ${voterId}.`,
    { field: 'voterId', voterId },
  );

/**
 * A committee member's vote, sent to the workflow as an Update (its validator re-checks membership, so the
 * API is not the only guard). The idempotency key is the Update id, so Temporal answers a repeat with the
 * first result; once the vote is in PostgreSQL, a repeat is answered from there.
 */
@Injectable()
export class CastVoteUseCase {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(ProcedureFinder) private readonly procedures: ProcedureFinder,
    @Inject(ProcedureWorkflowGateway) private readonly workflows: ProcedureWorkflowGateway,
  ) {}

  async execute(
    ctx: RequestContext,
    procedureId: string,
    body: CastVoteBody & { idempotencyKey: string },
  ): Promise<CastVoteResponse> {
    const procedure = await this.procedures.require(ctx.actor, procedureId, 'procedure.vote');
    const voterId = body.voterId ?? ctx.actor.memberId ?? '';
    if (!mayVoteAs(ctx.actor, voterId)) throw notYourVote(voterId);

    const earlier = await this.prisma.vote.findUnique({
      where: { procedureId_idempotencyKey: { procedureId, idempotencyKey: body.idempotencyKey } },
    });
    if (earlier) {
      if (earlier.voterId !== voterId || earlier.choice !== body.choice)
        throw ProcedureErrors.idempotencyKeyReused(body.idempotencyKey);
      return {
        procedureId,
        round: earlier.round,
        voterId,
        choice: earlier.choice,
        tally: null,
        replayed: true,
      };
    }
    assertRunning(procedure);

    const result = await this.workflows.castVote(
      procedureId,
      {
        voterId,
        choice: body.choice,
        idempotencyKey: body.idempotencyKey,
        ...(body.comment ? { comment: body.comment } : {}),
        audit: auditContext(ctx, 'procedure.vote', procedure.wardCode),
      },
      ctx.receivedAt === undefined ? {} : { since: ctx.receivedAt },
    );
    return {
      procedureId,
      round: result.round,
      voterId,
      choice: body.choice,
      tally: result.tally,
      replayed: false,
    };
  }
}
