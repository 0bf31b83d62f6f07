/** Drives procedures over HTTP the way people do, and waits on the workflow's state query. */
import request from 'supertest';
import type { App } from 'supertest/types';
import type { ProcedureState, ResolutionItem } from '@kientoan/domain';
import type { ProcedureWorkflowResult } from '@kientoan/workflows';
import { type TestStack, eventually } from './test-app';
import { anIdempotencyKey } from './factories';

export class ProcedureDriver {
  constructor(
    private readonly stack: TestStack,
    private readonly http: App,
  ) {}

  async start(
    wardCode: string,
    items: ResolutionItem[],
    extra: Record<string, unknown> = {},
  ): Promise<string> {
    const response = await request(this.http)
      .post('/api/procedures')
      .send({ wardCode, title: 'kiện toàn tổ chức đảng trực thuộc', initiatedBy: 'bi-thu', items, ...extra });
    if (response.status !== 202)
      throw new Error(`start answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body.id as string;
  }

  state(id: string): Promise<ProcedureState> {
    return this.stack.temporal.workflow.getHandle(`procedure-${id}`).query<ProcedureState>('procedureState');
  }

  waitFor(
    id: string,
    status: ProcedureState['status'],
    round?: number,
    timeoutMs = 60_000,
  ): Promise<ProcedureState> {
    return eventually(
      async () => {
        const state = await this.state(id);
        return state.status === status && (round === undefined || ('round' in state && state.round === round))
          ? state
          : undefined;
      },
      timeoutMs,
      `procedure ${id} to be ${status}${round ? ` (round ${round})` : ''}`,
    );
  }

  review(id: string, decision: 'accept' | 'return', reasons: string[] = []) {
    return request(this.http)
      .post(`/api/procedures/${id}/review`)
      .send({ reviewerId: 'van-phong', decision, reasons });
  }

  submitDraft(id: string, edits: { body?: string; decisionBody?: string } = {}) {
    return request(this.http)
      .post(`/api/procedures/${id}/draft/submit`)
      .send({ by: 'bi-thu', ...edits });
  }

  vote(id: string, voterId: string, choice = 'approve', key = anIdempotencyKey()) {
    return request(this.http)
      .post(`/api/procedures/${id}/approvals`)
      .set('Idempotency-Key', key)
      .send({ voterId, choice });
  }

  /** review accepted → draft submitted as generated → vote open. */
  async toVoting(id: string, round = 1): Promise<void> {
    await this.waitFor(id, 'reviewing', round);
    await this.expectOk(this.review(id, 'accept'));
    await this.waitFor(id, 'drafting', round);
    await this.expectOk(this.submitDraft(id));
    await this.waitFor(id, 'voting', round);
  }

  /** The whole path with the committee approving by majority; returns the workflow result. */
  async toCompletion(id: string, voters: readonly string[]): Promise<ProcedureWorkflowResult> {
    await this.toVoting(id);
    for (const voter of voters.slice(0, Math.floor(voters.length / 2) + 1))
      await this.expectOk(this.vote(id, voter));
    return this.stack.temporal.workflow
      .getHandle(`procedure-${id}`)
      .result() as Promise<ProcedureWorkflowResult>;
  }

  private async expectOk(pending: PromiseLike<request.Response>): Promise<request.Response> {
    const response = await pending;
    if (response.status !== 200)
      throw new Error(`answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response;
  }
}
