import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { environmentFrom } from '@kientoan/platform';
import { Client } from 'pg';
import { ActorLoader } from './actor.loader';

/** Sent by triggers on accounts, ward roles, delegations and committee members (migration …_perf_actor_changes). */
export const ACTOR_CHANGED_CHANNEL = 'actor_changed';

const RECONNECT_MS = 2_000;

/**
 * Keeps the API's reused actors honest: LISTEN on `actor_changed`, which every transaction that changes
 * who may do what notifies on commit (from any API process, the CLI or an import), and drop every cached
 * actor. While the connection is down nothing is cached (every request loads its actor), so no change is
 * missed; it reconnects on its own.
 */
@Injectable()
export class ActorChangesListener implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ActorChangesListener.name);
  private client: Client | null = null;
  private closed = false;
  private retry: NodeJS.Timeout | undefined;
  private readonly databaseUrl: string;

  constructor(
    @Inject(ConfigService) config: ConfigService,
    @Inject(ActorLoader) private readonly actors: ActorLoader,
  ) {
    this.databaseUrl = environmentFrom(config).DATABASE_URL;
  }

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    this.actors.setCaching(false);
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.databaseUrl, connectionTimeoutMillis: 3_000 });
    client.on('notification', (message) => {
      if (message.channel === ACTOR_CHANGED_CHANNEL) this.actors.forgetAll();
    });
    client.on('error', (error) => {
      this.logger.warn(`LISTEN ${ACTOR_CHANGED_CHANNEL} connection lost: ${error.message}`);
      this.scheduleReconnect(client);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${ACTOR_CHANGED_CHANNEL}`);
      this.client = client;
      this.actors.setCaching(true);
    } catch (error) {
      this.logger.warn(`Cannot LISTEN ${ACTOR_CHANGED_CHANNEL}: ${(error as Error).message}`);
      this.scheduleReconnect(client);
    }
  }

  private scheduleReconnect(client: Client): void {
    this.actors.setCaching(false);
    void client.end().catch(() => undefined);
    if (this.client === client) this.client = null;
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      if (!this.closed) void this.connect();
    }, RECONNECT_MS);
  }
}
