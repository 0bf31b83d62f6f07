import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  type ChangeSet,
  type PlannedChanges,
  type RegistrySnapshot,
  type ResolutionItem,
  planResolution,
} from '@kientoan/domain';
import {
  type PlanSubject,
  type PrismaClient,
  type StoredPlan,
  currentPlan,
  loadSnapshot,
  planAgainstRegistry,
} from '@kientoan/platform';
import { PRISMA } from '../infrastructure/infrastructure.module';
import { RegistryErrors } from './registry-errors';

/**
 * Plans a resolution against the registry (now, or as of a date); every violation becomes a 400. A
 * procedure's items are planned with the procedure's own ids for new units and stored per registry version
 * (procedure_plan), so the worker's steps and the task view reuse the plan while the registry is unchanged.
 */
@Injectable()
export class ResolutionPlanner {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async plan(
    wardCode: string,
    items: readonly ResolutionItem[],
    asOf?: string,
  ): Promise<{ snapshot: RegistrySnapshot; changeSet: ChangeSet }> {
    await this.requireWard(wardCode);
    const snapshot = await loadSnapshot(this.prisma, wardCode, asOf);
    // Ids shown before the decision are provisional; the decision that applies the resolution assigns the real ones.
    const planned = planResolution(snapshot, items, {
      wardCode,
      newUnitId: () => `new:${randomUUID()}`,
    });
    if (!planned.ok) throw RegistryErrors.violations(planned.violations);
    return { snapshot, changeSet: planned.changeSet };
  }

  /**
   * A procedure's items planned against today's registry, not stored (the procedure row may not exist yet:
   * the caller stores it with `storePlan`); violations → 400.
   */
  async planProcedure(subject: PlanSubject): Promise<{ registryVersion: number; plan: PlannedChanges }> {
    await this.requireWard(subject.wardCode);
    const { registryVersion, plan } = await planAgainstRegistry(this.prisma, subject);
    if (!plan.ok) throw RegistryErrors.violations(plan.violations);
    return { registryVersion, plan };
  }

  /** A stored procedure's plan against today's registry: stored one reused, planned (and stored) if stale. */
  currentPlan(subject: PlanSubject): Promise<StoredPlan> {
    return currentPlan(this.prisma, subject, { now: new Date() });
  }

  /** `currentPlan`, refusing items that break the rules (400 with every violation). */
  async currentPlanOrRefuse(subject: PlanSubject): Promise<StoredPlan> {
    const stored = await this.currentPlan(subject);
    if (!stored.plan.ok) throw RegistryErrors.violations(stored.plan.violations);
    return stored;
  }

  private async requireWard(wardCode: string): Promise<void> {
    const ward = await this.prisma.ward.findUnique({ where: { code: wardCode }, select: { code: true } });
    if (!ward) throw RegistryErrors.wardNotFound(wardCode);
  }
}
