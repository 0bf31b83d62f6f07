import { Inject, Injectable } from '@nestjs/common';
import { type PrismaClient, AccountErrors, hashPassword } from '@kientoan/platform';
import { AuditLog } from '../audit/audit-log';
import { PRISMA } from '../infrastructure/infrastructure.module';
import { AuthErrors } from './auth-errors';
import type { ChangePasswordBody } from './auth.schemas';
import { LoginUseCase } from './login.use-case';
import { type Session, SessionIssuer } from './session-issuer';

export interface ChangePasswordCommand extends ChangePasswordBody {
  readonly clientAddress: string;
  readonly requestId: string | null;
}

/**
 * Changes a password, proven by the current one (so a temporary password can be replaced before any session
 * exists). Every other session of the account ends; the answer is a new session. Audited.
 */
@Injectable()
export class ChangePasswordUseCase {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(LoginUseCase) private readonly login: LoginUseCase,
    @Inject(SessionIssuer) private readonly sessions: SessionIssuer,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute(command: ChangePasswordCommand): Promise<Session> {
    const account = await this.login.verify({
      username: command.username,
      password: command.currentPassword,
      clientAddress: command.clientAddress,
    });
    if (command.newPassword === command.username) throw AccountErrors.weakPassword();
    if (command.newPassword === command.currentPassword) throw AuthErrors.samePassword();
    const passwordHash = await hashPassword(command.newPassword);
    const updated = await this.prisma.$transaction(async (tx) => {
      const changed = await tx.userAccount.update({
        where: { id: account.id },
        data: { passwordHash, mustChangePassword: false, tokenVersion: { increment: 1 } },
      });
      await tx.refreshToken.updateMany({
        where: { userId: account.id, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      await this.audit.record(
        {
          actor: {
            userId: account.id,
            username: account.username,
            supervisor: account.supervisor,
            admin: account.admin,
            wardRoles: {},
            memberId: account.memberId,
          },
          clientAddress: command.clientAddress,
          requestId: command.requestId,
        },
        {
          action: 'account.password_change',
          role: 'self',
          after: { username: account.username, wasTemporary: account.mustChangePassword },
        },
        tx,
      );
      return changed;
    });
    return this.sessions.issue(updated);
  }
}
