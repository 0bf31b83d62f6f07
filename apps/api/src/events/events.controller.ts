import {
  Controller,
  HttpCode,
  HttpStatus,
  Inject,
  type MessageEvent,
  Post,
  Query,
  Sse,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { type Actor, wardsAllowing } from '@kientoan/domain';
import { type Observable, filter, interval, map, merge } from 'rxjs';
import { z } from 'zod';
import { ActorLoader } from '../auth/actor.loader';
import { AuthErrors } from '../auth/auth-errors';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Public } from '../auth/public.decorator';
import { ApiResult } from '../common/openapi/api-responses';
import { ZodValidationPipe } from '../common/validation/zod-validation.pipe';
import { EventTicketService, TICKET_SECONDS } from './event-ticket.service';
import { ProcedureChangesListener } from './procedure-changes.listener';

const ticketSchema = z.object({ ticket: z.string(), expiresIn: z.number().int() });
const streamQuerySchema = z.object({ ticket: z.string().min(20).max(2000) }).strict();
/** Proxies drop idle connections: a comment-like ping every 25 s keeps the stream open. */
const HEARTBEAT_MS = 25_000;

/** Live updates for the web app: "this procedure changed" for every procedure the user may read. */
@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(
    @Inject(EventTicketService) private readonly tickets: EventTicketService,
    @Inject(ActorLoader) private readonly actors: ActorLoader,
    @Inject(ProcedureChangesListener) private readonly listener: ProcedureChangesListener,
  ) {}

  @Post('ticket')
  @HttpCode(HttpStatus.OK)
  @ApiBearerAuth()
  @ApiResult(ticketSchema)
  @ApiOperation({
    summary:
      'Vé mở luồng sự kiện (60 giây) / A 60-second ticket to open the event stream (EventSource sends no headers)',
  })
  async ticket(@CurrentActor() actor: Actor) {
    return { ticket: await this.tickets.issue(actor.userId), expiresIn: TICKET_SECONDS };
  }

  @Public()
  @Sse()
  @ApiOperation({
    summary:
      'Luồng sự kiện (SSE): thủ tục thay đổi, có thêm phiếu biểu quyết / Server-Sent Events: `procedure_changed` with {procedureId, wardCode, revision, status, currentStep, waitingFor} and, when a vote is recorded, `votes` (cast in the round so far)',
  })
  @ApiQuery({ name: 'ticket', required: true, description: 'From POST /api/events/ticket' })
  @ApiProduces('text/event-stream')
  @ApiResponse({ status: 200, description: 'text/event-stream of `procedure_changed` and `ping` events' })
  @ApiResponse({ status: 401, description: 'No valid ticket' })
  async stream(
    @Query(new ZodValidationPipe(streamQuerySchema)) query: z.output<typeof streamQuerySchema>,
  ): Promise<Observable<MessageEvent>> {
    const claims = await this.tickets.verify(query.ticket);
    const actor = claims ? await this.actors.load(claims) : undefined;
    if (!actor) throw AuthErrors.unauthenticated();
    const wards = new Set(wardsAllowing(actor, 'procedure.read'));
    const mayRead = (wardCode: string) => actor.supervisor || wards.has(wardCode);
    return merge(
      this.listener.changes$.pipe(
        filter((change) => mayRead(change.wardCode)),
        map((change): MessageEvent => ({ type: 'procedure_changed', data: change })),
      ),
      interval(HEARTBEAT_MS).pipe(map((): MessageEvent => ({ type: 'ping', data: '' }))),
    );
  }
}
