/**
 * One use case per admin action on a ward's standing committee: the members, positions and terms every
 * committee vote takes its voters from (members whose term covers the day the vote opens).
 */
import { Injectable } from '@nestjs/common';
import {
  type CommitteeMemberInput,
  type CommitteeQuery,
  type UpdateCommitteeMember,
  importCommitteeMembers,
} from '@kientoan/platform';
import type { RequestContext } from '../auth/current-actor.decorator';
import { AdminUseCase } from './admin-use-case';
import type { CsvImportBody } from './admin.schemas';
import { importRejected, importText } from './import-input';

@Injectable()
export class ListCommitteeUseCase extends AdminUseCase {
  execute(ctx: RequestContext, wardCode: string, query: CommitteeQuery) {
    this.admit(ctx);
    return this.accounts.listMembers(wardCode, query);
  }
}

@Injectable()
export class AddCommitteeMemberUseCase extends AdminUseCase {
  execute(ctx: RequestContext, wardCode: string, member: CommitteeMemberInput) {
    return this.accounts.addMember(wardCode, member, this.admit(ctx));
  }
}

@Injectable()
export class UpdateCommitteeMemberUseCase extends AdminUseCase {
  execute(ctx: RequestContext, command: UpdateCommitteeMember & { wardCode: string; memberId: string }) {
    const { wardCode, memberId, ...change } = command;
    return this.accounts.updateMember(wardCode, memberId, change, this.admit(ctx), ctx.actor.userId);
  }
}

@Injectable()
export class ImportCommitteeUseCase extends AdminUseCase {
  async execute(ctx: RequestContext, command: CsvImportBody) {
    const audit = this.admit(ctx);
    const result = await importCommitteeMembers(this.accounts, await importText(command), audit, command);
    if (!result.ok) throw importRejected(result.problems, result.dryRun);
    return { dryRun: result.dryRun, created: result.created };
  }
}
