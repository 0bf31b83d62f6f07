/**
 * A ward's congresses (the committee terms its documents are numbered in), set by an admin through the API or
 * by an operator through the CLI: validated (ordinals 1, 2 …, closing days in order; every bad field named, in
 * Vietnamese), audited, and refused with 409 (CLI: exit 1) when an already numbered document would change term.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { App } from 'supertest/types';
import type { ResolutionItem } from '@kientoan/domain';
import { type TestStack, createTestStack } from '../support/test-app';
import { givenAdmin, givenWardShapedLike } from '../support/factories';
import { client, login } from '../support/http-client';
import { ProcedureDriver, signIn } from '../support/procedure-driver';
import { readTestEnvironment } from '../support/test-environment';

jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist/apps/cli/apps/cli/src/main.js');

describe("A ward's congresses (API and CLI, e2e)", () => {
  let stack: TestStack;
  let http: App;
  let admin: ReturnType<typeof client>;

  beforeAll(async () => {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first`);
    stack = await createTestStack();
    http = stack.app.getHttpServer() as App;
    admin = client(http, await login(http, await givenAdmin(stack.prisma)));
    await stack.startWorker();
  });

  afterAll(async () => {
    await stack?.close();
  });

  const cli = (...args: string[]) => {
    const result = spawnSync(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: readTestEnvironment().databaseUrl, NODE_ENV: 'test' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  };

  const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  const addDays = (day: string, n: number) => {
    const d = new Date(`${day}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  };

  it('given no token, a secretary, an unknown ward or a bad list, then 401, 403, 404 and 400 naming each field in Vietnamese', async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 3 });
    const secretary = client(http, await login(http, ward.users.secretary));
    await client(http).get(`/api/admin/wards/${ward.code}/congresses`).expect(401);
    await secretary.get(`/api/admin/wards/${ward.code}/congresses`).expect(403);
    await secretary.put(`/api/admin/wards/${ward.code}/congresses`).send({ congresses: [] }).expect(403);
    const missing = await admin.get('/api/admin/wards/khong-co-phuong-nay/congresses').expect(404);
    expect(missing.body.code).toBe('WARD_NOT_FOUND');

    const badDate = await admin
      .put(`/api/admin/wards/${ward.code}/congresses`)
      .send({ congresses: [{ ordinal: 1, name: 'Đại hội lần thứ Nhất', closedOn: '2025-02-30' }] })
      .expect(400);
    expect(badDate.body.errors.map((e: { field: string }) => e.field)).toEqual(['congresses[0].closedOn']);

    const unordered = await admin
      .put(`/api/admin/wards/${ward.code}/congresses`)
      .send({
        congresses: [
          { ordinal: 1, name: 'Đại hội lần thứ Nhất', closedOn: '2025-09-20' },
          { ordinal: 2, name: 'Đại hội lần thứ Hai', closedOn: '2025-09-01' },
        ],
      })
      .expect(400);
    expect(unordered.body.code).toBe('CONGRESSES_INVALID');
    expect(unordered.body.errors).toEqual([
      {
        field: 'congresses[1].closedOn',
        reason: 'Đại hội lần thứ 2 phải bế mạc sau đại hội lần thứ 1 (20/09/2025).',
        reasonEn: 'Congress 2 must close after congress 1 (2025-09-20).',
      },
    ]);
  });

  it('given a ward with a document issued today, then its congress cannot move across it (409 in Vietnamese, CLI exit 1), and a later congress can be added (CLI and API, audited)', async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 5 });
    const day = today();
    const first = {
      ordinal: 1,
      name: 'Đại hội Đảng bộ phường Ô Chợ Dừa lần thứ Nhất',
      closedOn: '2025-08-31',
    };
    await admin
      .put(`/api/admin/wards/${ward.code}/congresses`)
      .send({ congresses: [first] })
      .expect(200);

    const as = await signIn(http, ward);
    const driver = new ProcedureDriver(stack);
    const rename = (newName: string): ResolutionItem[] => [
      { kind: 'rename', unitId: `${ward.code}.tdp6`, newName },
    ];
    const id = await driver.start(as, ward.code, rename('Chi bộ Tổ dân phố số 34'));
    await driver.toCompletion(as, id, ward.voters);

    const view = await admin.get(`/api/admin/wards/${ward.code}/congresses`).expect(200);
    expect(view.body).toEqual(
      expect.objectContaining({
        wardTitle: `phường ${ward.name}`,
        congresses: [first],
        numberedTerms: [
          { term: '2025-09-01', from: '2025-09-01', to: null, documents: 2, firstDay: day, lastDay: day },
        ],
      }),
    );

    // The first congress closing after today would put today's documents before it: refused, nothing stored.
    const moved = await admin
      .put(`/api/admin/wards/${ward.code}/congresses`)
      .send({ congresses: [{ ...first, closedOn: addDays(day, 3) }] })
      .expect(409);
    expect(moved.body.code).toBe('CONGRESS_MOVES_NUMBERED_DOCUMENTS');
    expect(moved.body.message).toContain('Không đổi được ngày đại hội: văn bản Số 01-NQ/ĐU');
    expect(moved.body.message).toContain('(cùng 1 văn bản khác)');
    // The same from the CLI: exit 1, the same reason.
    const refused = cli('congress', 'set', ward.code, `1=${addDays(day, 3)}`);
    expect(refused.status).toBe(1);
    expect(refused.output).toContain('CONGRESS_MOVES_NUMBERED_DOCUMENTS');

    // A second congress closing yesterday would end the term before today's documents: refused too.
    await admin
      .put(`/api/admin/wards/${ward.code}/congresses`)
      .send({ congresses: [first, { ordinal: 2, name: 'Đại hội lần thứ Hai', closedOn: addDays(day, -1) }] })
      .expect(409);
    expect((await admin.get(`/api/admin/wards/${ward.code}/congresses`)).body.congresses).toEqual([first]);

    // The CLI adds the second congress today (today still belongs to the old term), audited as cli:<user>.
    const set = cli('congress', 'set', ward.code, `1=2025-08-31=${first.name}`, `2=${day}`);
    expect(set.output).toContain('lần thứ Hai');
    expect(set.status).toBe(0);
    const audit = await stack.prisma.auditEntry.findFirst({
      where: { wardCode: ward.code, action: 'ward.congresses_set' },
      orderBy: { id: 'desc' },
    });
    expect(audit?.actorId).toMatch(/^cli:/);
    expect(audit?.after).toEqual({
      congresses: [
        { ordinal: 1, name: 'Đại hội Đảng bộ phường Ô Chợ Dừa lần thứ Nhất', closedOn: '2025-08-31' },
        { ordinal: 2, name: `Đại hội Đảng bộ phường ${ward.name} lần thứ Hai`, closedOn: day },
      ],
    });

    // Through the API: the same list with the second congress renamed, audited with the admin as actor.
    const renamed = [
      first,
      { ordinal: 2, name: 'Đại hội Đảng bộ phường Ô Chợ Dừa lần thứ II', closedOn: day },
    ];
    await admin.put(`/api/admin/wards/${ward.code}/congresses`).send({ congresses: renamed }).expect(200);
    const apiAudit = await stack.prisma.auditEntry.findFirst({
      where: { wardCode: ward.code, action: 'ward.congresses_set' },
      orderBy: { id: 'desc' },
    });
    expect(apiAudit?.actorId).not.toMatch(/^cli:/);
    expect(apiAudit?.before).toEqual({ congresses: (audit?.after as { congresses: unknown }).congresses });

    // Moving the second congress to yesterday is refused (today's documents would start the new term).
    await admin
      .put(`/api/admin/wards/${ward.code}/congresses`)
      .send({ congresses: [first, { ...renamed[1]!, closedOn: addDays(day, -1) }] })
      .expect(409);
    // The list printed by the CLI is the stored one.
    const list = cli('congress', 'list', ward.code);
    expect(list.status).toBe(0);
    expect(list.output).toContain('lần thứ II');
    expect(cli('congress', 'set').status).toBe(2);
  });

  it("given the ward's congress naming the term 2026 - 2031, when a procedure is issued in it, then its documents cite that term, and the term of issued documents cannot be renamed (409, CLI exit 1); a name whose term ends before it starts is refused (400)", async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 5 });
    const first = {
      ordinal: 1,
      name: `Đại hội Đảng bộ phường ${ward.name} lần thứ Nhất, nhiệm kỳ 2026 - 2031`,
      closedOn: '2025-08-31',
    };
    const backwards = await admin
      .put(`/api/admin/wards/${ward.code}/congresses`)
      .send({ congresses: [{ ...first, name: `${ward.name}, nhiệm kỳ 2031 - 2026` }] })
      .expect(400);
    expect(backwards.body.code).toBe('CONGRESSES_INVALID');
    expect(backwards.body.errors).toEqual([
      expect.objectContaining({
        field: 'congresses[0].name',
        reason: 'Tên đại hội lần thứ 1 ghi nhiệm kỳ 2031 - 2026: năm kết thúc phải sau năm bắt đầu.',
      }),
    ]);
    await admin
      .put(`/api/admin/wards/${ward.code}/congresses`)
      .send({ congresses: [first] })
      .expect(200);

    const as = await signIn(http, ward);
    const driver = new ProcedureDriver(stack);
    const id = await driver.start(as, ward.code, [
      { kind: 'rename', unitId: `${ward.code}.tdp6`, newName: 'Chi bộ Tổ dân phố số 34' },
    ]);
    await driver.toCompletion(as, id, ward.voters);
    const texts = (
      await stack.prisma.issuedDocument.findMany({ where: { procedureId: id }, orderBy: { position: 'asc' } })
    ).map((d) => d.text);
    expect(texts).toHaveLength(2);
    for (const text of texts)
      expect(text).toContain(
        `- Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ phường ${ward.name} nhiệm kỳ 2026 - 2031;`,
      );

    // Another term for the same congress would contradict the issued texts: refused, nothing stored.
    const renamed = await admin
      .put(`/api/admin/wards/${ward.code}/congresses`)
      .send({ congresses: [{ ...first, name: first.name.replace('2026 - 2031', '2025 - 2030') }] })
      .expect(409);
    expect(renamed.body.code).toBe('CONGRESS_RENAMES_NUMBERED_TERM');
    expect(renamed.body.message).toContain('ghi căn cứ nhiệm kỳ 2026 - 2031');
    // The CLI's usual name gives no term: five years from 2025, another term as well.
    const refused = cli('congress', 'set', ward.code, '1=2025-08-31');
    expect(refused.status).toBe(1);
    expect(refused.output).toContain('CONGRESS_RENAMES_NUMBERED_TERM');
    expect((await admin.get(`/api/admin/wards/${ward.code}/congresses`)).body.congresses).toEqual([first]);
    // A new spelling of the same term is allowed.
    await admin
      .put(`/api/admin/wards/${ward.code}/congresses`)
      .send({ congresses: [{ ...first, name: `${first.name.replace(' - ', '–')}` }] })
      .expect(200);
  });
});
