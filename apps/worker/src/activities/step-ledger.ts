/**
 * The durable record of procedure steps: one `procedure_step` row per procedure + step + round. Completing a
 * step runs its work and marks the row completed in ONE transaction, holding the row lock; a retry (or a
 * concurrent duplicate) finds the row completed and gets the stored outcome back, so no work is done twice.
 */
import type { ProcedureStep } from '@kientoan/domain';
import type { Prisma, PrismaClient } from '@kientoan/platform';
import type { StepKey } from '@kientoan/workflows';
import type { Clock } from './clock';

export type Tx = Prisma.TransactionClient;

/** Applying a large resolution to the registry takes longer than Prisma's 5 s default. */
const LONG_TRANSACTION = { timeout: 60_000, maxWait: 10_000 };

export class StepLedger {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: Clock,
  ) {}

  /** Idempotent: creates the step's row as in progress once (the procedure row is the projection's). */
  async begin(key: StepKey, step: ProcedureStep): Promise<void> {
    await this.prisma.$executeRaw`
      INSERT INTO procedure_step (procedure_id, step, round, status, started_at)
      VALUES (${key.procedureId}::uuid, ${step}::"ProcedureStepName", ${key.round}, 'in_progress', ${this.clock.now()})
      ON CONFLICT (procedure_id, step, round) DO NOTHING`;
  }

  /** Runs `work` at most once per key; returns the first outcome to every later call. */
  async complete<T extends object>(
    key: StepKey,
    step: ProcedureStep,
    work: (tx: Tx) => Promise<T>,
  ): Promise<T> {
    await this.begin(key, step);
    return this.prisma.$transaction(async (tx) => {
      const row = await this.lockRow<T>(tx, key, step);
      if (row?.status === 'completed') return row.outcome as T;
      const outcome = await work(tx);
      await tx.procedureStep.update({
        where: { procedureId_step_round: { procedureId: key.procedureId, step, round: key.round } },
        data: {
          status: 'completed',
          completedAt: this.clock.now(),
          outcome: outcome as Prisma.InputJsonObject,
        },
      });
      return outcome;
    }, LONG_TRANSACTION);
  }

  /**
   * Stores an intermediate outcome on a step still in progress (the generated draft, the voters of an open
   * vote) once: `compute` writes ONLY through `tx`, the transaction that holds the step's row lock and stores
   * the outcome, so a kill between two commits cannot repeat its writes, and it never asks the pool for a
   * second connection while holding this one (a burst would starve the pool).
   */
  async note<T extends object>(
    key: StepKey,
    step: ProcedureStep,
    compute: (tx: Tx) => Promise<T>,
  ): Promise<T> {
    await this.begin(key, step);
    return this.prisma.$transaction(async (tx) => {
      const row = await this.lockRow<T>(tx, key, step);
      if (row?.outcome != null) return row.outcome;
      const outcome = await compute(tx);
      await tx.procedureStep.update({
        where: { procedureId_step_round: { procedureId: key.procedureId, step, round: key.round } },
        data: { outcome: outcome as Prisma.InputJsonObject },
      });
      return outcome;
    }, LONG_TRANSACTION);
  }

  /** The step's row, locked until the transaction ends: concurrent retries of one step serialize here. */
  private async lockRow<T>(tx: Tx, key: StepKey, step: ProcedureStep) {
    const [row] = await tx.$queryRaw<{ status: string; outcome: T | null }[]>`
      SELECT status, outcome FROM procedure_step
      WHERE procedure_id = ${key.procedureId}::uuid AND step = ${step}::"ProcedureStepName" AND round = ${key.round}
      FOR UPDATE`;
    return row;
  }
}
