import { Inject, Injectable } from '@nestjs/common';
import { type Actor, UNIT_KIND_LABELS, authorize } from '@kientoan/domain';
import { type PrismaClient, fromDbDate, unitHistory } from '@kientoan/platform';
import { PRISMA } from '../infrastructure/infrastructure.module';
import { RegistryErrors } from './registry-errors';

@Injectable()
export class GetUnitUseCase {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async execute(actor: Actor, unitId: string, asOf?: string) {
    const unit = await unitHistory(this.prisma, unitId);
    if (!unit) throw RegistryErrors.unitNotFound(unitId);
    authorize(actor, 'registry.read', unit.wardCode);
    const versions = unit.versions.map((v) => ({
      validFrom: fromDbDate(v.validFrom),
      validTo: v.validTo ? fromDbDate(v.validTo) : null,
      name: v.name,
      kind: v.kind,
      setting: v.setting,
      parentId: v.parentId,
      fullMembers: v.fullMembers,
      status: v.status,
      change: v.change,
      decisionRef: v.decisionRef,
    }));
    const onDate = asOf
      ? (versions.find((v) => v.validFrom <= asOf && (v.validTo === null || v.validTo > asOf)) ?? null)
      : null;
    // "Tổ dân phố 34 is the new name of tổ 6": every earlier name, newest first.
    const formerNames = [...new Set(versions.map((v) => v.name))].filter((n) => n !== unit.name).reverse();
    return {
      id: unit.id,
      wardCode: unit.wardCode,
      name: unit.name,
      kind: unit.kind,
      kindLabel: UNIT_KIND_LABELS[unit.kind],
      setting: unit.setting,
      status: unit.status,
      fullMembers: unit.fullMembers,
      parent: unit.parent,
      officers: unit.officers
        .filter((o) => o.validTo === null)
        .map((o) => ({
          role: o.role,
          personName: o.personName,
          since: fromDbDate(o.validFrom),
          decisionRef: o.decisionRef,
        })),
      formerNames,
      asOf: asOf ? { date: asOf, version: onDate } : null,
      history: versions,
      officerHistory: unit.officers.map((o) => ({
        role: o.role,
        personName: o.personName,
        validFrom: fromDbDate(o.validFrom),
        validTo: o.validTo ? fromDbDate(o.validTo) : null,
        decisionRef: o.decisionRef,
      })),
      lineage: {
        predecessors: unit.predecessors.map((l) => ({
          ...l.predecessor,
          change: l.change,
          effectiveDate: fromDbDate(l.effectiveDate),
          decisionRef: l.decisionRef,
        })),
        successors: unit.successors.map((l) => ({
          ...l.successor,
          change: l.change,
          effectiveDate: fromDbDate(l.effectiveDate),
          decisionRef: l.decisionRef,
        })),
      },
    };
  }
}
