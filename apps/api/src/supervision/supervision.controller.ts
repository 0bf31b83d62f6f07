import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
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

@ApiTags('supervision')
@Controller('supervision')
export class SupervisionController {
  constructor(
    @Inject(ListStalledUseCase) private readonly stalled: ListStalledUseCase,
    @Inject(WardProgressUseCase) private readonly progress: WardProgressUseCase,
    @Inject(BulkActionUseCase) private readonly bulk: BulkActionUseCase,
  ) {}

  @Get('stalled')
  @ApiOperation({ summary: 'Thủ tục quá hạn, lâu nhất trước / Stalled procedures, oldest first' })
  @ApiQuery({ name: 'stalledForHours', required: false })
  @ApiQuery({ name: 'wardCode', required: false })
  @ApiQuery({ name: 'step', required: false })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'after', required: false, description: 'Cursor from the previous page' })
  listStalled(@Query(new ZodValidationPipe(stalledQuerySchema)) query: StalledQuery) {
    return this.stalled.execute(query);
  }

  @Get('progress')
  @ApiOperation({ summary: 'Tiến độ của 126 xã, phường / Progress of all 126 communes and wards' })
  wardProgress() {
    return this.progress.execute();
  }

  @Post('bulk')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Nhắc, chuyển cấp trên, hủy theo bộ lọc (có chạy thử) / Bulk remind, escalate, cancel (dry run first)',
  })
  @ApiBody({ schema: openApiSchema(bulkActionSchema) })
  bulkAction(@Body(new ZodValidationPipe(bulkActionSchema)) body: BulkAction) {
    return this.bulk.execute(body);
  }
}
