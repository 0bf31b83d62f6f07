import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ActorLoader } from './actor.loader';
import { AuthErrors } from './auth-errors';
import type { AuthenticatedRequest } from './current-actor.decorator';
import { IS_PUBLIC } from './public.decorator';
import { TokenService } from './token.service';

/** Global guard: every route needs a valid bearer token unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(ActorLoader) private readonly actors: ActorLoader,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]))
      return true;
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw AuthErrors.unauthenticated();
    const claims = await this.tokens.verifyAccess(token);
    const actor = claims ? await this.actors.load(claims) : undefined;
    if (!actor) throw AuthErrors.unauthenticated();
    request.actor = actor;
    return true;
  }
}
