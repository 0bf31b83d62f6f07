import { Module } from '@nestjs/common';
import { ProceduresModule } from '../procedures/procedures.module';
import { BulkActionUseCase } from './bulk-action.use-case';
import { CancelProcedureUseCase } from './cancel-procedure.use-case';
import { ListStalledUseCase } from './list-stalled.use-case';
import { SupervisionController } from './supervision.controller';
import { WardProgressUseCase } from './ward-progress.use-case';

@Module({
  imports: [ProceduresModule],
  controllers: [SupervisionController],
  providers: [ListStalledUseCase, WardProgressUseCase, BulkActionUseCase, CancelProcedureUseCase],
})
export class SupervisionModule {}
