import { Controller, Get, Inject, Query, UseInterceptors } from '@nestjs/common';
import { ActorWritesInterceptor } from '../auth/actor-writes.interceptor';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../auth/current-actor.decorator';
import { openApiResponseSchema } from '../common/validation/openapi-schema';
import { ZodValidationPipe } from '../common/validation/zod-validation.pipe';
import { type AuditQuery, auditPageSchema, auditQuerySchema } from './audit-trail.schemas';
import { ReadAuditTrailUseCase } from './read-audit-trail.use-case';

@ApiTags('admin')
@ApiBearerAuth()
@UseInterceptors(ActorWritesInterceptor)
@Controller('admin/audit')
export class AdminAuditController {
  constructor(@Inject(ReadAuditTrailUseCase) private readonly readUseCase: ReadAuditTrailUseCase) {}

  @Get()
  @ApiOperation({
    summary:
      'Nhật ký kiểm tra (lọc theo người, xã phường, hành động, ngày) / The audit trail: filtered, newest first, keyset pages',
  })
  @ApiQuery({ name: 'actor', required: false, description: 'A username or actor id (`cli:root`)' })
  @ApiQuery({ name: 'wardCode', required: false })
  @ApiQuery({
    name: 'action',
    required: false,
    description: 'An action (`account.create`) or a family (`account`: every `account.*`)',
  })
  @ApiQuery({ name: 'from', required: false, description: 'First day, YYYY-MM-DD (Vietnam time)' })
  @ApiQuery({ name: 'to', required: false, description: 'Last day, YYYY-MM-DD (inclusive)' })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'after', required: false, description: '`next` of the previous page' })
  @ApiResponse({ status: 200, description: 'A page', schema: openApiResponseSchema(auditPageSchema) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED: `errors` names the field' })
  @ApiResponse({ status: 403, description: 'Admins only' })
  list(@Ctx() ctx: RequestContext, @Query(new ZodValidationPipe(auditQuerySchema)) query: AuditQuery) {
    return this.readUseCase.execute(ctx, query);
  }
}
