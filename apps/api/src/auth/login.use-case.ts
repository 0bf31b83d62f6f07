import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type PrismaClient, hashPassword, verifyPassword } from '@kientoan/platform';
import { PRISMA } from '../infrastructure/infrastructure.module';
import { AuthErrors } from './auth-errors';
import { LoginThrottle } from './login-throttle';
import { type Session, SessionIssuer } from './session-issuer';

export interface LoginCommand {
  readonly username: string;
  readonly password: string;
  readonly clientAddress: string;
}

/**
 * Sign-in that tells nothing about who exists: an unknown name costs the same scrypt work (a dummy hash with
 * the same parameters) and gets the same answer as a wrong password, a disabled account or a demo account in
 * production. Failures slow the address and the name down (LoginThrottle); nothing locks an account.
 */
@Injectable()
export class LoginUseCase {
  /** A hash of a random password nobody knows, made with the same scrypt cost as real ones. */
  private readonly dummyHash = hashPassword(randomBytes(24).toString('base64url'));

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(SessionIssuer) private readonly sessions: SessionIssuer,
    @Inject(LoginThrottle) private readonly throttle: LoginThrottle,
  ) {}

  async execute(command: LoginCommand): Promise<Session> {
    const account = await this.verify(command);
    if (account.mustChangePassword) throw AuthErrors.passwordChangeRequired();
    return this.sessions.issue(account);
  }

  /** The account whose password this is, or the one answer every failure gets. Shared with the password change. */
  async verify({ username, password, clientAddress }: LoginCommand) {
    await this.throttle.check(clientAddress, username);
    const account = await this.prisma.userAccount.findUnique({ where: { username } });
    const matches = await verifyPassword(password, account?.passwordHash ?? (await this.dummyHash));
    if (!account || !matches || !this.sessions.mayHoldSession(account)) {
      await this.throttle.failed(clientAddress, username);
      throw AuthErrors.badCredentials();
    }
    return account;
  }
}
