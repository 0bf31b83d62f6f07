import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Actor } from '@kientoan/domain';
import { type PrismaClient, environmentFrom } from '@kientoan/platform';
import { PRISMA } from '../infrastructure/infrastructure.module';

/** The delegations an account has given and received, newest first, with the longest period allowed. */
@Injectable()
export class ListDelegationsUseCase {
  private readonly maxDays: number;

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(ConfigService) config: ConfigService,
  ) {
    this.maxDays = environmentFrom(config).DELEGATION_MAX_DAYS;
  }

  async execute(actor: Actor) {
    const [given, received] = await Promise.all([
      this.prisma.delegation.findMany({
        where: { fromUserId: actor.userId },
        orderBy: { validFrom: 'desc' },
      }),
      this.prisma.delegation.findMany({ where: { toUserId: actor.userId }, orderBy: { validFrom: 'desc' } }),
    ]);
    return { given, received, maxDays: this.maxDays };
  }
}
