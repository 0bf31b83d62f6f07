import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { configModuleOptions } from '@kientoan/platform';
import { AdminModule } from './admin/admin.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { DelegationsModule } from './delegations/delegations.module';
import { EventsModule } from './events/events.module';
import { HealthModule } from './health/health.module';
import { InboxModule } from './inbox/inbox.module';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ProceduresModule } from './procedures/procedures.module';
import { RegistryModule } from './registry/registry.module';
import { DecisionRegisterModule } from './decision-register/decision-register.module';
import { SupervisionModule } from './supervision/supervision.module';

@Module({
  imports: [
    ConfigModule.forRoot(configModuleOptions),
    InfrastructureModule,
    AuthModule,
    AuditModule,
    HealthModule,
    ProceduresModule,
    RegistryModule,
    DecisionRegisterModule,
    SupervisionModule,
    InboxModule,
    DelegationsModule,
    NotificationsModule,
    AdminModule,
    EventsModule,
  ],
})
export class AppModule {}
