import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { type PrismaClient, environmentFrom, verifyPassword } from '@kientoan/platform';
import type { z } from 'zod';
import { PRISMA } from '../infrastructure/infrastructure.module';
import { AuthErrors } from './auth-errors';
import type { loginSchema } from './auth.schemas';
import { TokenService } from './token.service';

export interface Session {
  readonly accessToken: string;
  readonly tokenType: 'Bearer';
  readonly expiresIn: number;
  readonly refreshToken: string;
}

/** Sign-in with lock-out: after N failures the account is locked for M minutes (checked before the password). */
@Injectable()
export class LoginUseCase {
  private readonly logger = new Logger(LoginUseCase.name);
  private readonly maxFailures: number;
  private readonly lockoutMinutes: number;

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(ConfigService) config: ConfigService,
  ) {
    const env = environmentFrom(config);
    this.maxFailures = env.AUTH_MAX_FAILED_LOGINS;
    this.lockoutMinutes = env.AUTH_LOCKOUT_MINUTES;
  }

  async execute(body: z.output<typeof loginSchema>): Promise<Session> {
    const user = await this.prisma.userAccount.findUnique({ where: { username: body.username } });
    const now = new Date();
    if (user?.lockedUntil && user.lockedUntil > now) throw AuthErrors.locked(user.lockedUntil);
    if (!user || !(await verifyPassword(body.password, user.passwordHash))) {
      if (user) {
        const failures = user.failedLogins + 1;
        const lock = failures >= this.maxFailures;
        await this.prisma.userAccount.update({
          where: { id: user.id },
          data: {
            failedLogins: lock ? 0 : failures,
            lockedUntil: lock ? new Date(now.getTime() + this.lockoutMinutes * 60_000) : null,
          },
        });
        if (lock) this.logger.warn(`Account ${user.username} locked after ${failures} failed sign-ins`);
      }
      throw AuthErrors.badCredentials();
    }
    await this.prisma.userAccount.update({
      where: { id: user.id },
      data: { failedLogins: 0, lockedUntil: null },
    });
    return this.issue(user.id);
  }

  async issue(userId: string): Promise<Session> {
    const refresh = this.tokens.newRefreshToken();
    await this.prisma.refreshToken.create({
      data: {
        id: randomUUID(),
        userId,
        tokenHash: refresh.hash,
        expiresAt: new Date(Date.now() + this.tokens.refreshDays * 86_400_000),
      },
    });
    return {
      accessToken: await this.tokens.signAccess(userId),
      tokenType: 'Bearer',
      expiresIn: this.tokens.accessSeconds,
      refreshToken: refresh.token,
    };
  }
}
