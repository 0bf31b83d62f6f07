import { constants, createPublicKey, publicEncrypt } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type Actor, isDomainError } from '@kientoan/domain';
import {
  AccountAdministration,
  type AuditSink,
  type BulkLoadedTable,
  type Clock,
  type CreateAccount,
  type MemberImportInput,
  type Prisma,
  type PrismaClient,
  type RowProblem,
  generateTemporaryPassword,
  hashPassword,
  refreshStatisticsOf,
} from '@kientoan/platform';
import type { AuditContext } from '@kientoan/workflows';
import { AuditLog } from '../../audit/audit-log';
import { CLOCK, PRISMA } from '../../infrastructure/infrastructure.module';
import type { ImportKind } from './import-job.schemas';

/** The tables a stored import of each kind wrote (their statistics are refreshed after it). */
const TABLES_WRITTEN: Readonly<Record<ImportKind, readonly BulkLoadedTable[]>> = {
  accounts: ['user_account', 'user_ward_role'],
  committee: ['ward_committee_member', 'user_account'],
};

/** How long a process holds a job it works on; renewed after every batch. */
const LEASE_MS = 60_000;
/** How often unfinished jobs whose holder went away are looked for. */
const RESUME_EVERY_MS = 30_000;
/** Rows checked per batch (each batch renews the lease). */
export const IMPORT_BATCH = 20;

class Rollback extends Error {
  constructor(
    readonly position: number,
    readonly problem: RowProblem,
  ) {
    super('rollback');
  }
}
class AlreadyFinished extends Error {}

const rowProblem = (line: number, error: unknown): RowProblem | undefined => {
  if (!isDomainError(error)) return undefined;
  const field = typeof error.details.field === 'string' ? error.details.field : 'row';
  return { line, field, message: error.messageVi, messageEn: error.messageEn };
};

const preview = (kind: string, input: Prisma.JsonValue) => {
  if (kind === 'accounts') {
    const a = input as unknown as CreateAccount;
    return {
      username: a.username,
      displayName: a.displayName,
      supervisor: a.supervisor,
      admin: a.admin,
      memberId: a.memberId ?? null,
      wardRoles: a.wardRoles,
    };
  }
  const { wardCode, member } = input as unknown as MemberImportInput;
  return { ...member, id: member.id ?? null, wardCode, username: member.username ?? null };
};

/**
 * Works through the stored import jobs in this API process, in two stages:
 * 1. checking — the rows still pending, a batch at a time, each against the database as the import would
 *    (free username, existing ward, free member…); the result (valid or its problems) is written per row, and
 *    for a real run each new account's temporary password is made now: its scrypt hash is kept on the row and
 *    the password itself only sealed with the creator's public key (never in plain text).
 * 2. applying — only when no row (and not the file) has a problem and it is not a dry run: every row is
 *    checked again and stored in ONE transaction, which also marks the rows stored and the job done. So a
 *    resumed job never stores a row twice (the job is done with its rows, or nothing is stored), and one bad
 *    row stores nothing: the job is rejected with that row named.
 * A job is held by a lease: after a crash or restart another process (or this one, on start) takes it over
 * and carries on with the rows still pending.
 */
@Injectable()
export class ImportJobRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('import-jobs');
  private readonly active = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private stopping = false;

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(AccountAdministration) private readonly accounts: AccountAdministration,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.resumeAbandoned(), RESUME_EVERY_MS);
    this.timer.unref();
    void this.resumeAbandoned();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stop();
    for (let i = 0; i < 100 && this.active.size > 0; i += 1) await new Promise((r) => setTimeout(r, 50));
  }

  /** Stops taking batches (the current one finishes; the rest stay pending for the next holder). */
  stop(): void {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
  }

  /** Starts working on a job now (in the background). */
  kick(jobId: string): void {
    void this.run(jobId).catch((error: unknown) =>
      this.log.error(`Công việc nhập ${jobId} dừng giữa chừng / import job stopped: ${String(error)}`),
    );
  }

  /**
   * Resolves when the job is finished, another process holds it, or `maxBatches` batches were checked
   * (tests stop a job mid-way this way; the lease is then let go so another run can take over).
   */
  async run(jobId: string, maxBatches = Number.POSITIVE_INFINITY): Promise<void> {
    if (this.active.has(jobId) || this.stopping) return;
    this.active.add(jobId);
    try {
      if (!(await this.claim(jobId))) return;
      const job = await this.prisma.adminImportJob.findUniqueOrThrow({ where: { id: jobId } });
      for (let batch = 0; ; batch += 1) {
        if (this.stopping || batch >= maxBatches) {
          await this.release(jobId);
          return;
        }
        const rows = await this.prisma.adminImportRow.findMany({
          where: { jobId, status: 'pending' },
          orderBy: { position: 'asc' },
          take: IMPORT_BATCH,
        });
        if (rows.length === 0) break;
        for (const row of rows) await this.check(job, row);
        await this.renew(jobId);
      }
      await this.finish(job);
    } finally {
      this.active.delete(jobId);
    }
  }

  private async check(
    job: { kind: string; dryRun: boolean; revealKey: string | null },
    row: { jobId: string; position: number; line: number; input: Prisma.JsonValue },
  ): Promise<void> {
    let problem: RowProblem | undefined;
    let secret: { passwordHash: string; passwordSealed: string | null } | undefined;
    try {
      if (job.kind === 'accounts') {
        const command = row.input as unknown as CreateAccount;
        await this.accounts.checkNew(this.prisma, command);
        if (!job.dryRun) {
          const password = generateTemporaryPassword();
          secret = { passwordHash: await hashPassword(password), passwordSealed: this.seal(job, password) };
        }
      } else {
        const { wardCode, member } = row.input as unknown as MemberImportInput;
        await this.accounts.checkNewMember(this.prisma, wardCode, member);
      }
    } catch (error) {
      problem = rowProblem(row.line, error);
      if (!problem) throw error;
    }
    await this.prisma.adminImportRow.updateMany({
      where: { jobId: row.jobId, position: row.position, status: 'pending' },
      data: {
        status: problem ? 'invalid' : 'valid',
        problems: problem ? [problem as unknown as Prisma.InputJsonValue] : [],
        result: problem ? undefined : (preview(job.kind, row.input) as Prisma.InputJsonValue),
        passwordHash: secret?.passwordHash ?? null,
        passwordSealed: secret?.passwordSealed ?? null,
        finishedAt: this.clock.now(),
      },
    });
  }

  private seal(job: { revealKey: string | null }, password: string): string | null {
    if (!job.revealKey) return null;
    try {
      return publicEncrypt(
        {
          key: createPublicKey({ key: Buffer.from(job.revealKey, 'base64'), format: 'der', type: 'spki' }),
          padding: constants.RSA_PKCS1_OAEP_PADDING,
          oaepHash: 'sha256',
        },
        Buffer.from(password, 'utf8'),
      ).toString('base64');
    } catch {
      return null;
    }
  }

  /** After every row is checked: rejected (a bad row or file), done (a dry run), or all rows stored at once. */
  private async finish(job: {
    id: string;
    kind: string;
    dryRun: boolean;
    fileProblems: Prisma.JsonValue;
    audit: Prisma.JsonValue;
  }): Promise<void> {
    const invalid = await this.prisma.adminImportRow.count({ where: { jobId: job.id, status: 'invalid' } });
    const fileBad = Array.isArray(job.fileProblems) && job.fileProblems.length > 0;
    if (invalid > 0 || fileBad || job.dryRun) {
      await this.close(job.id, invalid > 0 || fileBad ? 'rejected' : 'done');
      return;
    }
    await this.prisma.adminImportJob.updateMany({
      where: { id: job.id, status: 'running' },
      data: { stage: 'applying' },
    });
    try {
      await this.accounts.transaction(async (tx) => {
        // Locks the job: a second holder waits here, then finds it done and stores nothing.
        const { count } = await tx.adminImportJob.updateMany({
          where: { id: job.id, status: 'running' },
          data: { status: 'done', stage: 'finished', finishedAt: this.clock.now(), leaseUntil: null },
        });
        if (count !== 1) throw new AlreadyFinished();
        const rows = await tx.adminImportRow.findMany({
          where: { jobId: job.id, status: 'valid' },
          orderBy: { position: 'asc' },
        });
        const sink = this.sink(job.audit);
        for (const row of rows) {
          let result: object;
          try {
            result = await this.store(tx, job.kind, row, sink);
          } catch (error) {
            const problem = rowProblem(row.line, error);
            if (!problem) throw error;
            throw new Rollback(row.position, problem);
          }
          await tx.adminImportRow.update({
            where: { jobId_position: { jobId: job.id, position: row.position } },
            data: { status: 'applied', result: result, passwordHash: null },
          });
        }
      });
      // A large import changes what the planner should expect of these tables; autovacuum may be off.
      await refreshStatisticsOf(this.prisma, TABLES_WRITTEN[job.kind as ImportKind]);
    } catch (error) {
      if (error instanceof AlreadyFinished) return;
      if (!(error instanceof Rollback)) throw error;
      // Someone took the username, member id… since the check: nothing was stored; say which row.
      await this.prisma.adminImportRow.update({
        where: { jobId_position: { jobId: job.id, position: error.position } },
        data: {
          status: 'invalid',
          problems: [error.problem as unknown as Prisma.InputJsonValue],
          passwordSealed: null,
        },
      });
      await this.close(job.id, 'rejected');
    }
  }

  private async store(
    tx: Prisma.TransactionClient,
    kind: string,
    row: { input: Prisma.JsonValue; passwordHash: string | null },
    sink: AuditSink,
  ): Promise<object> {
    if (kind === 'accounts') {
      const command = row.input as unknown as CreateAccount;
      await this.accounts.checkNew(tx, command);
      if (!row.passwordHash) throw new Error('An account row was checked without its password hash.');
      return this.accounts.insertAccount(tx, command, row.passwordHash, sink);
    }
    const { wardCode, member } = row.input as unknown as MemberImportInput;
    const checked = await this.accounts.checkNewMember(tx, wardCode, member);
    return this.accounts.insertMember(tx, wardCode, member, checked, sink);
  }

  /** Each stored row's audit entry carries the admin, address and request that started the import. */
  private sink(stored: Prisma.JsonValue): AuditSink {
    const audit = stored as unknown as AuditContext;
    const ctx = {
      actor: { userId: audit.actorId } as Actor,
      clientAddress: audit.clientAddress ?? null,
      requestId: audit.requestId ?? null,
    };
    return (tx, entry) => this.audit.record(ctx, entry, tx);
  }

  private async close(jobId: string, status: 'done' | 'rejected'): Promise<void> {
    await this.prisma.adminImportJob.updateMany({
      where: { id: jobId, status: 'running' },
      data: { status, stage: 'finished', finishedAt: this.clock.now(), leaseUntil: null },
    });
    if (status === 'rejected')
      await this.prisma.adminImportRow.updateMany({
        where: { jobId, passwordSealed: { not: null } },
        data: { passwordSealed: null, passwordHash: null },
      });
  }

  private async renew(jobId: string): Promise<void> {
    await this.prisma.adminImportJob.updateMany({
      where: { id: jobId, status: 'running' },
      data: { leaseUntil: new Date(this.clock.now().getTime() + LEASE_MS) },
    });
  }

  private async release(jobId: string): Promise<void> {
    await this.prisma.adminImportJob.updateMany({
      where: { id: jobId, status: 'running' },
      data: { leaseUntil: null },
    });
  }

  /** Takes the job's lease unless another process holds it. */
  private async claim(jobId: string): Promise<boolean> {
    const now = this.clock.now();
    const { count } = await this.prisma.adminImportJob.updateMany({
      where: { id: jobId, status: 'running', OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
      data: { leaseUntil: new Date(now.getTime() + LEASE_MS) },
    });
    return count === 1;
  }

  private async resumeAbandoned(): Promise<void> {
    try {
      const jobs = await this.prisma.adminImportJob.findMany({
        where: { status: 'running', OR: [{ leaseUntil: null }, { leaseUntil: { lt: this.clock.now() } }] },
        select: { id: true },
        take: 20,
      });
      for (const job of jobs) this.kick(job.id);
    } catch (error) {
      this.log.warn(
        `Không đọc được công việc nhập dở dang / could not look for unfinished imports: ${String(error)}`,
      );
    }
  }
}
