import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { configModuleOptions } from '@kientoan/platform';
import { HealthModule } from './health/health.module';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { ProceduresModule } from './procedures/procedures.module';
import { RegistryModule } from './registry/registry.module';
import { SupervisionModule } from './supervision/supervision.module';

@Module({
  imports: [
    ConfigModule.forRoot(configModuleOptions),
    InfrastructureModule,
    HealthModule,
    ProceduresModule,
    RegistryModule,
    SupervisionModule,
  ],
})
export class AppModule {}
