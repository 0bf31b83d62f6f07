import { Module } from '@nestjs/common';
import { CastVoteUseCase } from './cast-vote.use-case';
import { GetProcedureUseCase } from './get-procedure.use-case';
import { ProcedureWorkflowGateway } from './procedure-workflow.gateway';
import { ProceduresController } from './procedures.controller';
import { StartProcedureUseCase } from './start-procedure.use-case';

@Module({
  controllers: [ProceduresController],
  providers: [ProcedureWorkflowGateway, StartProcedureUseCase, GetProcedureUseCase, CastVoteUseCase],
})
export class ProceduresModule {}
