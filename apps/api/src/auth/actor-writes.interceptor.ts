import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request } from 'express';
import { type Observable, finalize } from 'rxjs';
import { ActorLoader } from './actor.loader';

/** The routes that change accounts, ward roles, delegations, committee members or sign-in locks. */
const ACTOR_WRITES = /^\/api\/(admin|auth|delegations)(\/|$)/;

/**
 * After this process changes who may do what (a write under /api/admin, /api/auth or /api/delegations,
 * answered or refused: a failed sign-in may lock the account), its cached actors are dropped before the
 * answer leaves, so the caller's next request never sees the old roles. Other processes learn it from
 * PostgreSQL's `actor_changed` notification (ActorChangesListener).
 *
 * Applied per controller (admin, auth, delegations), never globally: a global interceptor defers every
 * handler into the response's observable, and the event stream (SSE) would then send its 200 headers before
 * its handler refuses a bad ticket.
 */
@Injectable()
export class ActorWritesInterceptor implements NestInterceptor {
  constructor(@Inject(ActorLoader) private readonly actors: ActorLoader) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const path = request.originalUrl ?? request.url;
    if (request.method === 'GET' || request.method === 'HEAD' || !ACTOR_WRITES.test(path ?? ''))
      return next.handle();
    return next.handle().pipe(finalize(() => this.actors.forgetAll()));
  }
}
