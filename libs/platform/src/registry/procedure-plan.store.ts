/**
 * Plans stored per procedure, registry version and items (procedure_plan): a procedure is planned once per
 * state of its ward's registry, and the rules check, the draft, the issue and the task view read that plan.
 * The ward's registry version is bumped by triggers in every transaction that changes its units, their
 * versions or their officers (migration 20261125155130), so "same version" means "same registry".
 */
import { type ProcedurePlan, type ResolutionItem, planProcedure } from '@kientoan/domain';
import type { Prisma, PrismaClient } from '../../../../prisma/generated/client/client';
import { loadSnapshot } from './registry.store';

type Db = PrismaClient | Prisma.TransactionClient;

export interface PlanSubject {
  readonly id: string;
  readonly wardCode: string;
  readonly items: unknown;
}

export interface StoredPlan {
  readonly id: bigint;
  readonly registryVersion: number;
  readonly plan: ProcedurePlan;
}

/**
 * The ward's registry version. With `lock`, the ward row is held (FOR NO KEY UPDATE: foreign keys to the ward
 * are not blocked) until the transaction ends, so no other transaction changes the ward's registry meanwhile.
 */
export const registryVersionOf = async (
  db: Db,
  wardCode: string,
  { lock = false }: { lock?: boolean } = {},
): Promise<number> => {
  const [row] = lock
    ? await db.$queryRaw<{ version: number }[]>`
        SELECT registry_version AS version FROM ward WHERE code = ${wardCode} FOR NO KEY UPDATE`
    : await db.$queryRaw<{ version: number }[]>`
        SELECT registry_version AS version FROM ward WHERE code = ${wardCode}`;
  if (!row) throw new Error(`Ward ${wardCode} does not exist`);
  return row.version;
};

const itemsJson = (items: unknown) => JSON.stringify(items ?? []);

/** A stored plan of these items at this registry version, if any. */
const findPlan = async (db: Db, subject: PlanSubject, registryVersion: number) => {
  const [row] = await db.$queryRaw<{ id: bigint; plan: ProcedurePlan }[]>`
    SELECT id, plan FROM procedure_plan
    WHERE procedure_id = ${subject.id}::uuid AND registry_version = ${registryVersion}
      AND items_hash = md5(${itemsJson(subject.items)}::jsonb::text)`;
  return row ? { id: row.id, registryVersion, plan: row.plan } : undefined;
};

/**
 * Plans the items against the registry as it is now. The version is read before the registry: a change that
 * commits in between makes the plan look older than it is (it is planned again later), never newer.
 */
export const planAgainstRegistry = async (
  db: Db,
  subject: PlanSubject,
): Promise<{ registryVersion: number; plan: ProcedurePlan }> => {
  const registryVersion = await registryVersionOf(db, subject.wardCode);
  const snapshot = await loadSnapshot(db, subject.wardCode);
  const plan = planProcedure(snapshot, subject.items as ResolutionItem[], {
    wardCode: subject.wardCode,
    procedureId: subject.id,
  });
  return { registryVersion, plan };
};

/** Stores a plan (the procedure row must exist); storing the same key twice keeps the first. */
export const storePlan = async (
  db: Db,
  subject: PlanSubject,
  planned: { registryVersion: number; plan: ProcedurePlan },
  plannedAt: Date,
): Promise<StoredPlan> => {
  const [row] = await db.$queryRaw<{ id: bigint; plan: ProcedurePlan }[]>`
    INSERT INTO procedure_plan (procedure_id, registry_version, items_hash, plan, planned_at)
    VALUES (${subject.id}::uuid, ${planned.registryVersion}, md5(${itemsJson(subject.items)}::jsonb::text),
            ${JSON.stringify(planned.plan)}::jsonb, ${plannedAt})
    ON CONFLICT (procedure_id, registry_version, items_hash) DO UPDATE SET plan = procedure_plan.plan
    RETURNING id, plan`;
  return { id: row!.id, registryVersion: planned.registryVersion, plan: row!.plan };
};

/**
 * The procedure's plan against today's registry: the stored one while the registry version is unchanged,
 * otherwise planned now and stored. `lock` holds the ward's registry (see registryVersionOf) — the issue step
 * applies the plan it read.
 */
export const currentPlan = async (
  db: Db,
  subject: PlanSubject,
  { now, lock = false }: { now: Date; lock?: boolean },
): Promise<StoredPlan> => {
  const registryVersion = await registryVersionOf(db, subject.wardCode, { lock });
  const stored = await findPlan(db, subject, registryVersion);
  if (stored) return stored;
  // Under the lock the registry cannot move, so the version read above is the one planned against.
  const snapshot = await loadSnapshot(db, subject.wardCode);
  const plan = planProcedure(snapshot, subject.items as ResolutionItem[], {
    wardCode: subject.wardCode,
    procedureId: subject.id,
  });
  return storePlan(db, subject, { registryVersion, plan }, now);
};

/** A stored plan by id (e.g. the plan a draft describes). */
export const planById = async (db: Db, id: bigint): Promise<StoredPlan | undefined> => {
  const row = await db.procedurePlan.findUnique({ where: { id } });
  return row
    ? { id: row.id, registryVersion: row.registryVersion, plan: row.plan as unknown as ProcedurePlan }
    : undefined;
};
