import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@kientoan/domain';
import type { z } from 'zod';
import { CurrentActor, Ctx, type RequestContext } from '../../auth/current-actor.decorator';
import { ApiQueryFrom, ApiResult } from '../../common/openapi/api-responses';
import { openApiSchema } from '../../common/validation/openapi-schema';
import { ZodValidationPipe } from '../../common/validation/zod-validation.pipe';
import { optionalIdempotencyKey } from '../../procedures/idempotency-key';
import {
  supervisionJobListSchema,
  supervisionJobSchema as jobResponse,
  supervisionJobStartSchema,
} from '../supervision.responses';
import {
  type SupervisionJobRequest,
  jobIdSchema,
  jobListQuerySchema,
  supervisionJobSchema,
} from '../supervision.schemas';
import { SupervisionJobsUseCase } from './supervision-jobs.use-case';

@ApiTags('supervision')
@ApiBearerAuth()
@ApiResponse({ status: 403, description: 'Supervisors only' })
@Controller('supervision/jobs')
export class SupervisionJobsController {
  constructor(@Inject(SupervisionJobsUseCase) private readonly jobs: SupervisionJobsUseCase) {}

  @Post()
  @HttpCode(200)
  @ApiResult(supervisionJobStartSchema)
  @ApiBody({ schema: openApiSchema(supervisionJobSchema) })
  @ApiHeader({ name: 'idempotency-key', required: false, description: 'A repeat answers the same job' })
  @ApiOperation({
    summary:
      'Nhắc, chuyển cấp trên, hủy hàng loạt: chạy thử (mặc định) hoặc chạy thật thành công việc nền / Bulk action: dry run or a background job',
  })
  start(
    @Ctx() ctx: RequestContext,
    @Body(new ZodValidationPipe(supervisionJobSchema)) body: SupervisionJobRequest,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.jobs.start(ctx, body, optionalIdempotencyKey(key));
  }

  @Get()
  @ApiResult(supervisionJobListSchema)
  @ApiQueryFrom(jobListQuerySchema)
  @ApiOperation({ summary: 'Các công việc hàng loạt gần đây / Recent bulk jobs' })
  list(
    @CurrentActor() actor: Actor,
    @Query(new ZodValidationPipe(jobListQuerySchema)) query: z.output<typeof jobListQuerySchema>,
  ) {
    return this.jobs.list(actor, query.limit);
  }

  @Get(':id')
  @ApiResult(jobResponse)
  @ApiOperation({ summary: 'Tiến độ và kết quả từng thủ tục / Progress and each procedure’s result' })
  get(@CurrentActor() actor: Actor, @Param('id', new ZodValidationPipe(jobIdSchema)) id: string) {
    return this.jobs.get(actor, id);
  }
}
