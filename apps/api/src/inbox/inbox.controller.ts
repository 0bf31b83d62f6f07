import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@kientoan/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ZodValidationPipe } from '../common/validation/zod-validation.pipe';
import { procedureIdSchema } from '../procedures/procedure.schemas';
import { GetTaskUseCase } from './get-task.use-case';
import { type InboxQuery, inboxQuerySchema } from './inbox.schemas';
import { ListInboxUseCase } from './list-inbox.use-case';
import { ApiResult } from '../common/openapi/api-responses';
import { inboxListSchema, inboxTaskSchema } from './inbox.responses';

@ApiTags('inbox')
@ApiBearerAuth()
@Controller('inbox')
export class InboxController {
  constructor(
    @Inject(ListInboxUseCase) private readonly inbox: ListInboxUseCase,
    @Inject(GetTaskUseCase) private readonly task: GetTaskUseCase,
  ) {}

  @Get()
  @ApiResult(inboxListSchema)
  @ApiOperation({ summary: 'Việc cần làm của tôi / My open tasks (review, draft, vote), soonest due first' })
  @ApiQuery({ name: 'wardCode', required: false })
  @ApiQuery({ name: 'kind', required: false })
  @ApiQuery({ name: 'step', required: false })
  @ApiQuery({ name: 'dueBefore', required: false })
  @ApiQuery({ name: 'sort', required: false, enum: ['due_asc', 'due_desc'] })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'after', required: false, description: 'Cursor from the previous page' })
  list(@CurrentActor() actor: Actor, @Query(new ZodValidationPipe(inboxQuerySchema)) query: InboxQuery) {
    return this.inbox.execute(actor, query);
  }

  @Get(':procedureId')
  @ApiResult(inboxTaskSchema)
  @ApiOperation({ summary: 'Chi tiết việc: dự thảo, thay đổi sổ đăng ký, biểu quyết, hạn / A task in full' })
  get(
    @CurrentActor() actor: Actor,
    @Param('procedureId', new ZodValidationPipe(procedureIdSchema)) id: string,
  ) {
    return this.task.execute(actor, id);
  }
}
