/**
 * One use case per admin action on accounts: authorize (admins only), then the shared
 * AccountAdministration (the CLI runs the same code), audited with the request.
 */
import { Injectable } from '@nestjs/common';
import {
  type AccountListQuery,
  type CreateAccount,
  type TemporaryPassword,
  type WardRoleGrant,
  importAccounts,
} from '@kientoan/platform';
import type { RequestContext } from '../auth/current-actor.decorator';
import { AdminUseCase } from './admin-use-case';
import type { CsvImportBody } from './admin.schemas';
import { importRejected, importText } from './import-input';

@Injectable()
export class ListAccountsUseCase extends AdminUseCase {
  execute(ctx: RequestContext, query: AccountListQuery) {
    this.admit(ctx);
    return this.accounts.list(query);
  }
}

@Injectable()
export class GetAccountUseCase extends AdminUseCase {
  execute(ctx: RequestContext, username: string) {
    this.admit(ctx);
    return this.accounts.get(username);
  }
}

@Injectable()
export class CreateAccountUseCase extends AdminUseCase {
  execute(ctx: RequestContext, command: CreateAccount) {
    return this.accounts.create(command, this.admit(ctx));
  }
}

@Injectable()
export class SetAccountDisabledUseCase extends AdminUseCase {
  execute(ctx: RequestContext, command: { username: string; disabled: boolean }) {
    return this.accounts.setDisabled(command.username, command.disabled, this.admit(ctx), ctx.actor.userId);
  }
}

@Injectable()
export class SetTemporaryPasswordUseCase extends AdminUseCase {
  execute(ctx: RequestContext, command: TemporaryPassword & { username: string }) {
    return this.accounts.setTemporaryPassword(command.username, command, this.admit(ctx));
  }
}

@Injectable()
export class GrantWardRoleUseCase extends AdminUseCase {
  execute(ctx: RequestContext, command: WardRoleGrant & { username: string }) {
    const { username, ...grant } = command;
    return this.accounts.grantRole(username, grant, this.admit(ctx));
  }
}

@Injectable()
export class RevokeWardRoleUseCase extends AdminUseCase {
  execute(ctx: RequestContext, command: WardRoleGrant & { username: string }) {
    const { username, ...grant } = command;
    return this.accounts.revokeRole(username, grant, this.admit(ctx), ctx.actor.userId);
  }
}

@Injectable()
export class ImportAccountsUseCase extends AdminUseCase {
  async execute(ctx: RequestContext, command: CsvImportBody) {
    const audit = this.admit(ctx);
    const result = await importAccounts(this.accounts, await importText(command), audit, command);
    if (!result.ok) throw importRejected(result.problems, result.dryRun);
    return { dryRun: result.dryRun, created: result.created };
  }
}
