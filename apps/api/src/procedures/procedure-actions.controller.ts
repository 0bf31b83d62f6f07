import { Body, Controller, Headers, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../auth/current-actor.decorator';
import type { z } from 'zod';
import { openApiSchema } from '../common/validation/openapi-schema';
import { ZodValidationPipe } from '../common/validation/zod-validation.pipe';
import { optionalIdempotencyKey } from './idempotency-key';
import {
  endSchema,
  procedureIdSchema,
  resubmitSchema,
  reviewSchema,
  submitDraftSchema,
} from './procedure.schemas';
import { ResubmitProcedureUseCase } from './resubmit-procedure.use-case';
import { ReviewProcedureUseCase } from './review-procedure.use-case';
import { SubmitDraftUseCase } from './submit-draft.use-case';
import { WithdrawProcedureUseCase } from './withdraw-procedure.use-case';
import { ApiResult } from '../common/openapi/api-responses';
import { actionResultSchema } from './procedure.responses';

const procedureId = new ZodValidationPipe(procedureIdSchema);

/** Human actions on a running procedure; each is a workflow Update, refused by the workflow if out of turn. */
@ApiTags('procedures')
@ApiBearerAuth()
@ApiResponse({ status: 403, description: 'No role for this action in the ward' })
@ApiHeader({
  name: 'idempotency-key',
  required: false,
  description: 'A repeat with the same key answers the first result',
})
@ApiResponse({ status: 404, description: 'No such procedure' })
@ApiResponse({
  status: 409,
  description: 'Not the action the procedure is waiting for, or the procedure has ended',
})
@Controller('procedures/:id')
export class ProcedureActionsController {
  constructor(
    @Inject(ReviewProcedureUseCase) private readonly reviewProcedure: ReviewProcedureUseCase,
    @Inject(ResubmitProcedureUseCase) private readonly resubmitProcedure: ResubmitProcedureUseCase,
    @Inject(SubmitDraftUseCase) private readonly submitDraftUseCase: SubmitDraftUseCase,
    @Inject(WithdrawProcedureUseCase) private readonly withdrawProcedure: WithdrawProcedureUseCase,
  ) {}

  @Post('review')
  @ApiResult(actionResultSchema)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Rà soát: chấp nhận hoặc trả lại kèm lý do / Review: accept, or return with reasons',
  })
  @ApiBody({ schema: openApiSchema(reviewSchema) })
  review(
    @Ctx() ctx: RequestContext,
    @Param('id', procedureId) id: string,
    @Body(new ZodValidationPipe(reviewSchema)) body: z.output<typeof reviewSchema>,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.reviewProcedure.execute(ctx, id, body, optionalIdempotencyKey(key));
  }

  @Post('resubmit')
  @ApiResult(actionResultSchema)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Nộp lại sau khi bị trả lại / Resubmit corrected items after a return' })
  @ApiBody({ schema: openApiSchema(resubmitSchema) })
  resubmit(
    @Ctx() ctx: RequestContext,
    @Param('id', procedureId) id: string,
    @Body(new ZodValidationPipe(resubmitSchema)) body: z.output<typeof resubmitSchema>,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.resubmitProcedure.execute(ctx, id, body, optionalIdempotencyKey(key));
  }

  @Post('draft/submit')
  @ApiResult(actionResultSchema)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Trình dự thảo lên Ban Thường vụ (có thể kèm bản sửa) / Submit the draft, optionally edited',
    description:
      'Bản sửa phải giữ nguyên các chỗ trống [[số văn bản]], [[ngày ký]] (và [[số nghị quyết]] trong quyết định): chỉ bước ban hành điền vào; thiếu thì 400 DRAFT_BLANKS_MISSING. Ban Thường vụ biểu quyết đúng phiên bản này và văn bản ban hành giữ nguyên từng chữ. / Edits must keep the blanks, which only the issue step fills (400 DRAFT_BLANKS_MISSING otherwise); the committee votes on this exact version and it is issued word for word.',
  })
  @ApiBody({ schema: openApiSchema(submitDraftSchema) })
  submitDraft(
    @Ctx() ctx: RequestContext,
    @Param('id', procedureId) id: string,
    @Body(new ZodValidationPipe(submitDraftSchema)) body: z.output<typeof submitDraftSchema>,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.submitDraftUseCase.execute(ctx, id, body, optionalIdempotencyKey(key));
  }

  @Post('withdraw')
  @ApiResult(actionResultSchema)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Rút thủ tục (trước khi ban hành) / Withdraw before the decision' })
  @ApiBody({ schema: openApiSchema(endSchema) })
  withdraw(
    @Ctx() ctx: RequestContext,
    @Param('id', procedureId) id: string,
    @Body(new ZodValidationPipe(endSchema)) body: z.output<typeof endSchema>,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.withdrawProcedure.execute(ctx, id, body, optionalIdempotencyKey(key));
  }
}
