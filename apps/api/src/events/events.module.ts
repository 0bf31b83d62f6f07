import { Module } from '@nestjs/common';
import { ActorLoader } from '../auth/actor.loader';
import { EventTicketService } from './event-ticket.service';
import { EventsController } from './events.controller';
import { ProcedureChangesListener } from './procedure-changes.listener';

@Module({
  controllers: [EventsController],
  providers: [EventTicketService, ProcedureChangesListener, ActorLoader],
})
export class EventsModule {}
