/**
 * The registry browser's reads over HTTP against the real stack: a rename issued today and another issued
 * for a later date, then the unit's history with its decision links, the lineage graph, the tree as of
 * dates and its export, and the decision register (filters, keyset pages, export, the gap check). Exported
 * files are parsed back with ExcelJS and csv-parse.
 */
import type { App } from 'supertest/types';
import type request from 'supertest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { dateInVietnam } from '@kientoan/domain';
import { type TestStack, createTestStack } from '../support/test-app';
import { TestClock } from '../support/test-clock';
import { givenSupervisor, givenWard, givenWardShapedLike } from '../support/factories';
import { ProcedureDriver, type SignedInWard, signIn } from '../support/procedure-driver';
import { type Client, client, login } from '../support/http-client';

const OLD_NAME = 'Chi bộ Tổ dân phố số 6';
const NEW_NAME = 'Chi bộ Tổ dân phố số 34';
const LATER_NAME = 'Chi bộ Tổ dân phố số 35';

/** supertest keeps binary bodies (the .xlsx) as a Buffer. */
const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

const readXlsx = async (body: Buffer): Promise<string[][]> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ExcelJS.Buffer);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => {
    rows.push(
      (row.values as (string | number | null | undefined)[])
        .slice(1)
        .map((v) => (v === null || v === undefined ? '' : String(v))),
    );
  });
  return rows;
};

const readCsv = (text: string): string[][] =>
  parse(text, { delimiter: ';', bom: true, relax_column_count: false });

describe('Registry browser and decision register (e2e)', () => {
  let stack: TestStack;
  let http: App;
  let driver: ProcedureDriver;
  let ward: Awaited<ReturnType<typeof givenWardShapedLike>>;
  let as: SignedInWard;
  let supervisor: Client;
  let stranger: Client;
  let renameId: string;
  let laterId: string;
  let today: string;
  let tomorrow: string;
  const clock = new TestClock();
  const unitId = () => `${ward.code}.tdp6`;

  beforeAll(async () => {
    clock.runFrom(new Date(`${dateInVietnam(new Date())}T02:00:00Z`));
    today = clock.today();
    tomorrow = clock.today(1);
    stack = await createTestStack({ clock });
    http = stack.app.getHttpServer() as App;
    driver = new ProcedureDriver(stack);
    await stack.startWorker();
    ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 1 });
    as = await signIn(http, ward);
    supervisor = client(http, await login(http, await givenSupervisor(stack.prisma)));
    const other = await givenWard(stack.prisma, { committeeSize: 1 });
    stranger = client(http, await login(http, other.users.secretary));

    renameId = await driver.start(as, ward.code, [{ kind: 'rename', unitId: unitId(), newName: NEW_NAME }], {
      title: 'Đổi tên chi bộ tổ dân phố số 6',
    });
    await driver.toCompletion(as, renameId, ward.voters);
    laterId = await driver.start(as, ward.code, [{ kind: 'rename', unitId: unitId(), newName: LATER_NAME }], {
      title: 'Đổi tên lần hai',
      effectiveDate: tomorrow,
    });
    await driver.toCompletion(as, laterId, ward.voters);
  });

  afterAll(async () => {
    await stack?.close();
  });

  /** The summary (trích yếu) the issue step gave a document of a procedure's set. */
  const titleOf = async (procedureId: string, position: number): Promise<string> => {
    const set = await as.secretary.get(`/api/procedures/${procedureId}/documents`).expect(200);
    const doc = (set.body.items as { position: number; title: string }[]).find(
      (d) => d.position === position,
    );
    return doc!.title;
  };

  describe('who may read', () => {
    const paths = () => [
      `/api/registry/wards/${ward.code}/tree/export?format=csv`,
      `/api/registry/wards/${ward.code}/register`,
      `/api/registry/wards/${ward.code}/register/export?format=csv`,
      `/api/registry/units/${unitId()}/lineage`,
    ];

    it('given no sign-in, then every new read answers 401', async () => {
      for (const path of paths()) await as.anonymous.get(path).expect(401);
    });

    it('given the secretary of another ward, then every new read answers 403 FORBIDDEN', async () => {
      for (const path of paths()) {
        const response = await stranger.get(path).expect(403);
        expect(response.body.code).toBe('FORBIDDEN');
      }
    });

    it('given a city supervisor or one of the ward’s approvers, then the reads answer 200', async () => {
      const approver = as.approvers[ward.voters[0]!]!;
      for (const path of paths()) {
        await supervisor.get(path).expect(200);
        await approver.get(path).expect(200);
      }
    });

    it('given an unknown ward or unit, then 404 with the registry’s codes', async () => {
      expect((await supervisor.get('/api/registry/wards/khong-co/register').expect(404)).body.code).toBe(
        'WARD_NOT_FOUND',
      );
      expect((await supervisor.get('/api/registry/units/khong-co/lineage').expect(404)).body.code).toBe(
        'UNIT_NOT_FOUND',
      );
    });
  });

  describe('a unit’s history', () => {
    it('given a rename in effect, then the former name carries its period and a link to the decision that replaced it', async () => {
      const unit = await as.secretary.get(`/api/registry/units/${unitId()}`).expect(200);
      expect(unit.body).toMatchObject({ name: NEW_NAME, formerNames: [OLD_NAME] });
      expect(unit.body.former.names).toEqual([
        expect.objectContaining({
          value: OLD_NAME,
          from: '2025-07-01',
          to: today,
          endedBy: 'Số 01-QĐ/ĐU',
          decision: expect.objectContaining({
            symbol: 'Số 01-QĐ/ĐU',
            docType: 'QĐ',
            procedureId: renameId,
            document: 'decision',
            issuedOn: today,
            title: await titleOf(renameId, 1),
          }),
        }),
      ]);
    });

    it('given two renames, then the events are newest first with the fields that changed, the later one scheduled, each linked to its decision', async () => {
      const unit = await as.secretary.get(`/api/registry/units/${unitId()}`).expect(200);
      const events = unit.body.events as {
        effectiveDate: string;
        scheduled: boolean;
        fields: { field: string; from: string; to: string }[];
        decision: { procedureId: string } | null;
      }[];
      expect(events.map((e) => [e.effectiveDate, e.scheduled, e.decision?.procedureId ?? null])).toEqual([
        [tomorrow, true, laterId],
        [today, false, renameId],
        ['2025-07-01', false, null],
      ]);
      expect(events[1]!.fields).toEqual([
        expect.objectContaining({ field: 'name', from: OLD_NAME, to: NEW_NAME }),
      ]);
      expect(unit.body.history.at(-1)).toMatchObject({
        name: LATER_NAME,
        scheduled: true,
        decision: { procedureId: laterId, symbol: 'Số 02-QĐ/ĐU' },
      });
      expect(unit.body.scheduled).toEqual([
        expect.objectContaining({
          effectiveDate: tomorrow,
          name: LATER_NAME,
          document: expect.objectContaining({ procedureId: laterId, symbol: 'Số 02-QĐ/ĐU' }),
        }),
      ]);
    });

    it('given an as-of date, then the version of that date comes with its decision', async () => {
      const unit = await as.secretary.get(`/api/registry/units/${unitId()}?asOf=${today}`).expect(200);
      expect(unit.body.asOf).toEqual({
        date: today,
        version: expect.objectContaining({
          name: NEW_NAME,
          decision: expect.objectContaining({ procedureId: renameId }),
        }),
      });
    });

    it('given the renames, then the lineage graph has one node per name and rename edges with their decisions', async () => {
      const graph = await as.secretary.get(`/api/registry/units/${unitId()}/lineage`).expect(200);
      expect(graph.body.nodes.map((n: { name: string }) => n.name)).toEqual([OLD_NAME, NEW_NAME, LATER_NAME]);
      expect(
        graph.body.edges.map(
          (e: { change: string; effectiveDate: string; decision: { procedureId: string } }) => [
            e.change,
            e.effectiveDate,
            e.decision.procedureId,
          ],
        ),
      ).toEqual([
        ['rename', today, renameId],
        ['rename', tomorrow, laterId],
      ]);
    });

    it('given a bad hop count, then 400 names the field', async () => {
      const response = await as.secretary.get(`/api/registry/units/${unitId()}/lineage?hops=9`).expect(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'hops' })]);
    });
  });

  describe('the tree and its export', () => {
    it('given the scheduled rename, then the tree lists it with a link to its decision', async () => {
      const tree = await as.secretary.get(`/api/registry/wards/${ward.code}/tree`).expect(200);
      expect(tree.body.onDate).toBe(today);
      expect(tree.body.scheduled).toEqual([
        expect.objectContaining({
          unitId: unitId(),
          name: LATER_NAME,
          document: expect.objectContaining({ procedureId: laterId }),
        }),
      ]);
    });

    it('given dates before, on and after the renames, then the CSV export shows the name of each date, with the scheduled change noted only before it', async () => {
      const nameOn = async (asOf: string) => {
        const response = await as.secretary
          .get(`/api/registry/wards/${ward.code}/tree/export?format=csv&asOf=${asOf}`)
          .expect(200)
          .expect('content-type', /text\/csv/);
        expect(response.headers['content-disposition']).toContain(`cay-to-chuc-${ward.code}-${asOf}.csv`);
        expect(response.text.charCodeAt(0)).toBe(0xfeff);
        const rows = readCsv(response.text);
        const row = rows.find((r) => r[2] === unitId())!;
        return { header: rows[0], row, rows: rows.length };
      };
      const before = await nameOn('2025-07-01');
      expect(before.header).toEqual([
        'STT',
        'Cấp',
        'Mã tổ chức',
        'Tên tổ chức đảng',
        'Loại hình',
        'Lĩnh vực',
        'Trực thuộc',
        'Số đảng viên chính thức',
        'Bí thư',
        'Thay đổi sắp có hiệu lực',
      ]);
      expect(before.row[3]).toBe(OLD_NAME);
      const now = await nameOn(today);
      expect(now.row[3]).toBe(NEW_NAME);
      expect(now.row[9]).toContain(`đổi tên → ${LATER_NAME} (Số 02-QĐ/ĐU)`);
      const later = await nameOn(tomorrow);
      expect(later.row[3]).toBe(LATER_NAME);
      expect(later.row[9]).toBe('');
      expect(now.rows).toBe(before.rows);
    });

    it('given .xlsx, then the workbook holds a title, the headings and one row per unit of the tree, in tree order', async () => {
      const tree = await as.secretary.get(`/api/registry/wards/${ward.code}/tree?asOf=${today}`).expect(200);
      const count = (nodes: { children: unknown[] }[]): number =>
        nodes.reduce((n, node) => n + 1 + count(node.children as { children: unknown[] }[]), 0);
      const response = await as.secretary
        .get(`/api/registry/wards/${ward.code}/tree/export?asOf=${today}`)
        .buffer(true)
        .parse(binary)
        .expect(200)
        .expect('content-type', /spreadsheetml/);
      const rows = await readXlsx(response.body as Buffer);
      expect(rows[0]![0]).toContain(ward.name);
      expect(rows[1]![3]).toBe('Tên tổ chức đảng');
      expect(rows.length - 2).toBe(count(tree.body.tree));
      expect(rows[2]!.slice(0, 2)).toEqual(['1', '1']);
      expect(rows.find((r) => r[2] === unitId())![3]).toBe(NEW_NAME);
    });

    it('given a malformed date or format, then 400', async () => {
      await as.secretary.get(`/api/registry/wards/${ward.code}/tree/export?asOf=2025-13-01`).expect(400);
      await as.secretary.get(`/api/registry/wards/${ward.code}/tree/export?format=pdf`).expect(400);
    });
  });

  describe('the decision register', () => {
    const register = (query = '') => as.secretary.get(`/api/registry/wards/${ward.code}/register${query}`);

    it('given two issued procedures, then the register lists their NQ and QĐ by number, newest first, with title, dates and link', async () => {
      const page = await register().expect(200);
      expect(page.body.ward).toEqual({ code: ward.code, name: ward.name });
      expect(page.body.total).toBe(4);
      expect(
        page.body.items.map((d: { symbol: string; procedureId: string; document: string }) => [
          d.symbol,
          d.procedureId,
          d.document,
        ]),
      ).toEqual([
        ['Số 02-QĐ/ĐU', laterId, 'decision'],
        ['Số 01-QĐ/ĐU', renameId, 'decision'],
        ['Số 02-NQ/ĐU', laterId, 'resolution'],
        ['Số 01-NQ/ĐU', renameId, 'resolution'],
      ]);
      expect(page.body.items[1]).toMatchObject({
        docType: 'QĐ',
        number: 1,
        issuedOn: today,
        effectiveDate: today,
        title: await titleOf(renameId, 1),
        status: 'issued',
      });
      expect(page.body.next).toBeNull();
    });

    it('given the register, then each series is checked: numbers 1..n, none missing, none twice', async () => {
      const page = await register().expect(200);
      // The test ward has no congress yet: its documents are numbered in the term before the first ("start").
      expect(page.body.series).toEqual([
        { docType: 'NQ', series: 'start', count: 2, withdrawn: 0, last: 2, missing: [], duplicated: [] },
        { docType: 'QĐ', series: 'start', count: 2, withdrawn: 0, last: 2, missing: [], duplicated: [] },
      ]);
    });

    it('given filters by type, text without diacritics and signing dates, then only matching documents are listed', async () => {
      const symbols = async (query: string) =>
        ((await register(query).expect(200)).body.items as { symbol: string }[]).map((d) => d.symbol);
      expect(await symbols('?docType=QĐ&sort=number_asc')).toEqual(['Số 01-QĐ/ĐU', 'Số 02-QĐ/ĐU']);
      // The resolution's summary is the procedure's title; a decision's is its own ("đổi tên …").
      expect(await symbols(`?q=${encodeURIComponent('DOI TEN LAN HAI')}`)).toEqual(['Số 02-NQ/ĐU']);
      expect(await symbols(`?q=${encodeURIComponent('đổi tên chi bộ tổ dân phố số 6')}`)).toEqual([
        'Số 01-NQ/ĐU',
      ]);
      expect(await symbols(`?q=${encodeURIComponent('02-nq')}`)).toEqual(['Số 02-NQ/ĐU']);
      expect(await symbols(`?from=${today}&to=${today}&docType=NQ`)).toHaveLength(2);
      expect(await symbols(`?to=2025-06-30`)).toEqual([]);
    });

    it('given pages of one, in every sort, then the keyset cursor walks every document once', async () => {
      for (const sort of ['number_desc', 'number_asc', 'issued_desc', 'issued_asc']) {
        const seen: string[] = [];
        let after: string | null = null;
        do {
          const query: string = `?sort=${sort}&limit=1${after ? `&after=${encodeURIComponent(after)}` : ''}`;
          const page: request.Response = await register(query).expect(200);
          seen.push(...(page.body.items as { symbol: string }[]).map((d) => d.symbol));
          after = page.body.next as string | null;
        } while (after);
        expect({ sort, seen: [...seen].sort() }).toEqual({
          sort,
          seen: ['Số 01-NQ/ĐU', 'Số 01-QĐ/ĐU', 'Số 02-NQ/ĐU', 'Số 02-QĐ/ĐU'],
        });
      }
    });

    it('given a forged cursor or dates out of order, then 400 names the field', async () => {
      const cursor = await register('?after=bm90LWEtY3Vyc29y').expect(400);
      expect(cursor.body.errors).toEqual([expect.objectContaining({ field: 'after' })]);
      const dates = await register('?from=2025-08-01&to=2025-07-01').expect(400);
      expect(dates.body.errors).toEqual([expect.objectContaining({ field: 'to' })]);
    });

    it('given the export in CSV and .xlsx, then both hold the filtered documents as the page lists them', async () => {
      const csv = await as.secretary
        .get(`/api/registry/wards/${ward.code}/register/export?format=csv&docType=QĐ&sort=number_asc`)
        .expect(200);
      const rows = readCsv(csv.text);
      expect(rows[0]).toEqual([
        'Dãy số',
        'Loại',
        'Số thứ tự',
        'Số, ký hiệu',
        'Ngày ký',
        'Ngày hiệu lực',
        'Trích yếu',
        'Tình trạng',
        'Mã thủ tục',
      ]);
      expect(rows.slice(1).map((r) => r[0])).toEqual([
        'trước Đại hội lần thứ nhất',
        'trước Đại hội lần thứ nhất',
      ]);
      expect(rows.slice(1).map((r) => [r[1], r[2], r[3], r[6], r[7], r[8]])).toEqual([
        ['Quyết định', '1', 'Số 01-QĐ/ĐU', await titleOf(renameId, 1), 'Đã ban hành', renameId],
        ['Quyết định', '2', 'Số 02-QĐ/ĐU', await titleOf(laterId, 1), 'Đã ban hành', laterId],
      ]);
      const xlsx = await as.secretary
        .get(`/api/registry/wards/${ward.code}/register/export?format=xlsx`)
        .buffer(true)
        .parse(binary)
        .expect(200);
      const sheet = await readXlsx(xlsx.body as Buffer);
      expect(sheet[0]![0]).toContain(ward.name);
      expect(sheet.slice(2).map((r) => r[3])).toEqual([
        'Số 02-QĐ/ĐU',
        'Số 01-QĐ/ĐU',
        'Số 02-NQ/ĐU',
        'Số 01-NQ/ĐU',
      ]);
    });
  });
});
