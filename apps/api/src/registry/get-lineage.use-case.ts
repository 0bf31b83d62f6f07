import { Inject, Injectable } from '@nestjs/common';
import { type Actor, authorize, lineageGraph } from '@kientoan/domain';
import { type PrismaClient, fromDbDate, lineageAround } from '@kientoan/platform';
import { PRISMA } from '../infrastructure/infrastructure.module';
import { RegistryErrors } from './registry-errors';
import { decisionLinks } from './decision-links';

/**
 * A unit's lineage as a graph: its own names and kinds over time (renames, upgrades) and the units merged
 * into it or it into (up to `hops` links away), every edge with its decision.
 */
@Injectable()
export class GetLineageUseCase {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async execute(actor: Actor, unitId: string, hops: number) {
    const unit = await this.prisma.orgUnit.findUnique({
      where: { id: unitId },
      select: {
        id: true,
        wardCode: true,
        versions: { orderBy: [{ validFrom: 'asc' }, { id: 'asc' }] },
      },
    });
    if (!unit) throw RegistryErrors.unitNotFound(unitId);
    authorize(actor, 'registry.read', unit.wardCode);
    const around = await lineageAround(this.prisma, unitId, { hops });
    const graph = lineageGraph({
      focus: {
        id: unit.id,
        versions: unit.versions.map((v) => ({
          ...v,
          validFrom: fromDbDate(v.validFrom),
          validTo: v.validTo ? fromDbDate(v.validTo) : null,
        })),
      },
      units: around.units,
      links: around.links,
    });
    const link = await decisionLinks(
      this.prisma,
      unit.wardCode,
      graph.edges.map((e) => ({ decisionRef: e.decisionRef, date: e.effectiveDate })),
    );
    return {
      unitId,
      nodes: graph.nodes,
      edges: graph.edges.map((e) => ({
        ...e,
        decision: link({ decisionRef: e.decisionRef, date: e.effectiveDate }),
      })),
    };
  }
}
