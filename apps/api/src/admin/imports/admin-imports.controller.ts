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
  type ImportJobQuery,
  type StartImport,
  importJobIdSchema,
  importJobListSchema,
  importJobQuerySchema,
  importJobSchema,
  importListQuerySchema,
  startImportSchema,
} from './import-job.schemas';
import { ImportJobsUseCase } from './import-jobs.use-case';

@ApiTags('admin')
@ApiBearerAuth()
@ApiResponse({ status: 403, description: 'Admins only' })
@Controller('admin/imports')
export class AdminImportsController {
  constructor(@Inject(ImportJobsUseCase) private readonly jobs: ImportJobsUseCase) {}

  @Post()
  @HttpCode(202)
  @ApiResult(importJobSchema, 202, 'The job, started in the background')
  @ApiBody({ schema: openApiSchema(startImportSchema) })
  @ApiHeader({ name: 'idempotency-key', required: false, description: 'A repeat answers the same job' })
  @ApiResponse({ status: 413, description: 'The file is too large' })
  @ApiOperation({
    summary:
      'Nhập tài khoản hoặc ủy viên từ CSV/.xlsx thành công việc nền: kiểm tra từng dòng, rồi lưu tất cả hoặc không / Start a background import: every row checked, then all or nothing stored',
  })
  start(
    @Ctx() ctx: RequestContext,
    @Body(new ZodValidationPipe(startImportSchema)) body: StartImport,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.jobs.start(ctx, body, optionalIdempotencyKey(key));
  }

  @Get()
  @ApiResult(importJobListSchema)
  @ApiQueryFrom(importListQuerySchema)
  @ApiOperation({ summary: 'Các lần nhập gần đây / Recent imports' })
  list(
    @CurrentActor() actor: Actor,
    @Query(new ZodValidationPipe(importListQuerySchema)) query: z.output<typeof importListQuerySchema>,
  ) {
    return this.jobs.list(actor, query.limit);
  }

  @Get(':id')
  @ApiResult(importJobSchema)
  @ApiQueryFrom(importJobQuerySchema)
  @ApiResponse({ status: 404, description: 'IMPORT_JOB_NOT_FOUND' })
  @ApiOperation({ summary: 'Tiến độ và kết quả từng dòng / Progress and each row’s result (paged)' })
  get(
    @CurrentActor() actor: Actor,
    @Param('id', new ZodValidationPipe(importJobIdSchema)) id: string,
    @Query(new ZodValidationPipe(importJobQuerySchema)) query: ImportJobQuery,
  ) {
    return this.jobs.get(actor, id, query);
  }
}
