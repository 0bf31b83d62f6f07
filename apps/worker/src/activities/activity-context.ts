import { ApplicationFailure } from '@temporalio/activity';
import { type DomainError, ProcedureErrors } from '@kientoan/domain';
import type { PrismaClient } from '@kientoan/platform';
import type { Notifier } from '../notifications/notifier';
import type { Clock } from './clock';
import { StepLedger, type Tx } from './step-ledger';

export interface ProcedureActivityDependencies {
  readonly prisma: PrismaClient;
  readonly clock: Clock;
  readonly notifier: Notifier;
}

/** What every group of activities shares. */
export class ActivityContext {
  readonly ledger: StepLedger;

  constructor(readonly deps: ProcedureActivityDependencies) {
    this.ledger = new StepLedger(deps.prisma, deps.clock);
  }

  get prisma(): PrismaClient {
    return this.deps.prisma;
  }

  now(): Date {
    return this.deps.clock.now();
  }

  async loadProcedure(db: Tx | PrismaClient, procedureId: string) {
    const procedure = await db.procedure.findUnique({ where: { id: procedureId }, include: { ward: true } });
    if (!procedure) throw nonRetryable(ProcedureErrors.notFound(procedureId));
    return procedure;
  }
}

export const nonRetryable = (error: DomainError): ApplicationFailure =>
  ApplicationFailure.create({ type: error.code, message: error.messageEn, nonRetryable: true });
