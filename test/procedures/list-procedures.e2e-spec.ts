/**
 * GET /api/procedures against the real API and PostgreSQL: only the wards an account may read, filters,
 * and a keyset cursor that walks every procedure exactly once.
 */
import type { App } from 'supertest/types';
import { type TestStack, createTestStack } from '../support/test-app';
import { randomUUID } from 'node:crypto';
import { givenWard, givenWardShapedLike } from '../support/factories';
import { ProcedureDriver, signIn } from '../support/procedure-driver';

describe('Listing procedures (e2e)', () => {
  let stack: TestStack;
  let http: App;
  let driver: ProcedureDriver;

  beforeAll(async () => {
    stack = await createTestStack();
    http = stack.app.getHttpServer() as App;
    driver = new ProcedureDriver(stack);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const rename = (wardCode: string, group: number) => [
    {
      kind: 'rename' as const,
      unitId: `${wardCode}.tdp${group}`,
      newName: `Chi bộ Tổ dân phố số ${group + 100}`,
    },
  ];

  it('given procedures in two wards, when a secretary lists them, then she sees her ward only, newest first, page by page', async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua');
    const other = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua');
    const as = await signIn(http, ward);
    const otherAs = await signIn(http, other);
    const ids: string[] = [];
    for (const group of [1, 2, 3]) ids.push(await driver.start(as, ward.code, rename(ward.code, group)));
    await driver.start(otherAs, other.code, rename(other.code, 1));

    const first = await as.secretary.get('/api/procedures?limit=2').expect(200);
    const second = await as.secretary
      .get(`/api/procedures?limit=2&after=${encodeURIComponent(first.body.next)}`)
      .expect(200);

    expect(first.body.items.map((p: { id: string }) => p.id)).toEqual([ids[2], ids[1]]);
    expect(second.body.items.map((p: { id: string }) => p.id)).toEqual([ids[0]]);
    expect(second.body.next).toBeNull();
    expect(first.body.items[0]).toMatchObject({
      ward: { code: ward.code },
      status: 'running',
      kind: 'rename',
    });
  });

  it('given filters, when listing, then only matching procedures come back', async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua');
    const as = await signIn(http, ward);
    await driver.start(as, ward.code, rename(ward.code, 4));

    const running = await as.secretary
      .get(`/api/procedures?wardCode=${ward.code}&status=running`)
      .expect(200);
    const completed = await as.secretary
      .get(`/api/procedures?wardCode=${ward.code}&status=completed`)
      .expect(200);

    expect(running.body.items).toHaveLength(1);
    expect(completed.body.items).toEqual([]);
  });

  it('given another ward, when a secretary asks for it, then 403; and a bad filter is a 400 naming the field', async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua');
    const other = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua');
    const as = await signIn(http, ward);

    await as.secretary.get(`/api/procedures?wardCode=${other.code}`).expect(403);
    const bad = await as.secretary.get('/api/procedures?status=sleeping').expect(400);
    expect(bad.body.errors[0].field).toBe('status');
  });

  describe('rows written as the workflow leaves them (no workflow started)', () => {
    const HOUR = 3_600_000;
    const base = Date.UTC(2026, 0, 5, 8);
    type Row = { id: string; ward: { code: string } };
    const ids = (body: { items: Row[] }) => body.items.map((p) => p.id);

    /** Four procedures of a ward of its own: three running (due dates apart), one completed with its decision. */
    const givenProcedures = async () => {
      const ward = await givenWard(stack.prisma);
      const as = await signIn(http, ward);
      const rows = [
        { kind: 'rename', step: 'review', waiting: 'reviewer', due: 30, created: 1 },
        { kind: 'establish', step: 'draft_resolution', waiting: 'secretary', due: 10, created: 2 },
        { kind: 'rename', step: 'committee_approval', waiting: 'committee', due: 20, created: 3 },
        { kind: 'merge', step: null, waiting: null, due: null, created: 4 },
      ].map((r) => ({ ...r, id: randomUUID() }));
      for (const r of rows) {
        const completed = r.step === null;
        await stack.prisma.$executeRaw`
          INSERT INTO procedure (id, ward_code, kind, title, workflow_id, status, current_step, round,
                                 waiting_for, due_at, stalled_since, created_at, updated_at, completed_at)
          VALUES (${r.id}::uuid, ${ward.code}, ${r.kind}, ${`danh sách ${r.created}`}, ${`list-${r.id}`},
                  ${completed ? 'completed' : 'running'}::"ProcedureStatus", ${r.step}::"ProcedureStepName",
                  ${completed ? 1 : 2}, ${r.waiting},
                  ${r.due === null ? null : new Date(base + r.due * HOUR)},
                  ${r.due === 30 ? new Date(base + 29 * HOUR) : null}, ${new Date(base + r.created * HOUR)},
                  ${new Date(base + r.created * HOUR)}, ${completed ? new Date(base + 5 * HOUR) : null})`;
      }
      const issued = rows[3]!;
      await stack.prisma.$executeRaw`
        INSERT INTO decision (procedure_id, issuer, doc_type, year, number, symbol, resolution_number,
                              resolution_symbol, issued_at, effective_date, decision_text, decision_html,
                              resolution_text, resolution_html, changes)
        VALUES (${issued.id}::uuid, ${ward.code}, 'QĐ', 2026, 7, 'Số 07-QĐ/ĐU', 3, 'Số 03-NQ/ĐU',
                ${new Date(base + 5 * HOUR)}, DATE '2026-01-06', '', '', '', '', '[]'::jsonb)`;
      return { ward, as, rows };
    };

    it('given a running and a completed procedure, when listed, then every field of a row, the ward by name and the decision by symbol', async () => {
      const { ward, as, rows } = await givenProcedures();

      const { body } = await as.secretary.get('/api/procedures?limit=2').expect(200);

      expect(body.items).toEqual([
        {
          id: rows[3]!.id,
          title: 'danh sách 4',
          kind: 'merge',
          ward: { code: ward.code, name: ward.name },
          status: 'completed',
          currentStep: null,
          waitingFor: null,
          round: 1,
          dueAt: null,
          stalledSince: null,
          createdAt: new Date(base + 4 * HOUR).toISOString(),
          completedAt: new Date(base + 5 * HOUR).toISOString(),
          decisionSymbol: 'Số 07-QĐ/ĐU',
        },
        {
          id: rows[2]!.id,
          title: 'danh sách 3',
          kind: 'rename',
          ward: { code: ward.code, name: ward.name },
          status: 'running',
          currentStep: 'committee_approval',
          waitingFor: 'committee',
          round: 2,
          dueAt: new Date(base + 20 * HOUR).toISOString(),
          stalledSince: null,
          createdAt: new Date(base + 3 * HOUR).toISOString(),
          completedAt: null,
          decisionSymbol: null,
        },
      ]);
      expect(body.next).toBe(`${new Date(base + 3 * HOUR).toISOString()}|${rows[2]!.id}`);
    });

    it('given the sorts, when walked one row a page, then each order visits every procedure once (due_asc: only those with a due date)', async () => {
      const { ward, as, rows } = await givenProcedures();
      const walk = async (sort: string) => {
        const seen: string[] = [];
        let after: string | null = null;
        do {
          const cursor: string = after ? `&after=${encodeURIComponent(after)}` : '';
          const { body } = await as.secretary
            .get(`/api/procedures?wardCode=${ward.code}&sort=${sort}&limit=1${cursor}`)
            .expect(200);
          seen.push(...ids(body));
          after = body.next as string | null;
        } while (after && seen.length < 10);
        return seen;
      };
      const [r1, r2, r3, r4] = rows.map((r) => r.id);

      expect(await walk('created_desc')).toEqual([r4, r3, r2, r1]);
      expect(await walk('created_asc')).toEqual([r1, r2, r3, r4]);
      expect(await walk('due_asc')).toEqual([r2, r3, r1]);
    });

    it('given each filter, when listing, then only the procedures it matches', async () => {
      const { ward, as, rows } = await givenProcedures();
      const [r1, r2, r3, r4] = rows.map((r) => r.id);
      const list = async (filter: string) =>
        ids((await as.secretary.get(`/api/procedures?wardCode=${ward.code}&${filter}`).expect(200)).body);

      expect(await list('kind=rename')).toEqual([r3, r1]);
      expect(await list('step=draft_resolution')).toEqual([r2]);
      expect(await list('waitingFor=committee')).toEqual([r3]);
      expect(await list(`dueBefore=${new Date(base + 25 * HOUR).toISOString()}`)).toEqual([r3, r2]);
      expect(await list('status=completed')).toEqual([r4]);
      expect(await list('status=running&sort=due_asc&kind=rename')).toEqual([r3, r1]);
    });
  });
});
