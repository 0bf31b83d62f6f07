import { Inject, Injectable } from '@nestjs/common';
import type { PrismaClient } from '@kientoan/platform';
import { PRISMA } from '../infrastructure/infrastructure.module';
import { AuthErrors } from './auth-errors';
import { LoginUseCase, type Session } from './login.use-case';
import { TokenService } from './token.service';

/** Exchanges a refresh token for a new session; the old refresh token is revoked (rotation). */
@Injectable()
export class RefreshSessionUseCase {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(LoginUseCase) private readonly login: LoginUseCase,
  ) {}

  async execute(refreshToken: string): Promise<Session> {
    const stored = await this.prisma.refreshToken.findUnique({
      where: { tokenHash: TokenService.hash(refreshToken) },
    });
    if (!stored || stored.revokedAt || stored.expiresAt < new Date()) throw AuthErrors.badRefresh();
    const revoked = await this.prisma.refreshToken.updateMany({
      where: { id: stored.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (revoked.count !== 1) throw AuthErrors.badRefresh();
    return this.login.issue(stored.userId);
  }

  async revoke(refreshToken: string): Promise<void> {
    await this.prisma.refreshToken.updateMany({
      where: { tokenHash: TokenService.hash(refreshToken), revokedAt: null },
      data: { revokedAt: new Date() },
    });
  }
}
