import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { type PrismaClient, environmentFrom } from '@kientoan/platform';
import { PRISMA } from '../infrastructure/infrastructure.module';
import { TokenService } from './token.service';

export interface Session {
  readonly accessToken: string;
  readonly tokenType: 'Bearer';
  readonly expiresIn: number;
  readonly refreshToken: string;
}

/** The account fields that decide whether it may hold a session. */
export interface SessionAccount {
  readonly id: string;
  readonly tokenVersion: number;
  readonly disabledAt: Date | null;
  readonly lockedUntil: Date | null;
  readonly mustChangePassword: boolean;
  readonly demo: boolean;
}

/** Issues sessions (access + refresh token of one family) and says who may hold one. */
@Injectable()
export class SessionIssuer {
  private readonly production: boolean;

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(ConfigService) config: ConfigService,
  ) {
    this.production = environmentFrom(config).NODE_ENV === 'production';
  }

  /** Disabled and locked accounts hold no session; demo accounts exist for local development only. */
  mayHoldSession(account: SessionAccount, now = new Date()): boolean {
    return (
      account.disabledAt === null &&
      !(account.lockedUntil && account.lockedUntil > now) &&
      !(account.demo && this.production)
    );
  }

  /** A new session; a refresh keeps the family of the token it replaces, so reuse can revoke all of it. */
  async issue(account: SessionAccount, familyId: string = randomUUID()): Promise<Session> {
    const refresh = this.tokens.newRefreshToken();
    await this.prisma.refreshToken.create({
      data: {
        id: randomUUID(),
        userId: account.id,
        familyId,
        tokenHash: refresh.hash,
        expiresAt: new Date(Date.now() + this.tokens.refreshDays * 86_400_000),
      },
    });
    return {
      accessToken: await this.tokens.signAccess(account.id, account.tokenVersion),
      tokenType: 'Bearer',
      expiresIn: this.tokens.accessSeconds,
      refreshToken: refresh.token,
    };
  }
}
