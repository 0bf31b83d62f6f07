import { Inject, Injectable } from '@nestjs/common';
import { type PrismaClient, searchUnits } from '@kientoan/platform';
import type { z } from 'zod';
import { PRISMA } from '../infrastructure/infrastructure.module';
import type { searchQuerySchema } from './resolution-items.schema';

@Injectable()
export class SearchUnitsUseCase {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async execute(query: z.output<typeof searchQuerySchema>) {
    const result = await searchUnits(this.prisma, query);
    return { ...result, limit: query.limit, offset: query.offset };
  }
}
