import { Inject, Injectable } from '@nestjs/common';
import { type Actor, authorize, wardsAllowing } from '@kientoan/domain';
import { type Clock, type PrismaClient, liveDate, searchUnits } from '@kientoan/platform';
import type { z } from 'zod';
import { CLOCK, PRISMA } from '../infrastructure/infrastructure.module';
import type { searchQuerySchema } from './resolution-items.schema';

/** Searches the live registry (today in Hà Nội): a change waiting for its date is not found yet. */
@Injectable()
export class SearchUnitsUseCase {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, query: z.output<typeof searchQuerySchema>) {
    if (query.wardCode) authorize(actor, 'registry.read', query.wardCode);
    // Without a ward: supervisors search the city, everyone else the wards they hold a role in.
    const wardCodes = query.wardCode || actor.supervisor ? undefined : wardsAllowing(actor, 'registry.read');
    const result = await searchUnits(this.prisma, {
      ...query,
      onDate: liveDate(this.clock),
      ...(wardCodes ? { wardCodes } : {}),
    });
    return { ...result, limit: query.limit, offset: query.offset };
  }
}
