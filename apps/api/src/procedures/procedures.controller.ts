import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@kientoan/domain';
import { CurrentActor, Ctx, type RequestContext } from '../auth/current-actor.decorator';
import { openApiSchema } from '../common/validation/openapi-schema';
import { ZodValidationPipe } from '../common/validation/zod-validation.pipe';
import { CastVoteUseCase } from './cast-vote.use-case';
import { GetProcedureRulesUseCase } from './get-procedure-rules.use-case';
import { GetProcedureUseCase } from './get-procedure.use-case';
import { GetTimelineUseCase } from './get-timeline.use-case';
import {
  type ListProceduresQuery,
  listProceduresQuerySchema,
  procedureListSchema,
} from './list-procedures.schemas';
import { ListProceduresUseCase } from './list-procedures.use-case';
import {
  type CastVoteBody,
  type StartProcedureBody,
  castVoteSchema,
  procedureIdSchema,
  startProcedureSchema,
} from './procedure.schemas';
import { StartProcedureUseCase } from './start-procedure.use-case';
import { optionalIdempotencyKey, requiredIdempotencyKey } from './idempotency-key';
import { ApiQueryFrom, ApiResult } from '../common/openapi/api-responses';
import {
  castVoteResponseSchema,
  procedureDetailSchema,
  procedureRulesSchema,
  startedProcedureSchema,
  timelineSchema,
} from './procedure.responses';

const procedureId = new ZodValidationPipe(procedureIdSchema);

@ApiTags('procedures')
@ApiBearerAuth()
@ApiResponse({ status: 401, description: 'No or invalid bearer token' })
@ApiResponse({ status: 403, description: 'No role for this ward' })
@Controller('procedures')
export class ProceduresController {
  constructor(
    @Inject(StartProcedureUseCase) private readonly startProcedure: StartProcedureUseCase,
    @Inject(GetProcedureUseCase) private readonly getProcedure: GetProcedureUseCase,
    @Inject(CastVoteUseCase) private readonly castVote: CastVoteUseCase,
    @Inject(GetTimelineUseCase) private readonly timeline: GetTimelineUseCase,
    @Inject(ListProceduresUseCase) private readonly listProcedures: ListProceduresUseCase,
    @Inject(GetProcedureRulesUseCase) private readonly rules: GetProcedureRulesUseCase,
  ) {}

  // Before ':id', which would take "rules" for an id.
  @Get('rules')
  @ApiResult(procedureRulesSchema)
  @ApiOperation({
    summary:
      'Quy tắc ngày khi khởi tạo (ngày hiệu lực, lễ công bố) / The date rules a start enforces, as of today',
  })
  getRules() {
    return this.rules.execute();
  }

  @Get()
  @ApiResult(procedureListSchema)
  @ApiOperation({
    summary:
      'Danh sách thủ tục được xem (lọc, sắp xếp, phân trang) / Procedures the account may read, filtered and keyset-paged',
  })
  @ApiQueryFrom(listProceduresQuerySchema)
  list(
    @CurrentActor() actor: Actor,
    @Query(new ZodValidationPipe(listProceduresQuerySchema)) query: ListProceduresQuery,
  ) {
    return this.listProcedures.execute(actor, query);
  }

  @Get(':id/timeline')
  @ApiResult(timelineSchema)
  @ApiOperation({
    summary: 'Diễn biến: các bước và thao tác của người dùng / Steps and human actions in order',
  })
  getTimeline(@CurrentActor() actor: Actor, @Param('id', procedureId) id: string) {
    return this.timeline.execute(actor, id);
  }

  @Post()
  @ApiResult(startedProcedureSchema, 202, 'Started: the workflow runs in the background')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Khởi tạo thủ tục kiện toàn / Start a procedure' })
  @ApiBody({
    schema: openApiSchema(startProcedureSchema),
    examples: {
      rename: {
        value: { wardCode: 'phuong-kim-lien', kind: 'rename', title: 'Đổi tên 70 chi bộ tổ dân phố' },
      },
    },
  })
  @ApiResponse({
    status: 400,
    description: 'Invalid body or a resolution that breaks registry rules: every field and reason',
  })
  @ApiResponse({ status: 409, description: 'A procedure with this id already exists' })
  @ApiHeader({
    name: 'idempotency-key',
    required: false,
    description: 'Same key (same account) → the same procedure: a retried start answers the first one',
  })
  start(
    @Ctx() ctx: RequestContext,
    @Body(new ZodValidationPipe(startProcedureSchema)) body: StartProcedureBody,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.startProcedure.execute(ctx, body, optionalIdempotencyKey(key));
  }

  @Get(':id')
  @ApiResult(procedureDetailSchema)
  @ApiOperation({ summary: 'Xem thủ tục, bước hiện tại và các bước / A procedure with its steps' })
  @ApiResponse({ status: 404, description: 'No such procedure' })
  get(@CurrentActor() actor: Actor, @Param('id', procedureId) id: string) {
    return this.getProcedure.execute(actor, id);
  }

  @Post(':id/approvals')
  @ApiResult(castVoteResponseSchema)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Biểu quyết của thành viên Ban Thường vụ / A committee member votes' })
  @ApiHeader({ name: 'idempotency-key', required: false, description: 'Same key → counted once' })
  @ApiBody({
    schema: openApiSchema(castVoteSchema),
    examples: {
      approve: { value: { voterId: 'phuong-kim-lien-btv-01', choice: 'approve', comment: 'Nhất trí' } },
    },
  })
  @ApiResponse({ status: 403, description: 'Not a member of the voting body' })
  @ApiResponse({ status: 409, description: 'Vote not open, or this member already voted' })
  vote(
    @Ctx() ctx: RequestContext,
    @Param('id', procedureId) id: string,
    @Body(new ZodValidationPipe(castVoteSchema)) body: CastVoteBody,
    @Headers('idempotency-key') headerKey?: string,
  ) {
    const idempotencyKey = requiredIdempotencyKey(body.idempotencyKey, headerKey);
    return this.castVote.execute(ctx, id, { ...body, idempotencyKey });
  }
}
