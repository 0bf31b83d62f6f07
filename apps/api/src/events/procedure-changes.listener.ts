import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { environmentFrom } from '@kientoan/platform';
import { Client } from 'pg';
import { Subject } from 'rxjs';
import { z } from 'zod';

export const PROCEDURE_CHANGED_CHANNEL = 'procedure_changed';

/** The payload the writer of a procedure's projection sends with `pg_notify('procedure_changed', …)`. */
export const procedureChangedSchema = z.object({
  procedureId: z.string().min(1),
  wardCode: z.string().min(1),
  revision: z.number().int().optional(),
  // The projection's state after the change (absent from writers older than it).
  status: z.string().optional(),
  currentStep: z.string().nullable().optional(),
  waitingFor: z.string().nullable().optional(),
  // Sent when a vote is recorded: the votes cast in the round so far (the revision is the row's, unchanged).
  votes: z.number().int().nonnegative().optional(),
});
export type ProcedureChanged = z.infer<typeof procedureChangedSchema>;

const RECONNECT_MS = 2_000;

/**
 * One PostgreSQL connection per API process listening on `procedure_changed`, fanned out to every open
 * event stream. NOTIFY is delivered only to connected listeners, so after a lost connection it reconnects
 * and the browsers, which poll while their stream is down, catch up by refetching.
 */
@Injectable()
export class ProcedureChangesListener implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ProcedureChangesListener.name);
  private readonly changes = new Subject<ProcedureChanged>();
  readonly changes$ = this.changes.asObservable();
  private client: Client | null = null;
  private closed = false;
  private retry: NodeJS.Timeout | undefined;
  private readonly databaseUrl: string;

  constructor(@Inject(ConfigService) config: ConfigService) {
    this.databaseUrl = environmentFrom(config).DATABASE_URL;
  }

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    this.changes.complete();
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.databaseUrl });
    client.on('notification', (message) => {
      if (message.channel !== PROCEDURE_CHANGED_CHANNEL || !message.payload) return;
      try {
        const parsed = procedureChangedSchema.safeParse(JSON.parse(message.payload));
        if (parsed.success) this.changes.next(parsed.data);
        else this.logger.warn(`Ignored a malformed ${PROCEDURE_CHANGED_CHANNEL} payload`);
      } catch {
        this.logger.warn(`Ignored a ${PROCEDURE_CHANGED_CHANNEL} payload that is not JSON`);
      }
    });
    client.on('error', (error) => {
      this.logger.warn(`LISTEN connection lost: ${error.message}`);
      this.scheduleReconnect(client);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${PROCEDURE_CHANGED_CHANNEL}`);
      this.client = client;
    } catch (error) {
      this.logger.warn(`Cannot LISTEN ${PROCEDURE_CHANGED_CHANNEL}: ${(error as Error).message}`);
      this.scheduleReconnect(client);
    }
  }

  private scheduleReconnect(client: Client): void {
    void client.end().catch(() => undefined);
    if (this.client === client) this.client = null;
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      if (!this.closed) void this.connect();
    }, RECONNECT_MS);
  }
}
