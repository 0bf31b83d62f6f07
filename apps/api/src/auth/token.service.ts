import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { SignJWT, jwtVerify } from 'jose';
import { environmentFrom } from '@kientoan/platform';

/** Short-lived signed access tokens (HS256) and opaque refresh tokens (only their hash is stored). */
@Injectable()
export class TokenService {
  private readonly secret: Uint8Array;
  readonly accessSeconds: number;
  readonly refreshDays: number;

  constructor(@Inject(ConfigService) config: ConfigService) {
    const env = environmentFrom(config);
    this.secret = new TextEncoder().encode(env.AUTH_TOKEN_SECRET);
    this.accessSeconds = env.AUTH_ACCESS_TOKEN_SECONDS;
    this.refreshDays = env.AUTH_REFRESH_TOKEN_DAYS;
  }

  signAccess(userId: string): Promise<string> {
    return new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuedAt()
      .setIssuer('kientoan')
      .setExpirationTime(`${this.accessSeconds}s`)
      .sign(this.secret);
  }

  /** The user id of a valid token, or undefined. */
  async verifyAccess(token: string): Promise<string | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.secret, { issuer: 'kientoan', algorithms: ['HS256'] });
      return payload.sub;
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
