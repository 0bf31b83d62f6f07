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
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@kientoan/domain';
import type { z } from 'zod';
import { CurrentActor, Ctx, type RequestContext } from '../auth/current-actor.decorator';
import { optionalIdempotencyKey } from '../procedures/idempotency-key';
import { endSchema, procedureIdSchema } from '../procedures/procedure.schemas';
import { CancelProcedureUseCase } from './cancel-procedure.use-case';
import { openApiSchema } from '../common/validation/openapi-schema';
import { ZodValidationPipe } from '../common/validation/zod-validation.pipe';
import { BulkActionUseCase } from './bulk-action.use-case';
import { ListStalledUseCase } from './list-stalled.use-case';
import {
  type BulkAction,
  type StalledQuery,
  bulkActionSchema,
  stalledQuerySchema,
} from './supervision.schemas';
import { WardProgressUseCase } from './ward-progress.use-case';
import { ApiResult } from '../common/openapi/api-responses';
import {
  bulkActionResponseSchema,
  cancelResponseSchema,
  stalledListSchema,
  wardProgressSchema,
} from './supervision.responses';

@ApiTags('supervision')
@ApiBearerAuth()
@ApiResponse({ status: 403, description: 'Supervisors only' })
@Controller('supervision')
export class SupervisionController {
  constructor(
    @Inject(ListStalledUseCase) private readonly stalled: ListStalledUseCase,
    @Inject(WardProgressUseCase) private readonly progress: WardProgressUseCase,
    @Inject(BulkActionUseCase) private readonly bulk: BulkActionUseCase,
    @Inject(CancelProcedureUseCase) private readonly cancelProcedure: CancelProcedureUseCase,
  ) {}

  @Get('stalled')
  @ApiResult(stalledListSchema)
  @ApiOperation({ summary: 'Thủ tục quá hạn, lâu nhất trước / Stalled procedures, oldest first' })
  @ApiQuery({ name: 'stalledForHours', required: false })
  @ApiQuery({ name: 'wardCode', required: false })
  @ApiQuery({ name: 'step', required: false })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'after', required: false, description: 'Cursor from the previous page' })
  listStalled(
    @CurrentActor() actor: Actor,
    @Query(new ZodValidationPipe(stalledQuerySchema)) query: StalledQuery,
  ) {
    return this.stalled.execute(actor, query);
  }

  @Get('progress')
  @ApiResult(wardProgressSchema)
  @ApiOperation({ summary: 'Tiến độ của 126 xã, phường / Progress of all 126 communes and wards' })
  wardProgress(@CurrentActor() actor: Actor) {
    return this.progress.execute(actor);
  }

  @Post('bulk')
  @ApiResult(bulkActionResponseSchema)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Nhắc, chuyển cấp trên, hủy theo bộ lọc (có chạy thử) / Bulk remind, escalate, cancel (dry run first)',
  })
  @ApiBody({ schema: openApiSchema(bulkActionSchema) })
  bulkAction(@Ctx() ctx: RequestContext, @Body(new ZodValidationPipe(bulkActionSchema)) body: BulkAction) {
    return this.bulk.execute(ctx, body);
  }

  @Post('procedures/:id/cancel')
  @ApiResult(cancelResponseSchema)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Hủy một thủ tục kèm lý do / Cancel one procedure with a reason' })
  @ApiBody({ schema: openApiSchema(endSchema) })
  cancel(
    @Ctx() ctx: RequestContext,
    @Param('id', new ZodValidationPipe(procedureIdSchema)) id: string,
    @Body(new ZodValidationPipe(endSchema)) body: z.output<typeof endSchema>,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.cancelProcedure.execute(ctx, id, body, optionalIdempotencyKey(key));
  }
}
