import type { PrismaClient } from '@kientoan/platform';
import type { Clock } from '../activities/clock';
import type { NotificationChannel, OutgoingNotification } from './notification-channel';

/** Stores notifications in PostgreSQL, where inboxes and the web UI read them. Duplicates are skipped. */
export class InAppChannel implements NotificationChannel {
  readonly name = 'in_app';

  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: Clock,
  ) {}

  async deliver(notifications: readonly OutgoingNotification[]): Promise<void> {
    if (notifications.length === 0) return;
    const createdAt = this.clock.now();
    await this.prisma.notification.createMany({
      data: notifications.map((n) => ({
        ...n,
        dedupeKey: `${this.name}:${n.dedupeKey}`,
        channel: this.name,
        createdAt,
      })),
      skipDuplicates: true,
    });
  }
}
