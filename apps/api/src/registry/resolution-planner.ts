import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type ChangeSet, type RegistrySnapshot, type ResolutionItem, planResolution } from '@kientoan/domain';
import { type PrismaClient, loadSnapshot } from '@kientoan/platform';
import { PRISMA } from '../infrastructure/infrastructure.module';
import { RegistryErrors } from './registry-errors';

/** Plans a resolution against the registry (now, or as of a date); every violation becomes a 400. */
@Injectable()
export class ResolutionPlanner {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async plan(
    wardCode: string,
    items: readonly ResolutionItem[],
    asOf?: string,
  ): Promise<{ snapshot: RegistrySnapshot; changeSet: ChangeSet }> {
    const ward = await this.prisma.ward.findUnique({ where: { code: wardCode } });
    if (!ward) throw RegistryErrors.wardNotFound(wardCode);
    const snapshot = await loadSnapshot(this.prisma, ward.code, asOf);
    // Ids shown before the decision are provisional; the decision that applies the resolution assigns the real ones.
    const planned = planResolution(snapshot, items, {
      wardCode: ward.code,
      newUnitId: () => `new:${randomUUID()}`,
    });
    if (!planned.ok) throw RegistryErrors.violations(planned.violations);
    return { snapshot, changeSet: planned.changeSet };
  }
}
