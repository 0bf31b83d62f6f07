import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@kientoan/domain';
import type { PrismaClient } from '@kientoan/platform';
import { PRISMA } from '../infrastructure/infrastructure.module';

/** The delegations an account has given and received, newest first. */
@Injectable()
export class ListDelegationsUseCase {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async execute(actor: Actor) {
    const [given, received] = await Promise.all([
      this.prisma.delegation.findMany({
        where: { fromUserId: actor.userId },
        orderBy: { validFrom: 'desc' },
      }),
      this.prisma.delegation.findMany({ where: { toUserId: actor.userId }, orderBy: { validFrom: 'desc' } }),
    ]);
    return { given, received };
  }
}
