import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@kientoan/domain';
import type { Clock, PrismaClient } from '@kientoan/platform';
import { CLOCK, PRISMA } from '../infrastructure/infrastructure.module';

/** Marks every unread notification of mine read; answers how many it marked (0 on a repeat). */
@Injectable()
export class MarkAllNotificationsReadUseCase {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(actor: Actor) {
    const { count } = await this.prisma.notificationReceipt.updateMany({
      where: { accountId: actor.userId, readAt: null },
      data: { readAt: this.clock.now() },
    });
    return { marked: count };
  }
}
