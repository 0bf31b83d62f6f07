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
import { importRejected } from './import-rejected.error';

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
  async execute(ctx: RequestContext, csv: string) {
    const result = await importCommitteeMembers(this.accounts, csv, this.admit(ctx));
    if (!result.ok) throw importRejected(result.problems);
    return { created: result.created };
  }
}
