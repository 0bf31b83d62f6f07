import { Inject, Injectable, Logger } from '@nestjs/common';
import type { PrismaClient } from '@kientoan/platform';
import { PRISMA } from '../infrastructure/infrastructure.module';
import { AuthErrors } from './auth-errors';
import { type Session, SessionIssuer } from './session-issuer';
import { TokenService } from './token.service';

/**
 * Exchanges a refresh token for a new session; the old token is revoked (rotation). Presenting a token that
 * was already rotated means it was copied: the whole family (every token descended from that sign-in) is
 * revoked. Disabled or locked accounts cannot refresh.
 */
@Injectable()
export class RefreshSessionUseCase {
  private readonly logger = new Logger(RefreshSessionUseCase.name);

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(SessionIssuer) private readonly sessions: SessionIssuer,
  ) {}

  async execute(refreshToken: string): Promise<Session> {
    const stored = await this.prisma.refreshToken.findUnique({
      where: { tokenHash: TokenService.hash(refreshToken) },
      include: { user: true },
    });
    if (!stored) throw AuthErrors.badRefresh();
    const familyId = stored.familyId ?? stored.id;
    const now = new Date();
    if (stored.revokedAt) {
      await this.revokeFamily(familyId, stored.userId);
      throw AuthErrors.badRefresh();
    }
    if (stored.expiresAt < now || !this.sessions.mayHoldSession(stored.user, now))
      throw AuthErrors.badRefresh();
    const rotated = await this.prisma.refreshToken.updateMany({
      where: { id: stored.id, revokedAt: null },
      data: { revokedAt: now },
    });
    if (rotated.count !== 1) {
      // Two requests raced with the same token: one of them is a copy.
      await this.revokeFamily(familyId, stored.userId);
      throw AuthErrors.badRefresh();
    }
    return this.sessions.issue(stored.user, familyId);
  }

  async revoke(refreshToken: string): Promise<void> {
    await this.prisma.refreshToken.updateMany({
      where: { tokenHash: TokenService.hash(refreshToken), revokedAt: null },
      data: { revokedAt: new Date() },
    });
  }

  private async revokeFamily(familyId: string, userId: string): Promise<void> {
    const { count } = await this.prisma.refreshToken.updateMany({
      where: { OR: [{ familyId }, { id: familyId }], revokedAt: null },
      data: { revokedAt: new Date() },
    });
    this.logger.warn(`Reused refresh token of account ${userId}: ${count} token(s) of its family revoked`);
  }
}
