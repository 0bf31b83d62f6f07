import { Inject, Injectable } from '@nestjs/common';
import { countOrganizations } from '@kientoan/domain';
import {
  type Clock,
  type PrismaClient,
  liveDate,
  loadSnapshot,
  scheduledChanges,
  treeOf,
} from '@kientoan/platform';
import { CLOCK, PRISMA } from '../infrastructure/infrastructure.module';
import { RegistryErrors } from './registry-errors';
import { decisionLinks } from './decision-links';

/** A ward's tree as of a date; without one, the live tree (today in Hà Nội) and the changes scheduled after it. */
@Injectable()
export class GetWardTreeUseCase {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(wardCode: string, asOf?: string) {
    const ward = await this.prisma.ward.findUnique({ where: { code: wardCode } });
    if (!ward) throw RegistryErrors.wardNotFound(wardCode);
    const onDate = asOf ?? liveDate(this.clock);
    const snapshot = await loadSnapshot(this.prisma, wardCode, onDate);
    const scheduled = await scheduledChanges(this.prisma, { wardCode }, onDate);
    const link = await decisionLinks(
      this.prisma,
      wardCode,
      scheduled.map((c) => ({ decisionRef: c.decision.symbol, date: c.effectiveDate })),
    );
    return {
      ward: { code: ward.code, name: ward.name, kind: ward.kind },
      asOf: asOf ?? null,
      onDate,
      organizations: countOrganizations(snapshot),
      tree: treeOf(snapshot, scheduled),
      scheduled: scheduled.map((c) => ({
        ...c,
        document: link({ decisionRef: c.decision.symbol, date: c.effectiveDate }),
      })),
    };
  }
}
