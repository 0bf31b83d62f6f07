import { Module } from '@nestjs/common';
import { ProceduresModule } from '../procedures/procedures.module';
import { RegistryModule } from '../registry/registry.module';
import { GetTaskUseCase } from './get-task.use-case';
import { InboxController } from './inbox.controller';
import { ListInboxUseCase } from './list-inbox.use-case';

@Module({
  imports: [ProceduresModule, RegistryModule],
  controllers: [InboxController],
  providers: [ListInboxUseCase, GetTaskUseCase],
})
export class InboxModule {}
