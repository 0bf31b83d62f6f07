import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { configModuleOptions } from '@kientoan/platform';
import { ProcedureWorkerService } from './temporal/procedure-worker.service';

@Module({
  imports: [ConfigModule.forRoot(configModuleOptions)],
  providers: [ProcedureWorkerService],
})
export class WorkerModule {}
