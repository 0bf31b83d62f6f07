import { DomainError } from '@kientoan/domain';

export const NotificationErrors = {
  /** Also for someone else's notification: whether it exists is not the caller's business. */
  notFound: (id: string) =>
    new DomainError(
      'NOTIFICATION_NOT_FOUND',
      'not_found',
      `Không tìm thấy thông báo "${id}".`,
      `Notification "${id}" was not found.`,
      { notificationId: id },
    ),
};
