import { Inject, Injectable } from '@nestjs/common';
import {
  type Actor,
  UNIT_KIND_LABELS,
  type UnitVersionFacts,
  authorize,
  formerValues,
  unitHistoryEvents,
} from '@kientoan/domain';
import {
  type Clock,
  type PrismaClient,
  fromDbDate,
  liveDate,
  scheduledChanges,
  unitHistory,
} from '@kientoan/platform';
import { CLOCK, PRISMA } from '../infrastructure/infrastructure.module';
import { RegistryErrors } from './registry-errors';
import { decisionLinks } from './decision-links';

const validOn = (date: string) => (p: { validFrom: string; validTo: string | null }) =>
  p.validFrom <= date && (p.validTo === null || p.validTo > date);

/**
 * A unit as it is live today in Hà Nội (name, kind, parent, officers), its history with the versions still
 * waiting for their date marked "scheduled", and its lineage. A unit whose establishment is scheduled has
 * status "scheduled" until then.
 */
@Injectable()
export class GetUnitUseCase {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, unitId: string, asOf?: string) {
    const unit = await unitHistory(this.prisma, unitId);
    if (!unit) throw RegistryErrors.unitNotFound(unitId);
    authorize(actor, 'registry.read', unit.wardCode);
    const today = liveDate(this.clock);
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
      scheduled: fromDbDate(v.validFrom) > today,
    }));
    const live = versions.find(validOn(today));
    // Not yet established: shown as its first scheduled version.
    const shown = live ?? versions[0]!;
    const parent =
      shown.parentId === null
        ? null
        : { id: shown.parentId, name: await this.liveName(shown.parentId, today) };
    // "Tổ dân phố 34 is the new name of tổ 6": every earlier name, newest first.
    const formerNames = [...new Set(versions.filter((v) => v.validFrom <= today).map((v) => v.name))]
      .filter((n) => n !== shown.name)
      .reverse();
    const officerPeriods = unit.officers.map((o) => ({
      ...o,
      validFrom: fromDbDate(o.validFrom),
      validTo: o.validTo ? fromDbDate(o.validTo) : null,
    }));
    const scheduled = await scheduledChanges(this.prisma, { unitId }, today);
    const link = await decisionLinks(this.prisma, unit.wardCode, [
      ...versions.map((v) => ({ decisionRef: v.decisionRef, date: v.validFrom })),
      ...officerPeriods.map((o) => ({ decisionRef: o.decisionRef, date: o.validFrom })),
      ...[...unit.predecessors, ...unit.successors].map((l) => ({
        decisionRef: l.decisionRef,
        date: fromDbDate(l.effectiveDate),
      })),
      ...scheduled.map((c) => ({ decisionRef: c.decision.symbol, date: c.effectiveDate })),
    ]);
    const byRef = (decisionRef: string | null, date: string) => link({ decisionRef, date });
    const history = versions.map((v) => ({ ...v, decision: byRef(v.decisionRef, v.validFrom) }));
    const parentNames = await this.names(versions.flatMap((v) => (v.parentId ? [v.parentId] : [])));
    const facts: UnitVersionFacts[] = versions;
    const withDecision = <T extends { endedBy: string | null; to: string }>(p: T) => ({
      ...p,
      decision: byRef(p.endedBy, p.to),
    });
    return {
      id: unit.id,
      wardCode: unit.wardCode,
      onDate: today,
      name: shown.name,
      kind: shown.kind,
      kindLabel: UNIT_KIND_LABELS[shown.kind],
      setting: shown.setting,
      status: live ? live.status : ('scheduled' as const),
      fullMembers: shown.fullMembers,
      parent,
      scheduled: scheduled.map((c) => ({ ...c, document: byRef(c.decision.symbol, c.effectiveDate) })),
      officers: officerPeriods.filter(validOn(today)).map((o) => ({
        role: o.role,
        personName: o.personName,
        since: o.validFrom,
        decisionRef: o.decisionRef,
        decision: byRef(o.decisionRef, o.validFrom),
      })),
      formerNames,
      former: {
        names: formerValues(facts, (v) => v.name, today).map(withDecision),
        kinds: formerValues(facts, (v) => v.kind, today).map(withDecision),
        parents: formerValues(facts, (v) => v.parentId, today).map((p) =>
          withDecision({
            ...p,
            value: { id: p.value, name: p.value ? (parentNames.get(p.value) ?? null) : null },
          }),
        ),
      },
      events: unitHistoryEvents(facts, today).map((e) => ({
        ...e,
        decision: byRef(e.decisionRef, e.effectiveDate),
        fields: e.fields.map((f) => ({
          ...f,
          fromName: f.field === 'parent' && f.from ? (parentNames.get(f.from) ?? null) : null,
          toName: f.field === 'parent' && f.to ? (parentNames.get(f.to) ?? null) : null,
        })),
      })),
      asOf: asOf ? { date: asOf, version: history.find(validOn(asOf)) ?? null } : null,
      history,
      officerHistory: officerPeriods.map((o) => ({
        role: o.role,
        personName: o.personName,
        validFrom: o.validFrom,
        validTo: o.validTo,
        decisionRef: o.decisionRef,
        decision: byRef(o.decisionRef, o.validFrom),
        scheduled: o.validFrom > today,
      })),
      lineage: {
        predecessors: unit.predecessors.map((l) => ({
          ...l.predecessor,
          change: l.change,
          effectiveDate: fromDbDate(l.effectiveDate),
          decisionRef: l.decisionRef,
          decision: byRef(l.decisionRef, fromDbDate(l.effectiveDate)),
        })),
        successors: unit.successors.map((l) => ({
          ...l.successor,
          change: l.change,
          effectiveDate: fromDbDate(l.effectiveDate),
          decisionRef: l.decisionRef,
          decision: byRef(l.decisionRef, fromDbDate(l.effectiveDate)),
        })),
      },
    };
  }

  /** Units' names as decided (parents in the history: moved from … to …). */
  private async names(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.prisma.orgUnit.findMany({
      where: { id: { in: [...new Set(ids)] } },
      select: { id: true, name: true },
    });
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  private async liveName(unitId: string, today: string): Promise<string | null> {
    const on = new Date(`${today}T00:00:00Z`);
    const version = await this.prisma.orgUnitVersion.findFirst({
      where: { unitId, validFrom: { lte: on }, OR: [{ validTo: null }, { validTo: { gt: on } }] },
      select: { name: true },
    });
    return version?.name ?? null;
  }
}
