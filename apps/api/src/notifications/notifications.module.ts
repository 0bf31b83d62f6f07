import { Module } from '@nestjs/common';
import { ListNotificationsUseCase } from './list-notifications.use-case';
import { MarkAllNotificationsReadUseCase } from './mark-all-notifications-read.use-case';
import { MarkNotificationReadUseCase } from './mark-notification-read.use-case';
import { NotificationsController } from './notifications.controller';

@Module({
  controllers: [NotificationsController],
  providers: [ListNotificationsUseCase, MarkNotificationReadUseCase, MarkAllNotificationsReadUseCase],
})
export class NotificationsModule {}
