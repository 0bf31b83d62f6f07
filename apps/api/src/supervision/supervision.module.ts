import { Module } from '@nestjs/common';
import { ProceduresModule } from '../procedures/procedures.module';
import { CityBoardUseCase } from './board/city-board.use-case';
import { CompletionProjectionUseCase } from './board/completion-projection.use-case';
import { SupervisionBoardController } from './board/supervision-board.controller';
import { BulkActionUseCase } from './bulk-action.use-case';
import { CancelProcedureUseCase } from './cancel-procedure.use-case';
import { SupervisionJobRunner } from './jobs/supervision-job.runner';
import { SupervisionJobsController } from './jobs/supervision-jobs.controller';
import { SupervisionJobsUseCase } from './jobs/supervision-jobs.use-case';
import { SupervisorAction } from './jobs/supervisor-action';
import { ListStalledUseCase } from './list-stalled.use-case';
import { SupervisionController } from './supervision.controller';
import { WardProgressUseCase } from './ward-progress.use-case';

@Module({
  imports: [ProceduresModule],
  controllers: [SupervisionController, SupervisionBoardController, SupervisionJobsController],
  providers: [
    ListStalledUseCase,
    WardProgressUseCase,
    BulkActionUseCase,
    CancelProcedureUseCase,
    SupervisorAction,
    CityBoardUseCase,
    CompletionProjectionUseCase,
    SupervisionJobsUseCase,
    SupervisionJobRunner,
  ],
})
export class SupervisionModule {}
