import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@kientoan/domain';
import { Prisma, type PrismaClient } from '@kientoan/platform';
import { PRISMA } from '../infrastructure/infrastructure.module';
import { type ListNotificationsQuery, encodeCursor } from './notification.schemas';

interface Row {
  readonly id: bigint;
  readonly kind: string;
  readonly subject: string;
  readonly body: string;
  readonly procedureId: string | null;
  readonly createdAt: Date;
  readonly readAt: Date | null;
}

/**
 * My notifications (the signed-in account's receipts): unread first, then newest, keyset-paged on
 * (unread, created at, id), with the count of unread ones.
 */
@Injectable()
export class ListNotificationsUseCase {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async execute(actor: Actor, query: ListNotificationsQuery) {
    const after = query.cursor
      ? Prisma.sql`AND ((r.read_at IS NULL), r.created_at, r.notification_id)
          < (${query.cursor.unread}, ${new Date(query.cursor.createdAt)}::timestamptz, ${BigInt(query.cursor.id)})`
      : Prisma.empty;
    const rows = await this.prisma.$queryRaw<Row[]>`
      SELECT n.id, n.kind, n.subject, n.body, n.procedure_id::text AS "procedureId",
             r.created_at AS "createdAt", r.read_at AS "readAt"
      FROM notification_receipt r
      JOIN notification n ON n.id = r.notification_id
      WHERE r.account_id = ${actor.userId}
        ${query.unreadOnly ? Prisma.sql`AND r.read_at IS NULL` : Prisma.empty}
        ${after}
      ORDER BY (r.read_at IS NULL) DESC, r.created_at DESC, r.notification_id DESC
      LIMIT ${query.limit + 1}`;
    const unread = await this.prisma.notificationReceipt.count({
      where: { accountId: actor.userId, readAt: null },
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => ({
        id: r.id.toString(),
        kind: r.kind,
        subject: r.subject,
        body: r.body,
        procedureId: r.procedureId,
        createdAt: r.createdAt.toISOString(),
        readAt: r.readAt?.toISOString() ?? null,
      })),
      unread,
      next:
        rows.length > query.limit && last
          ? encodeCursor({
              unread: last.readAt === null,
              createdAt: last.createdAt.toISOString(),
              id: last.id.toString(),
            })
          : null,
    };
  }
}
