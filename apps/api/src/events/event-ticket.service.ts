import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { environmentFrom } from '@kientoan/platform';
import { SignJWT, jwtVerify } from 'jose';

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

  constructor(@Inject(ConfigService) config: ConfigService) {
    this.secret = new TextEncoder().encode(environmentFrom(config).AUTH_TOKEN_SECRET);
  }

  issue(userId: string): Promise<string> {
    return new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setAudience(AUDIENCE)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${TICKET_SECONDS}s`)
      .sign(this.secret);
  }

  /** The user id of a valid ticket, or undefined. */
  async verify(ticket: string): Promise<string | undefined> {
    try {
      const { payload } = await jwtVerify(ticket, this.secret, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
      });
      return payload.sub;
    } catch {
      return undefined;
    }
  }
}
