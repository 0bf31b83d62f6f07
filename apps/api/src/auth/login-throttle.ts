import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { RateLimiterPrisma, type RateLimiterRes } from 'rate-limiter-flexible';
import { type PrismaClient, environmentFrom } from '@kientoan/platform';
import { PRISMA } from '../infrastructure/infrastructure.module';
import { AuthErrors } from './auth-errors';

const HOUR_SECONDS = 3600;
const CLEAN_UP_EVERY_MS = 5 * 60_000;

/**
 * Failed sign-ins slow down whoever makes them, with no lock an attacker can set on someone else: failures are
 * counted per client address and per account name (known or not, so the answers leak nothing) for an hour;
 * past a threshold each further failure doubles the wait, up to a cap. The per-address cap is long, the
 * per-account one short (a minute by default), so guessing from many addresses is slowed while the owner
 * is never kept out for long. Counters live in PostgreSQL, shared by every API process.
 */
@Injectable()
export class LoginThrottle implements OnModuleDestroy {
  private readonly logger = new Logger(LoginThrottle.name);
  private readonly failures: RateLimiterPrisma;
  private readonly waits: RateLimiterPrisma;
  private readonly policy: Record<'address' | 'account', { threshold: number; maxWaitSeconds: number }>;
  private readonly cleanUp: NodeJS.Timeout;

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(ConfigService) config: ConfigService,
  ) {
    const env = environmentFrom(config);
    // The library's own clean-up timer cannot be stopped: it outlived the application (and, in tests, the
    // test file that made it) and then queried a closed client. Ours stops with the module.
    const store = { storeClient: prisma, tableName: 'loginThrottle', clearExpiredByTimeout: false };
    this.failures = new RateLimiterPrisma({
      ...store,
      keyPrefix: 'login-failures',
      points: Number.MAX_SAFE_INTEGER,
      duration: HOUR_SECONDS,
    });
    this.waits = new RateLimiterPrisma({ ...store, keyPrefix: 'login-wait', points: 1, duration: 1 });
    this.policy = {
      address: {
        threshold: env.AUTH_LOGIN_FAILURES_PER_ADDRESS,
        maxWaitSeconds: env.AUTH_LOGIN_BACKOFF_MAX_SECONDS,
      },
      account: {
        threshold: env.AUTH_LOGIN_FAILURES_PER_ACCOUNT,
        maxWaitSeconds: env.AUTH_LOGIN_ACCOUNT_BACKOFF_MAX_SECONDS,
      },
    };
    this.cleanUp = setInterval(() => void this.removeExpired(), CLEAN_UP_EVERY_MS).unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.cleanUp);
  }

  /** Rows expired for an hour or more count for nothing; removing them keeps the table small. */
  async removeExpired(): Promise<number> {
    try {
      const { count } = await this.prisma.loginThrottle.deleteMany({
        where: { expire: { lt: new Date(Date.now() - HOUR_SECONDS * 1000) } },
      });
      return count;
    } catch (error) {
      this.logger.warn(`Could not remove expired sign-in counters: ${String(error)}`);
      return 0;
    }
  }

  /** Refuses (429, with the wait) while the address or the account name must wait. */
  async check(address: string, username: string): Promise<void> {
    const waits = await Promise.all(this.keys(address, username).map(([, key]) => this.waits.get(key)));
    const longest = Math.max(
      0,
      ...waits.map((w: RateLimiterRes | null) => (w && w.consumedPoints > 1 ? w.msBeforeNext : 0)),
    );
    if (longest > 0) throw AuthErrors.throttled(Math.ceil(longest / 1000));
  }

  /** Counts a failure; past the threshold, the next attempt waits 1 s, then 2 s, 4 s … up to the cap. */
  async failed(address: string, username: string): Promise<void> {
    for (const [scope, key] of this.keys(address, username)) {
      const { consumedPoints } = await this.failures.penalty(key);
      const { threshold, maxWaitSeconds } = this.policy[scope];
      const excess = consumedPoints - threshold;
      if (excess >= 0) await this.waits.block(key, Math.min(2 ** Math.min(excess, 30), maxWaitSeconds));
    }
  }

  private keys(address: string, username: string): [scope: 'address' | 'account', key: string][] {
    return [
      ['address', `address:${address}`],
      ['account', `account:${username.trim().toLowerCase()}`],
    ];
  }
}
