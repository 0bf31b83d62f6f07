import { type PrismaClient, resolveRecipients } from '@kientoan/platform';
import type { Clock } from '../activities/clock';
import type { DeliveryTransaction, NotificationChannel, OutgoingNotification } from './notification-channel';

/**
 * Stores notifications in PostgreSQL, where `GET /api/notifications` and the web UI read them: one row per
 * address and one receipt per account the address reaches now (libs/platform recipients), in one
 * transaction. Duplicates are skipped, so a retried step delivers once.
 */
export class InAppChannel implements NotificationChannel {
  readonly name = 'in_app';

  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: Clock,
  ) {}

  /** In the step's transaction when given (one connection, committed with the step), else in its own. */
  async deliver(notifications: readonly OutgoingNotification[], within?: DeliveryTransaction): Promise<void> {
    if (notifications.length === 0) return;
    const createdAt = this.clock.now();
    const keyed = notifications.map((n) => ({ ...n, dedupeKey: `${this.name}:${n.dedupeKey}` }));
    const store = async (tx: DeliveryTransaction) => {
      await tx.notification.createMany({
        data: keyed.map((n) => ({ ...n, channel: this.name, createdAt })),
        skipDuplicates: true,
      });
      const stored = await tx.notification.findMany({
        where: { dedupeKey: { in: keyed.map((n) => n.dedupeKey) } },
        select: { id: true, recipient: true, createdAt: true },
      });
      const accounts = await resolveRecipients(
        tx,
        stored.map((n) => n.recipient),
        createdAt,
      );
      const receipts = stored.flatMap((n) =>
        (accounts.get(n.recipient) ?? []).map((accountId) => ({
          notificationId: n.id,
          accountId,
          createdAt: n.createdAt,
        })),
      );
      if (receipts.length) await tx.notificationReceipt.createMany({ data: receipts, skipDuplicates: true });
    };
    if (within) await store(within);
    else await this.prisma.$transaction(store);
  }
}
