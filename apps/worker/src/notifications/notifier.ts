import type { DeliveryTransaction, NotificationChannel, OutgoingNotification } from './notification-channel';

/** Sends through every configured channel; a failing channel fails the activity, which retries idempotently. */
export class Notifier {
  constructor(private readonly channels: readonly NotificationChannel[]) {}

  /**
   * `within`: the step's transaction, for channels that store in PostgreSQL (the notifications commit with the
   * step, on its connection); other channels deliver on their own.
   */
  async send(notifications: readonly OutgoingNotification[], within?: DeliveryTransaction): Promise<void> {
    await Promise.all(this.channels.map((channel) => channel.deliver(notifications, within)));
  }
}
