/**
 * Spreadsheets in and out against the real API, PostgreSQL, Temporal and worker: a secretary uploads a
 * .xlsx or .csv of resolution items (every bad row named, nothing stored), the items start a procedure, and
 * the issued collective decision's annex downloads as .xlsx with the rows the decision lists.
 */
import ExcelJS from 'exceljs';
import type request from 'supertest';
import type { App } from 'supertest/types';
import { documentModelFromText } from '@kientoan/domain';
import { type TestStack, createTestStack } from '../support/test-app';
import { givenWardShapedLike } from '../support/factories';
import { ProcedureDriver, type SignedInWard, signIn } from '../support/procedure-driver';

const xlsx = async (rows: readonly (readonly (string | number | null)[])[]): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('Spreadsheets in and out (e2e)', () => {
  let stack: TestStack;
  let http: App;
  let driver: ProcedureDriver;
  let ward: Awaited<ReturnType<typeof givenWardShapedLike>>;
  let as: SignedInWard;

  beforeAll(async () => {
    stack = await createTestStack();
    http = stack.app.getHttpServer() as App;
    driver = new ProcedureDriver(stack);
    await stack.startWorker();
    ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 3 });
    as = await signIn(http, ward);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const upload = (client = as.secretary, file: Buffer, name: string, fields: Record<string, string> = {}) => {
    let test = client.post('/api/procedures/items/import').field('wardCode', ward.code);
    for (const [k, v] of Object.entries(fields)) test = test.field(k, v);
    return test.attach('file', file, name);
  };
  const procedures = () => stack.prisma.procedure.count({ where: { wardCode: ward.code } });
  const nameOf = (id: string) => ward.units.find((u) => u.id === id)!.name;

  it('given an .xlsx with Vietnamese headers, then its rows come back as the items POST /api/procedures takes, units resolved by name', async () => {
    const file = await xlsx([
      ['STT', 'Tổ chức đảng', 'Tên mới'],
      [1, nameOf(`${ward.code}.tdp6`).toLowerCase(), 'Chi bộ Tổ dân phố số 106'],
      [2, `${ward.code}.tdp7`, 'Chi bộ Tổ dân phố số 107'],
    ]);

    const response = await upload(as.secretary, file, 'danh-sách.xlsx').expect(200);

    expect(response.body).toMatchObject({
      wardCode: ward.code,
      fileName: 'danh-sách.xlsx',
      format: 'xlsx',
      items: [
        { kind: 'rename', unitId: `${ward.code}.tdp6`, newName: 'Chi bộ Tổ dân phố số 106' },
        { kind: 'rename', unitId: `${ward.code}.tdp7`, newName: 'Chi bộ Tổ dân phố số 107' },
      ],
    });
    expect(response.body.rows[0]).toMatchObject({ line: 2, unitName: nameOf(`${ward.code}.tdp6`) });
  });

  it("given Excel's CSV UTF-8 (BOM, ';', CRLF, quotes) with a kind column, then each row has its kind", async () => {
    const csv = `\uFEFFLoại thay đổi;Tổ chức đảng;Tên mới\r\nĐổi tên;"${ward.code}.tdp8";"Chi bộ ""Tổ 108"""\r\nGiải thể;${ward.code}.tdp9;\r\n`;

    // A file name with a right-to-left override is echoed back without it.
    const response = await upload(as.secretary, Buffer.from(csv), 'danh-s\u202Evsc.ach.csv').expect(200);

    expect(response.body).toMatchObject({ fileName: 'danh-svsc.ach.csv', format: 'csv' });
    expect(response.body.items).toEqual([
      { kind: 'rename', unitId: `${ward.code}.tdp8`, newName: 'Chi bộ "Tổ 108"' },
      { kind: 'dissolve', unitId: `${ward.code}.tdp9` },
    ]);
  });

  it('given bad rows, then 400 names every one by row and column in Vietnamese, returns the rows as read, and stores nothing', async () => {
    const before = await procedures();
    const csv = [
      'Tổ chức đảng;Tên mới',
      `${ward.code}.tdp6;Chi bộ 1`,
      'Chi bộ không có;Chi bộ 2',
      `${ward.code}.tdp7;`,
      `${ward.code}.tdp8;Chi bộ \u202Eabc`,
    ].join('\n');

    const response = await upload(as.secretary, Buffer.from(csv), 'loi.csv').expect(400);

    expect(response.body.code).toBe('SHEET_ROWS_INVALID');
    expect(response.body.message).toContain('chưa nhập dòng nào');
    expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'rows[3].unit',
      'rows[4].newName',
      'rows[5].newName',
    ]);
    expect(response.body.errors[0].reason).toBe(
      'Dòng 3, cột "Tổ chức đảng": Không có tổ chức "Chi bộ không có" trong danh sách của phường, xã này.',
    );
    expect(response.body.errors[2].reason).toContain('đảo chiều');
    expect(response.body.details.rows).toHaveLength(4);
    expect(response.body.details.rows[1]).toMatchObject({ line: 3, problem: expect.any(String) });
    expect(await procedures()).toBe(before);
  });

  it('refuses: no token 401, another role 403, another ward 403, wrong type 415, old .xls 415, damaged 400, too large 413, no file 400', async () => {
    const good = Buffer.from(`Tổ chức đảng;Tên mới\n${ward.code}.tdp6;Chi bộ 1\n`);
    await upload(as.anonymous, good, 'a.csv').expect(401);
    const reviewer = await upload(as.reviewer, good, 'a.csv').expect(403);
    expect(reviewer.body.code).toBeDefined();
    const other = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua');
    await as.secretary
      .post('/api/procedures/items/import')
      .field('wardCode', other.code)
      .attach('file', good, 'a.csv')
      .expect(403);

    const pdf = await upload(as.secretary, Buffer.from('%PDF-1.7\n'), 'a.pdf').expect(415);
    expect(pdf.body).toMatchObject({
      code: 'SHEET_UNSUPPORTED_TYPE',
      message: expect.stringContaining('.xlsx'),
    });
    const xls = await upload(
      as.secretary,
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]),
      'cu.xls',
    ).expect(415);
    expect(xls.body).toMatchObject({ code: 'SHEET_OLD_EXCEL', message: expect.stringContaining('Excel cũ') });
    const damaged = await upload(as.secretary, Buffer.from('PK\u0003\u0004junk'), 'hong.xlsx').expect(400);
    expect(damaged.body.code).toBe('SHEET_UNREADABLE');

    const big = Buffer.alloc(2 * 1024 * 1024 + 1, 'a');
    const tooLarge = await upload(as.secretary, big, 'lon.csv').expect(413);
    expect(tooLarge.body).toMatchObject({
      code: 'SHEET_FILE_TOO_LARGE',
      message: expect.stringContaining('tối đa 2 MB'),
    });
    const rows = Array.from({ length: 1002 }, (_, i) => `${ward.code}.tdp6;Chi bộ ${i}`).join('\n');
    const many = await upload(as.secretary, Buffer.from(`Tổ chức đảng;Tên mới\n${rows}`), 'nhieu.csv').expect(
      413,
    );
    expect(many.body.code).toBe('SHEET_TOO_MANY_ROWS');

    const none = await as.secretary
      .post('/api/procedures/items/import')
      .field('wardCode', ward.code)
      .expect(400);
    expect(none.body.code).toBe('SHEET_FILE_MISSING');
    await upload(as.secretary, good, 'a.csv', { kind: 'establish' }).expect(400);
  });

  it('given establish, upgrade and merge rows in the template, then they come back as items that start a procedure; bad ones are each named and nothing is stored', async () => {
    const before = await procedures();
    // Upgrade: a subordinate cell becomes a grassroots cell; merge: two residential cells, their kind by size.
    const sub = ward.units.find((u) => u.kind === 'subordinate_cell')!;
    const mergedMembers = [31, 32]
      .map((n) => ward.units.find((u) => u.id === `${ward.code}.tdp${n}`)!.fullMembers)
      .reduce((a, b) => a + b, 0);
    const mergedKind = mergedMembers >= 30 ? 'Đảng bộ cơ sở' : 'Chi bộ cơ sở';
    const mergedUnitKind = mergedMembers >= 30 ? 'grassroots_committee' : 'grassroots_cell';
    const file = await xlsx([
      [
        'Loại thay đổi',
        'Tổ chức đảng',
        'Tên mới',
        'Cấp trên mới',
        'Bí thư',
        'Loại tổ chức',
        'Loại hình',
        'Số đảng viên',
      ],
      [
        'Thành lập',
        '',
        'Chi bộ Trường Mầm non Ô Chợ Dừa',
        ward.committeeId,
        '',
        'Chi bộ cơ sở',
        'Trường học',
        9,
      ],
      [
        'Hợp nhất',
        `${ward.code}.tdp31, ${ward.code}.tdp32`,
        'Chi bộ Tổ dân phố số 3132',
        ward.committeeId,
        '',
        mergedKind,
        'Tổ dân phố',
        '',
      ],
      ['Nâng cấp', sub.id, '', '', '', '', '', ''],
    ]);
    const imported = await upload(as.secretary, file, 'thanh-lap.xlsx').expect(200);
    expect(imported.body.items).toEqual([
      {
        kind: 'establish',
        name: 'Chi bộ Trường Mầm non Ô Chợ Dừa',
        unitKind: 'grassroots_cell',
        setting: 'school',
        parentId: ward.committeeId,
        fullMembers: 9,
      },
      {
        kind: 'merge',
        unitIds: [`${ward.code}.tdp31`, `${ward.code}.tdp32`],
        name: 'Chi bộ Tổ dân phố số 3132',
        unitKind: mergedUnitKind,
        setting: 'residential_group',
        parentId: ward.committeeId,
      },
      { kind: 'upgrade', unitId: sub.id, toKind: 'grassroots_cell' },
    ]);
    // The same rules through the CSV a secretary exports from Excel: every bad cell named, nothing stored.
    const bad = Buffer.from(
      '\uFEFFLoại thay đổi;Tổ chức đảng;Tên mới;Cấp trên mới;Loại tổ chức;Loại hình;Số đảng viên\r\n' +
        `Thành lập;;Chi bộ A;${ward.committeeId};Chi bộ cơ sở;Trường học;chín\r\n` +
        `Hợp nhất;${ward.code}.tdp31;Chi bộ B;${ward.committeeId};Chi bộ cơ sở;Tổ dân phố;\r\n` +
        `Nâng cấp;${ward.code}.tdp33;;;Chi bộ trực thuộc;;\r\n`,
      'utf8',
    );
    const refused = await upload(as.secretary, bad, 'loi.csv').expect(400);
    expect(refused.body.code).toBe('SHEET_ROWS_INVALID');
    expect(refused.body.errors.map((e: { reason: string }) => e.reason)).toEqual([
      'Dòng 2, cột "Số đảng viên": Số đảng viên "chín" không phải số nguyên từ 0 đến 100000.',
      'Dòng 3, cột "Tổ chức đảng": Hợp nhất cần ít nhất hai tổ chức khác nhau, cách nhau bằng dấu phẩy hoặc dấu "+".',
      'Dòng 4, cột "Loại tổ chức": Không hiểu loại tổ chức "Chi bộ trực thuộc"; ghi một trong: Chi bộ cơ sở, Đảng bộ cơ sở.',
    ]);
    const id = await driver.start(as, ward.code, imported.body.items);
    expect(id).toEqual(expect.any(String));
    expect(await procedures()).toBe(before + 1);
  });

  it('gives the template with the Vietnamese headings the import reads, as .xlsx and .csv', async () => {
    const csv = await as.secretary.get('/api/procedures/items/template?format=csv').expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text).toBe(
      '\uFEFFLoại thay đổi;Tổ chức đảng;Tên mới;Cấp trên mới;Bí thư;Loại tổ chức;Loại hình;Số đảng viên\r\n',
    );

    const file = await as.secretary
      .get('/api/procedures/items/template')
      .buffer(true)
      .parse(binary)
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as ArrayBuffer);
    expect(workbook.worksheets[0]!.getRow(1).values).toEqual([
      undefined,
      'Loại thay đổi',
      'Tổ chức đảng',
      'Tên mới',
      'Cấp trên mới',
      'Bí thư',
      'Loại tổ chức',
      'Loại hình',
      'Số đảng viên',
    ]);
    // The template, filled in, is read back by the import.
    workbook.worksheets[0]!.addRow(['Đổi tên', `${ward.code}.tdp6`, 'Chi bộ Tổ dân phố số 206']);
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    const imported = await upload(as.secretary, filled, 'mau.xlsx').expect(200);
    expect(imported.body.items).toEqual([
      { kind: 'rename', unitId: `${ward.code}.tdp6`, newName: 'Chi bộ Tổ dân phố số 206' },
    ]);
  });

  it('given a collective decision issued from an uploaded sheet, then its annex downloads as .xlsx with the rows the decision lists', async () => {
    const groups = [11, 12, 13, 14, 15, 16, 17];
    const file = await xlsx([
      ['Tổ chức đảng', 'Tên mới'],
      ...groups.map((g) => [`${ward.code}.tdp${g}`, `Chi bộ Tổ dân phố số ${g + 300}`]),
    ]);
    const imported = await upload(as.secretary, file, 'doi-ten.xlsx').expect(200);
    const id = await driver.start(as, ward.code, imported.body.items);
    await driver.toCompletion(as, id, ward.voters);

    const response = await as.secretary
      .get(`/api/procedures/${id}/documents/decision/annex.xlsx`)
      .buffer(true)
      .parse(binary)
      .expect(200);

    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain('.xlsx');
    const decision = await stack.prisma.decision.findUniqueOrThrow({ where: { procedureId: id } });
    const annex = documentModelFromText(decision.decisionText)!.annex!;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const values: string[][] = [];
    sheet.eachRow((row) =>
      values.push((row.values as unknown[]).slice(1).map((v) => (typeof v === 'string' ? v : ''))),
    );
    // The title and reference lines are merged across the table's width: their text is in the first cell.
    expect(values.slice(0, annex.title.length + 1).map((r) => r[0])).toEqual([
      ...annex.title,
      annex.reference,
    ]);
    expect(values.slice(annex.title.length + 1)).toEqual([
      [...annex.columns],
      ...annex.rows.map((r) => [...r]),
    ]);
    expect(annex.rows).toHaveLength(groups.length);
    expect(annex.reference).toContain(decision.symbol.replace(/^Số /, 'số '));

    const resolution = await as.secretary
      .get(`/api/procedures/${id}/documents/resolution/annex.xlsx`)
      .expect(404);
    expect(resolution.body.code).toBe('DOCUMENT_HAS_NO_ANNEX');
  }, 180_000);
});
