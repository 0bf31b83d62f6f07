import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { SignJWT, jwtVerify } from 'jose';
import { environmentFrom, resolveTokenSecret } from '@kientoan/platform';

export const TOKEN_ISSUER = 'kientoan';
export const TOKEN_AUDIENCE = 'kientoan-api';

/** Who a verified access token speaks for, and the account's token version when it was signed. */
export interface AccessClaims {
  readonly userId: string;
  readonly tokenVersion: number;
}

/** Verified access tokens kept; beyond, the oldest go first. */
const MAX_VERIFIED_TOKENS = 10_000;

/** Short-lived signed access tokens (HS256) and opaque refresh tokens (only their hash is stored). */
@Injectable()
export class TokenService {
  private readonly secret: Uint8Array;
  /**
   * Tokens this process verified, with their claims, until they expire (the earlier of exp and issue time +
   * the access lifetime): the same string has the same signature and claims, so a client's every request
   * need not verify it again (an HMAC on the crypto thread pool per request). Only accepted tokens are kept.
   * The account's token version is still checked on every request (ActorLoader).
   */
  private readonly verified = new Map<string, { readonly claims: AccessClaims; readonly until: number }>();
  readonly accessSeconds: number;
  readonly refreshDays: number;

  constructor(@Inject(ConfigService) config: ConfigService) {
    const env = environmentFrom(config);
    this.secret = new TextEncoder().encode(resolveTokenSecret(env.AUTH_TOKEN_SECRET));
    this.accessSeconds = env.AUTH_ACCESS_TOKEN_SECONDS;
    this.refreshDays = env.AUTH_REFRESH_TOKEN_DAYS;
  }

  signAccess(userId: string, tokenVersion: number): Promise<string> {
    return new SignJWT({ ver: tokenVersion })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userId)
      .setIssuedAt()
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setExpirationTime(`${this.accessSeconds}s`)
      .sign(this.secret);
  }

  /**
   * The claims of a valid token, or undefined. A token must carry exp, iat, iss, aud, sub and ver, and be
   * no older than the configured lifetime even if its own exp says otherwise.
   */
  async verifyAccess(token: string): Promise<AccessClaims | undefined> {
    const hit = this.verified.get(token);
    if (hit) {
      if (hit.until > Date.now()) return hit.claims;
      this.verified.delete(token);
    }
    try {
      const { payload } = await jwtVerify(token, this.secret, {
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        algorithms: ['HS256'],
        requiredClaims: ['exp', 'iat', 'sub', 'ver'],
        maxTokenAge: `${this.accessSeconds}s`,
        clockTolerance: '5s',
      });
      if (!payload.sub || typeof payload.ver !== 'number') return undefined;
      if (payload.exp! - payload.iat! > this.accessSeconds) return undefined;
      const claims = { userId: payload.sub, tokenVersion: payload.ver };
      const until = Math.min(payload.exp!, payload.iat! + this.accessSeconds) * 1000;
      if (until > Date.now()) {
        if (this.verified.size >= MAX_VERIFIED_TOKENS)
          this.verified.delete(this.verified.keys().next().value as string);
        this.verified.set(token, { claims, until });
      }
      return claims;
    } catch {
      return undefined;
    }
  }

  newRefreshToken(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: TokenService.hash(token) };
  }

  static hash(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }
}
