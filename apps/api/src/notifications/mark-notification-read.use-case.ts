import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@kientoan/domain';
import type { Clock, PrismaClient } from '@kientoan/platform';
import { CLOCK, PRISMA } from '../infrastructure/infrastructure.module';
import { NotificationErrors } from './notification-errors';

/** Marks one of my notifications read; marking it again keeps the first time (idempotent). */
@Injectable()
export class MarkNotificationReadUseCase {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, id: string) {
    const key = { notificationId: BigInt(id), accountId: actor.userId };
    await this.prisma.notificationReceipt.updateMany({
      where: { ...key, readAt: null },
      data: { readAt: this.clock.now() },
    });
    // Someone else's notification has no receipt of mine: 404, as for one that does not exist.
    const receipt = await this.prisma.notificationReceipt.findUnique({
      where: { notificationId_accountId: key },
    });
    if (!receipt?.readAt) throw NotificationErrors.notFound(id);
    return { id, readAt: receipt.readAt.toISOString() };
  }
}
