import { Module } from '@nestjs/common';
import { EventTicketService } from './event-ticket.service';
import { EventsController } from './events.controller';
import { ProcedureChangesListener } from './procedure-changes.listener';

@Module({
  controllers: [EventsController],
  // ActorLoader comes from the global AuthModule (one loader, with its session checks).
  providers: [EventTicketService, ProcedureChangesListener],
})
export class EventsModule {}
