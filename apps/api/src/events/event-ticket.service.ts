import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { type PrismaClient, environmentFrom, resolveTokenSecret } from '@kientoan/platform';
import { SignJWT, jwtVerify } from 'jose';
import type { AccessClaims } from '../auth/token.service';
import { PRISMA } from '../infrastructure/infrastructure.tokens';

const AUDIENCE = 'kientoan:events';
/** Not the access tokens' issuer: the AuthGuard refuses a ticket as a bearer token. */
const ISSUER = 'kientoan:event-tickets';
export const TICKET_SECONDS = 60;

/**
 * EventSource cannot send an Authorization header, and a bearer token in a URL would end up in access logs
 * and browser history for its whole 15 minutes. So a signed-in client trades its bearer token for a ticket
 * that lives 60 s and is good only for opening the event stream (its own audience: it is refused as a bearer
 * token, and a bearer token is refused as a ticket). An open stream stays open after the ticket expires.
 */
@Injectable()
export class EventTicketService {
  private readonly secret: Uint8Array;

  constructor(
    @Inject(ConfigService) config: ConfigService,
    @Inject(PRISMA) private readonly prisma: PrismaClient,
  ) {
    this.secret = new TextEncoder().encode(resolveTokenSecret(environmentFrom(config).AUTH_TOKEN_SECRET));
  }

  /** Carries the account's token version, so a ticket dies with the sessions (disabled, new password). */
  async issue(userId: string): Promise<string> {
    const { tokenVersion } = await this.prisma.userAccount.findUniqueOrThrow({
      where: { id: userId },
      select: { tokenVersion: true },
    });
    return new SignJWT({ ver: tokenVersion })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setAudience(AUDIENCE)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${TICKET_SECONDS}s`)
      .sign(this.secret);
  }

  /** The claims of a valid ticket (checked like an access token's by the actor loader), or undefined. */
  async verify(ticket: string): Promise<AccessClaims | undefined> {
    try {
      const { payload } = await jwtVerify(ticket, this.secret, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
      });
      return payload.sub && typeof payload.ver === 'number'
        ? { userId: payload.sub, tokenVersion: payload.ver }
        : undefined;
    } catch {
      return undefined;
    }
  }
}
