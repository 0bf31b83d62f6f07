import { Module } from '@nestjs/common';
import { AccountAdministration, type PrismaClient } from '@kientoan/platform';
import { PRISMA } from '../infrastructure/infrastructure.module';
import {
  CreateAccountUseCase,
  GetAccountUseCase,
  GrantWardRoleUseCase,
  ImportAccountsUseCase,
  ListAccountsUseCase,
  RevokeWardRoleUseCase,
  SetAccountDisabledUseCase,
  SetTemporaryPasswordUseCase,
} from './account-admin.use-cases';
import { AdminAccountsController } from './admin-accounts.controller';
import { AdminAuditController } from './admin-audit.controller';
import { AdminCommitteeController } from './admin-committee.controller';
import { AdminCongressesController } from './admin-congresses.controller';
import {
  AddCommitteeMemberUseCase,
  ImportCommitteeUseCase,
  ListCommitteeUseCase,
  UpdateCommitteeMemberUseCase,
} from './committee-admin.use-cases';
import { GetWardCongressesUseCase, SetWardCongressesUseCase } from './congress-admin.use-cases';
import { AdminImportsController } from './imports/admin-imports.controller';
import { ImportJobRunner } from './imports/import-job.runner';
import { ImportJobsUseCase } from './imports/import-jobs.use-case';
import { ReadAuditTrailUseCase } from './read-audit-trail.use-case';

/** `/api/admin/...`: accounts, ward roles and standing committees, for the admin role; every change audited. */
@Module({
  controllers: [
    AdminAccountsController,
    AdminCommitteeController,
    AdminAuditController,
    AdminCongressesController,
    AdminImportsController,
  ],
  providers: [
    {
      provide: AccountAdministration,
      inject: [PRISMA],
      useFactory: (prisma: PrismaClient) => new AccountAdministration(prisma),
    },
    ListAccountsUseCase,
    GetAccountUseCase,
    CreateAccountUseCase,
    SetAccountDisabledUseCase,
    SetTemporaryPasswordUseCase,
    GrantWardRoleUseCase,
    RevokeWardRoleUseCase,
    ImportAccountsUseCase,
    ListCommitteeUseCase,
    AddCommitteeMemberUseCase,
    UpdateCommitteeMemberUseCase,
    ImportCommitteeUseCase,
    ReadAuditTrailUseCase,
    GetWardCongressesUseCase,
    SetWardCongressesUseCase,
    ImportJobRunner,
    ImportJobsUseCase,
  ],
})
export class AdminModule {}
