/** Drives procedures over HTTP the way people do (each as their own signed-in account), and waits on the workflow's state query. */
import type request from 'supertest';
import type { App } from 'supertest/types';
import type { ProcedureState, ProcedureView, ResolutionItem } from '@kientoan/domain';
import {
  type ProcedureWorkflowResult,
  procedureStateQuery,
  procedureViewQuery,
  procedureWorkflowId,
} from '@kientoan/workflows';
import { type TestStack, eventually } from './test-app';
import { type TestWard, anIdempotencyKey } from './factories';
import { type Client, client, login } from './http-client';

/** A ward whose people are signed in: one client per role, one per committee member. */
export interface SignedInWard {
  readonly secretary: Client;
  readonly reviewer: Client;
  /** By member id (the voter id). */
  readonly approvers: Readonly<Record<string, Client>>;
  readonly anonymous: Client;
}

export const signIn = async (http: App, ward: TestWard): Promise<SignedInWard> => {
  const approvers: Record<string, Client> = {};
  for (const [i, member] of ward.voters.entries())
    approvers[member] = client(http, await login(http, ward.users.approvers[i]!));
  return {
    secretary: client(http, await login(http, ward.users.secretary)),
    reviewer: client(http, await login(http, ward.users.reviewer)),
    approvers,
    anonymous: client(http),
  };
};

export class ProcedureDriver {
  constructor(private readonly stack: TestStack) {}

  async start(
    as: SignedInWard,
    wardCode: string,
    items: ResolutionItem[],
    extra: Record<string, unknown> = {},
  ): Promise<string> {
    const response = await as.secretary
      .post('/api/procedures')
      .send({ wardCode, title: 'kiện toàn tổ chức đảng trực thuộc', items, ...extra });
    if (response.status !== 202)
      throw new Error(`start answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body.id as string;
  }

  /** The procedure's workflow (the same id helper the API uses). */
  handle(id: string) {
    return this.stack.temporal.workflow.getHandle(procedureWorkflowId(id));
  }

  /** The view the workflow last computed: what the projection writes to PostgreSQL. */
  view(id: string): Promise<ProcedureView> {
    return this.handle(id).query(procedureViewQuery);
  }

  state(id: string): Promise<ProcedureState> {
    return this.handle(id).query(procedureStateQuery);
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

  review(as: SignedInWard, id: string, decision: 'accept' | 'return', reasons: string[] = []) {
    return as.reviewer.post(`/api/procedures/${id}/review`).send({ decision, reasons });
  }

  submitDraft(
    as: SignedInWard,
    id: string,
    edits: {
      body?: string;
      decisionBody?: string;
      documents?: { position: number; body: string }[];
    } = {},
  ) {
    return as.secretary.post(`/api/procedures/${id}/draft/submit`).send(edits);
  }

  vote(as: SignedInWard, id: string, voterId: string, choice = 'approve', key = anIdempotencyKey()) {
    const voter = as.approvers[voterId] ?? as.secretary;
    return voter
      .post(`/api/procedures/${id}/approvals`)
      .set('Idempotency-Key', key)
      .send({ voterId, choice });
  }

  /** review accepted → waiting for the secretary's draft. */
  async toDrafting(as: SignedInWard, id: string, round = 1): Promise<void> {
    await this.waitFor(id, 'reviewing', round);
    await this.expectOk(this.review(as, id, 'accept'));
    await this.waitFor(id, 'drafting', round);
  }

  /** One version of the draft: the resolution (`body`) and the decision (`decisionBody`). */
  async draft(
    as: SignedInWard,
    id: string,
    version: number,
  ): Promise<{ body: string; decisionBody: string }> {
    const response = await this.expectOk(as.secretary.get(`/api/procedures/${id}/drafts/${version}`));
    return response.body as { body: string; decisionBody: string };
  }

  /** Approvals by a majority of `voters` (the first ones). */
  async approveByMajority(as: SignedInWard, id: string, voters: readonly string[]): Promise<void> {
    for (const voter of voters.slice(0, Math.floor(voters.length / 2) + 1))
      await this.expectOk(this.vote(as, id, voter));
  }

  /** review accepted → draft submitted as generated → vote open. */
  async toVoting(as: SignedInWard, id: string, round = 1): Promise<void> {
    await this.waitFor(id, 'reviewing', round);
    await this.expectOk(this.review(as, id, 'accept'));
    await this.waitFor(id, 'drafting', round);
    await this.expectOk(this.submitDraft(as, id));
    await this.waitFor(id, 'voting', round);
  }

  /** The whole path with the committee approving by majority; returns the workflow result. */
  async toCompletion(
    as: SignedInWard,
    id: string,
    voters: readonly string[],
  ): Promise<ProcedureWorkflowResult> {
    await this.toVoting(as, id);
    for (const voter of voters.slice(0, Math.floor(voters.length / 2) + 1))
      await this.expectOk(this.vote(as, id, voter));
    return this.handle(id).result() as Promise<ProcedureWorkflowResult>;
  }

  private async expectOk(pending: PromiseLike<request.Response>): Promise<request.Response> {
    const response = await pending;
    if (response.status !== 200)
      throw new Error(`answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response;
  }
}
