import { Inject, Injectable } from '@nestjs/common';
import { isDomainError } from '@kientoan/domain';
import {
  type AuditContext,
  cancelUpdate,
  escalateUpdate,
  idempotencyKey,
  remindUpdate,
} from '@kientoan/workflows';
import { ProcedureWorkflowGateway } from '../../procedures/procedure-workflow.gateway';

export type SupervisorActionName = 'remind' | 'escalate' | 'cancel';

export interface SupervisorActionResult {
  readonly ok: boolean;
  readonly code?: string;
  readonly message?: string;
}

/**
 * One supervisor action on one procedure, through its workflow (an Update), exactly as the workflow's own
 * reminders and escalations: the row, the search attribute, the notifications and the audit entry change
 * together. The Update id is fixed per procedure, action and `hour` (reminders and escalations) or per
 * procedure (cancel): repeating it — a retried job, a second job in the same hour — answers the first result.
 */
@Injectable()
export class SupervisorAction {
  constructor(@Inject(ProcedureWorkflowGateway) private readonly workflows: ProcedureWorkflowGateway) {}

  async apply(
    procedureId: string,
    action: SupervisorActionName,
    input: { by: string; reason?: string | null; audit: AuditContext; hour: string },
  ): Promise<SupervisorActionResult> {
    try {
      if (action === 'cancel') {
        await this.workflows.action(
          procedureId,
          cancelUpdate,
          { by: input.by, reason: input.reason ?? '', audit: input.audit },
          idempotencyKey('bulk-cancel', procedureId),
        );
      } else {
        const requestKey = idempotencyKey(`bulk-${action}`, procedureId, input.hour);
        await this.workflows.action(
          procedureId,
          action === 'remind' ? remindUpdate : escalateUpdate,
          { by: input.by, ...(input.reason ? { reason: input.reason } : {}), requestKey, audit: input.audit },
          requestKey,
        );
      }
      return { ok: true };
    } catch (error) {
      return {
        ok: false,
        code: isDomainError(error) ? error.code : 'INTERNAL_ERROR',
        message: isDomainError(error)
          ? error.messageVi
          : error instanceof Error
            ? error.message
            : String(error),
      };
    }
  }
}
