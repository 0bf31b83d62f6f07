import type { NotificationChannel, OutgoingNotification } from './notification-channel';

/** Sends through every configured channel; a failing channel fails the activity, which retries idempotently. */
export class Notifier {
  constructor(private readonly channels: readonly NotificationChannel[]) {}

  async send(notifications: readonly OutgoingNotification[]): Promise<void> {
    await Promise.all(this.channels.map((channel) => channel.deliver(notifications)));
  }
}
