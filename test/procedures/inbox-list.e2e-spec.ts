/**
 * GET /api/inbox against the real API and PostgreSQL, on procedure rows written as the workflow's projection
 * leaves them (no workflow started): who gets which task, the counts, the order, the keyset cursor and the
 * filters.
 */
import { randomUUID } from 'node:crypto';
import type { App } from 'supertest/types';
import { type TestStack, createTestStack } from '../support/test-app';
import { type TestWard, givenWard } from '../support/factories';
import { type SignedInWard, signIn } from '../support/procedure-driver';

const HOUR = 3_600_000;

describe('The inbox list (e2e)', () => {
  let stack: TestStack;
  let http: App;

  beforeAll(async () => {
    stack = await createTestStack();
    http = stack.app.getHttpServer() as App;
  });

  afterAll(async () => {
    await stack?.close();
  });

  interface Given {
    readonly ward: TestWard;
    readonly as: SignedInWard;
    readonly id: Record<'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g', string>;
    readonly base: number;
  }

  /**
   * a: review; b, c: the secretary's (a draft to submit, a return to correct); d, e: votes (the first member
   * voted on e); f: the secretary's without a due date (counted, not listed); g: completed (nothing).
   */
  const givenTasks = async (): Promise<Given> => {
    const ward = await givenWard(stack.prisma);
    const as = await signIn(http, ward);
    const base = Date.now() + 24 * HOUR - ((Date.now() + 24 * HOUR) % HOUR);
    const rows = {
      a: { waiting: 'reviewer', decider: 'reviewing', step: 'review', due: 30, kind: 'rename' },
      b: { waiting: 'secretary', decider: 'drafting', step: 'draft_resolution', due: 10, kind: 'establish' },
      c: { waiting: 'secretary', decider: 'returned', step: 'review', due: 20, kind: 'rename' },
      d: { waiting: 'committee', decider: 'voting', step: 'committee_approval', due: 15, kind: 'rename' },
      e: { waiting: 'committee', decider: 'voting', step: 'committee_approval', due: 5, kind: 'merge' },
      f: { waiting: 'secretary', decider: 'drafting', step: 'draft_resolution', due: null, kind: 'rename' },
      g: { waiting: null, decider: 'completed', step: null, due: null, kind: 'rename' },
    } as const;
    const id = {} as Record<keyof typeof rows, string>;
    for (const [key, r] of Object.entries(rows) as [keyof typeof rows, (typeof rows)['a']][]) {
      id[key] = randomUUID();
      await stack.prisma.$executeRaw`
        INSERT INTO procedure (id, ward_code, kind, title, workflow_id, status, current_step, round,
                               waiting_for, decider_status, due_at, stalled_since, created_at, updated_at)
        VALUES (${id[key]}::uuid, ${ward.code}, ${r.kind}, ${`việc ${key}`}, ${`inbox-${id[key]}`},
                ${r.step ? 'running' : 'completed'}::"ProcedureStatus", ${r.step}::"ProcedureStepName", 1,
                ${r.waiting}, ${r.decider}, ${r.due === null ? null : new Date(base + r.due * HOUR)},
                ${key === 'c' ? new Date(base - HOUR) : null}, now(), now())`;
    }
    await stack.prisma.$executeRaw`
      INSERT INTO vote (procedure_id, round, voter_id, choice, idempotency_key, cast_at)
      VALUES (${id.e}::uuid, 1, ${ward.voters[0]!}, 'approve', ${`inbox-${id.e}`}, now())`;
    // The completed one's announcement: two units have not acknowledged it yet, one has.
    await stack.prisma.$executeRaw`
      WITH a AS (
        INSERT INTO announcement (procedure_id, body, published_at)
        VALUES (${id.g}::uuid, 'công bố', ${new Date(base - 2 * HOUR)}) RETURNING id)
      INSERT INTO announcement_recipient (announcement_id, unit_id, unit_name, message, acknowledged_at)
      SELECT a.id, u.unit_id, u.unit_name, 'Quyết định đã ban hành', u.acknowledged_at
      FROM a, (VALUES (${`${ward.code}.cb1`}, 'Chi bộ 1', NULL::timestamptz),
                      (${`${ward.code}.cb2`}, 'Chi bộ 2', now()),
                      (${`${ward.code}.cb3`}, 'Chi bộ 3', NULL)) AS u(unit_id, unit_name, acknowledged_at)`;
    return { ward, as, id, base };
  };

  const ids = (body: { items: { procedureId: string }[] }) => body.items.map((t) => t.procedureId);

  it('given tasks for everyone, when each lists the inbox, then each sees their own, soonest due first, with counts', async () => {
    const { ward, as, id, base } = await givenTasks();

    const secretary = (await as.secretary.get('/api/inbox').expect(200)).body;
    const reviewer = (await as.reviewer.get('/api/inbox').expect(200)).body;
    const voted = (await as.approvers[ward.voters[0]!]!.get('/api/inbox').expect(200)).body;
    const notVoted = (await as.approvers[ward.voters[1]!]!.get('/api/inbox').expect(200)).body;

    const announced = new Date(base - 2 * HOUR).toISOString();
    const unit = (n: number) => ({
      procedureId: id.g,
      unitId: `${ward.code}.cb${n}`,
      unitName: `Chi bộ ${n}`,
      message: 'Quyết định đã ban hành',
      publishedAt: announced,
    });
    expect(secretary).toEqual({
      counts: { review: 0, secretary: 3, vote: 0, acknowledge: 2, total: 5 },
      acknowledgements: [unit(1), unit(3)],
      items: [
        {
          procedureId: id.b,
          task: 'submit_draft',
          title: 'việc b',
          kind: 'establish',
          wardCode: ward.code,
          wardName: ward.name,
          step: 'draft_resolution',
          round: 1,
          dueAt: new Date(base + 10 * HOUR).toISOString(),
          stalledSince: null,
        },
        {
          procedureId: id.c,
          task: 'resubmit',
          title: 'việc c',
          kind: 'rename',
          wardCode: ward.code,
          wardName: ward.name,
          step: 'review',
          round: 1,
          dueAt: new Date(base + 20 * HOUR).toISOString(),
          stalledSince: new Date(base - HOUR).toISOString(),
        },
      ],
      next: null,
    });
    expect(reviewer.counts).toEqual({ review: 1, secretary: 0, vote: 0, acknowledge: 0, total: 1 });
    expect(reviewer.items.map((t: { procedureId: string; task: string }) => [t.procedureId, t.task])).toEqual(
      [[id.a, 'review']],
    );
    expect(reviewer.acknowledgements).toEqual([]);
    expect(voted.counts).toMatchObject({ vote: 1, total: 1 });
    expect(ids(voted)).toEqual([id.d]);
    expect(notVoted.counts).toMatchObject({ vote: 2, total: 2 });
    expect(ids(notVoted)).toEqual([id.e, id.d]);
  });

  it('given one task a page, when the secretary walks her inbox either way, then every listed task once, the counts on every page', async () => {
    const { as, id } = await givenTasks();
    const walk = async (sort: string) => {
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const cursor: string = after ? `&after=${encodeURIComponent(after)}` : '';
        const { body } = await as.secretary.get(`/api/inbox?sort=${sort}&limit=1${cursor}`).expect(200);
        expect([body.counts.secretary, body.acknowledgements.length]).toEqual([3, 2]);
        seen.push(...ids(body));
        after = body.next as string | null;
      } while (after && seen.length < 10);
      return seen;
    };

    expect(await walk('due_asc')).toEqual([id.b, id.c]);
    expect(await walk('due_desc')).toEqual([id.c, id.b]);
  });

  it('given filters, when the secretary lists her inbox, then only the tasks and counts they match', async () => {
    const { ward, as, id, base } = await givenTasks();
    const inbox = async (filter: string) => (await as.secretary.get(`/api/inbox?${filter}`).expect(200)).body;

    const renames = await inbox('kind=rename');
    const drafting = await inbox('step=draft_resolution');
    const soon = await inbox(`dueBefore=${encodeURIComponent(new Date(base + 15 * HOUR).toISOString())}`);
    const elsewhere = await inbox('wardCode=phuong-kim-lien');

    expect([ids(renames), renames.counts.secretary]).toEqual([[id.c], 2]);
    expect([ids(drafting), drafting.counts.secretary]).toEqual([[id.b], 2]);
    expect([ids(soon), soon.counts.secretary]).toEqual([[id.b], 1]);
    expect([ids(elsewhere), elsewhere.counts.total]).toEqual([[], 0]);
    expect(elsewhere.acknowledgements).toEqual([]);
    expect((await inbox(`wardCode=${ward.code}`)).counts.total).toBe(5);
  });
});
