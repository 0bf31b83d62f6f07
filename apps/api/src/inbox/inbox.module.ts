import { Module } from '@nestjs/common';
import { ProceduresModule } from '../procedures/procedures.module';
import { GetTaskUseCase } from './get-task.use-case';
import { InboxController } from './inbox.controller';
import { ListInboxUseCase } from './list-inbox.use-case';

@Module({
  imports: [ProceduresModule],
  controllers: [InboxController],
  providers: [ListInboxUseCase, GetTaskUseCase],
})
export class InboxModule {}
