import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { Actor } from '@kientoan/domain';

export interface AuthenticatedRequest {
  actor?: Actor;
  requestId?: string;
  /** When the request arrived (epoch ms), set by the request-context middleware. */
  receivedAt?: number;
  ip?: string;
}

/** The signed-in account, loaded by the AuthGuard. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a public route');
  return actor;
});

/** Who and from where, for the audit trail. */
export interface RequestContext {
  readonly actor: Actor;
  readonly clientAddress: string | null;
  readonly requestId: string | null;
  /** When the request arrived (epoch ms): an action's time budget counts from here. */
  readonly receivedAt?: number;
}

export const Ctx = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestContext => {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.actor) throw new Error('Ctx used on a public route');
  return {
    actor: request.actor,
    clientAddress: request.ip ?? null,
    requestId: request.requestId ?? null,
    ...(request.receivedAt === undefined ? {} : { receivedAt: request.receivedAt }),
  };
});

/** Where a request comes from, on any route (public ones too): for throttling and the audit trail. */
export interface ClientInfo {
  readonly clientAddress: string;
  readonly requestId: string | null;
}

export const Client = createParamDecorator((_: unknown, ctx: ExecutionContext): ClientInfo => {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  return { clientAddress: request.ip ?? 'unknown', requestId: request.requestId ?? null };
});
