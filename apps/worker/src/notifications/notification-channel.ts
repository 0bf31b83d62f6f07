import type { Prisma } from '@kientoan/platform';

/**
 * One interface for every way a message reaches people. In-app (stored for the web UI and inboxes) is the
 * default; email or chat (e.g. Zalo groups, which the wards already use) plug in as further channels.
 */
export interface OutgoingNotification {
  readonly procedureId: string | null;
  /** Idempotency: the same key is delivered once per channel, however often a step is retried. */
  readonly dedupeKey: string;
  readonly kind: 'reminder' | 'escalation' | 'returned' | 'announcement' | 'vote_opened' | 'failure';
  /** An address built by `recipientAddress` (libs/platform recipients), resolved to accounts on delivery. */
  readonly recipient: string;
  readonly subject: string;
  readonly body: string;
}

/** A step's open PostgreSQL transaction, which a channel storing in PostgreSQL may write in. */
export type DeliveryTransaction = Prisma.TransactionClient;

export interface NotificationChannel {
  readonly name: string;
  deliver(notifications: readonly OutgoingNotification[], within?: DeliveryTransaction): Promise<void>;
}
