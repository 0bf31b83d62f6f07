import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { openApiSchema } from '../common/validation/openapi-schema';
import { ZodValidationPipe } from '../common/validation/zod-validation.pipe';
import { CastVoteUseCase } from './cast-vote.use-case';
import { GetProcedureUseCase } from './get-procedure.use-case';
import {
  type CastVoteBody,
  type StartProcedureBody,
  castVoteSchema,
  procedureIdSchema,
  startProcedureSchema,
} from './procedure.schemas';
import { StartProcedureUseCase } from './start-procedure.use-case';
import { requiredIdempotencyKey } from './idempotency-key';

const procedureId = new ZodValidationPipe(procedureIdSchema);

@ApiTags('procedures')
@Controller('procedures')
export class ProceduresController {
  constructor(
    @Inject(StartProcedureUseCase) private readonly startProcedure: StartProcedureUseCase,
    @Inject(GetProcedureUseCase) private readonly getProcedure: GetProcedureUseCase,
    @Inject(CastVoteUseCase) private readonly castVote: CastVoteUseCase,
  ) {}

  @Post()
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
  @ApiResponse({ status: 202, description: 'Started: the workflow runs in the background' })
  @ApiResponse({
    status: 400,
    description: 'Invalid body or a resolution that breaks registry rules: every field and reason',
  })
  @ApiResponse({ status: 409, description: 'A procedure with this id already exists' })
  start(@Body(new ZodValidationPipe(startProcedureSchema)) body: StartProcedureBody) {
    return this.startProcedure.execute(body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Xem thủ tục, bước hiện tại và các bước / A procedure with its steps' })
  @ApiResponse({ status: 404, description: 'No such procedure' })
  get(@Param('id', procedureId) id: string) {
    return this.getProcedure.execute(id);
  }

  @Post(':id/approvals')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Biểu quyết của thành viên Ban Thường vụ / A committee member votes' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key → counted once' })
  @ApiBody({
    schema: openApiSchema(castVoteSchema),
    examples: {
      approve: { value: { voterId: 'phuong-kim-lien-btv-01', choice: 'approve', comment: 'Nhất trí' } },
    },
  })
  @ApiResponse({ status: 403, description: 'Not a member of the voting body' })
  @ApiResponse({ status: 409, description: 'Vote not open, or this member already voted' })
  vote(
    @Param('id', procedureId) id: string,
    @Body(new ZodValidationPipe(castVoteSchema)) body: CastVoteBody,
    @Headers('idempotency-key') headerKey?: string,
  ) {
    const idempotencyKey = requiredIdempotencyKey(body.idempotencyKey, headerKey);
    return this.castVote.execute(id, { ...body, idempotencyKey });
  }
}
