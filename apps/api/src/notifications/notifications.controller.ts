import { Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@kientoan/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { openApiSchema } from '../common/validation/openapi-schema';
import { ZodValidationPipe } from '../common/validation/zod-validation.pipe';
import { ListNotificationsUseCase } from './list-notifications.use-case';
import { MarkAllNotificationsReadUseCase } from './mark-all-notifications-read.use-case';
import { MarkNotificationReadUseCase } from './mark-notification-read.use-case';
import {
  type ListNotificationsQuery,
  listNotificationsQuerySchema,
  markedAllReadSchema,
  markedReadSchema,
  notificationIdSchema,
  notificationPageSchema,
} from './notification.schemas';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(
    @Inject(ListNotificationsUseCase) private readonly list: ListNotificationsUseCase,
    @Inject(MarkNotificationReadUseCase) private readonly markRead: MarkNotificationReadUseCase,
    @Inject(MarkAllNotificationsReadUseCase) private readonly markAllRead: MarkAllNotificationsReadUseCase,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Thông báo của tôi: chưa đọc trước, mới nhất trước / My notifications, unread first, newest first',
  })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'cursor', required: false, description: '"next" of the previous page' })
  @ApiQuery({ name: 'unreadOnly', required: false, enum: ['true', 'false'] })
  @ApiResponse({ status: 200, schema: openApiSchema(notificationPageSchema) })
  @ApiResponse({ status: 400, description: 'A bad limit or cursor (field error)' })
  mine(
    @CurrentActor() actor: Actor,
    @Query(new ZodValidationPipe(listNotificationsQuerySchema)) query: ListNotificationsQuery,
  ) {
    return this.list.execute(actor, query);
  }

  @Post('read-all')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Đánh dấu tất cả đã đọc / Mark all my notifications read' })
  @ApiResponse({ status: 200, schema: openApiSchema(markedAllReadSchema) })
  readAll(@CurrentActor() actor: Actor) {
    return this.markAllRead.execute(actor);
  }

  @Post(':id/read')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Đánh dấu đã đọc (lặp lại không đổi) / Mark one read (idempotent)' })
  @ApiResponse({ status: 200, schema: openApiSchema(markedReadSchema) })
  @ApiResponse({ status: 404, description: 'No such notification of mine' })
  read(@CurrentActor() actor: Actor, @Param('id', new ZodValidationPipe(notificationIdSchema)) id: string) {
    return this.markRead.execute(actor, id);
  }
}
