import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { planResolution, previewResolution } from '@kientoan/domain';
import { type PrismaClient, loadSnapshot } from '@kientoan/platform';
import { PRISMA } from '../infrastructure/infrastructure.module';
import { RegistryErrors } from './registry-errors';
import type { PreviewBody } from './resolution-items.schema';

/** Plans a resolution against the registry and shows the before/after diff. Writes nothing. */
@Injectable()
export class PreviewResolutionUseCase {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async execute(body: PreviewBody) {
    const ward = await this.prisma.ward.findUnique({ where: { code: body.wardCode } });
    if (!ward) throw RegistryErrors.wardNotFound(body.wardCode);
    const snapshot = await loadSnapshot(this.prisma, ward.code, body.asOf);
    // Ids shown in a preview are provisional; the decision that applies the resolution assigns the real ones.
    const planned = planResolution(snapshot, body.items, {
      wardCode: ward.code,
      newUnitId: () => `new:${randomUUID()}`,
    });
    if (!planned.ok) throw RegistryErrors.violations(planned.violations);
    return {
      wardCode: ward.code,
      asOf: body.asOf ?? null,
      ...previewResolution(snapshot, planned.changeSet),
    };
  }
}
