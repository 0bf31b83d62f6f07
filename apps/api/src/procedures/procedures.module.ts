import { Module } from '@nestjs/common';
import { RegistryModule } from '../registry/registry.module';
import { AcknowledgeAnnouncementUseCase } from './acknowledge-announcement.use-case';
import { CastVoteUseCase } from './cast-vote.use-case';
import { GetProcedureRulesUseCase } from './get-procedure-rules.use-case';
import { GetProcedureUseCase } from './get-procedure.use-case';
import { GetTimelineUseCase } from './get-timeline.use-case';
import { ListProceduresUseCase } from './list-procedures.use-case';
import { ProcedureActionRunner } from './procedure-action.runner';
import { ProcedureActionsController } from './procedure-actions.controller';
import { ProcedureDocumentsController } from './procedure-documents.controller';
import { ProcedureDocumentsUseCase } from './procedure-documents.use-case';
import { ProcedureFinder } from './procedure-finder';
import { ProcedureWorkflowGateway } from './procedure-workflow.gateway';
import { ProceduresController } from './procedures.controller';
import { ResubmitProcedureUseCase } from './resubmit-procedure.use-case';
import { ReviewProcedureUseCase } from './review-procedure.use-case';
import { StartProcedureUseCase } from './start-procedure.use-case';
import { SubmitDraftUseCase } from './submit-draft.use-case';
import { WithdrawProcedureUseCase } from './withdraw-procedure.use-case';
import { ImportItemsController } from './item-import/import-items.controller';
import { ImportItemsUseCase } from './item-import/import-items.use-case';

@Module({
  imports: [RegistryModule],
  // ImportItemsController first: its fixed paths (procedures/items/…) before procedures/:id.
  controllers: [
    ImportItemsController,
    ProceduresController,
    ProcedureActionsController,
    ProcedureDocumentsController,
  ],
  providers: [
    ProcedureWorkflowGateway,
    ProcedureFinder,
    ProcedureActionRunner,
    StartProcedureUseCase,
    GetProcedureUseCase,
    GetProcedureRulesUseCase,
    GetTimelineUseCase,
    ListProceduresUseCase,
    CastVoteUseCase,
    ReviewProcedureUseCase,
    ResubmitProcedureUseCase,
    SubmitDraftUseCase,
    WithdrawProcedureUseCase,
    ProcedureDocumentsUseCase,
    AcknowledgeAnnouncementUseCase,
    ImportItemsUseCase,
  ],
  exports: [ProcedureWorkflowGateway, ProcedureFinder, ProcedureActionRunner],
})
export class ProceduresModule {}
