/**
 * The endpoints behind the admin pages and the delegations page: the audit trail (filters, keyset paging),
 * the account list (search, filters, four orders with keyset paging), imports with a dry run (CSV and .xlsx;
 * nothing stored by a dry run or a bad file), and the delegation limits shown to role holders.
 * Every one answers 401 without a token, 403 to a non-admin, and 400 naming the field of a bad input.
 */
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { App } from 'supertest/types';
import { type TestStack, createTestStack } from '../support/test-app';
import { givenAdmin, givenWard } from '../support/factories';
import { client, login } from '../support/http-client';

describe('Admin console endpoints (e2e)', () => {
  let stack: TestStack;
  let http: App;
  let admin: ReturnType<typeof client>;
  let adminName: string;
  let secretary: ReturnType<typeof client>;
  let wardCode: string;

  beforeAll(async () => {
    stack = await createTestStack();
    http = stack.app.getHttpServer() as App;
    adminName = await givenAdmin(stack.prisma);
    admin = client(http, await login(http, adminName));
    const ward = await givenWard(stack.prisma, { committeeSize: 3 });
    wardCode = ward.code;
    secretary = client(http, await login(http, ward.users.secretary));
  });

  afterAll(async () => {
    await stack?.close();
  });

  const tag = () => randomBytes(3).toString('hex');
  const anonymous = () => client(http);

  describe('GET /api/admin/audit', () => {
    it('given no token, a secretary, or a bad filter, then 401, 403 and 400 naming the field', async () => {
      await anonymous().get('/api/admin/audit').expect(401);
      const forbidden = await secretary.get('/api/admin/audit').expect(403);
      expect(forbidden.body.code).toBe('FORBIDDEN');
      const badDate = await admin.get('/api/admin/audit?from=2026-02-30').expect(400);
      expect(badDate.body.errors.map((e: { field: string }) => e.field)).toEqual(['from']);
      const reversed = await admin.get('/api/admin/audit?from=2026-03-02&to=2026-03-01').expect(400);
      expect(reversed.body.errors).toEqual([
        expect.objectContaining({ field: 'to', reason: expect.any(String) }),
      ]);
      const badCursor = await admin.get('/api/admin/audit?after=abc').expect(400);
      expect(badCursor.body.errors[0].field).toBe('after');
      await admin.get('/api/admin/audit?unknown=1').expect(400);
    });

    it('given admin actions in a ward, then they are found by person, ward, action family and day, newest first, a page at a time', async () => {
      const t = tag();
      const marker = (await stack.prisma.auditEntry.aggregate({ _max: { id: true } }))._max.id ?? 0n;
      for (const i of [1, 2, 3])
        await admin
          .post('/api/admin/accounts')
          .send({
            username: `nk${i}-${t}`,
            displayName: `Người ${i}`,
            wardRoles: [{ wardCode, role: 'reviewer' }],
          })
          .expect(201);
      await admin
        .post(`/api/admin/accounts/nk1-${t}/roles`)
        .send({ wardCode, role: 'secretary' })
        .expect(200);
      const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
      const all = await admin
        .get(`/api/admin/audit?actor=${adminName}&action=account&from=${today}&to=${today}&limit=200`)
        .expect(200);
      const mine = all.body.items.filter((e: { id: string }) => BigInt(e.id) > marker);
      expect(mine.map((e: { action: string }) => e.action)).toEqual([
        'account.role_grant',
        'account.create',
        'account.create',
        'account.create',
      ]);
      expect(mine[0]).toMatchObject({
        actorId: adminName,
        role: 'admin',
        wardCode,
        clientAddress: expect.any(String),
      });
      // The grant carries the ward; creations do not: a ward filter finds the grant.
      const inWard = await admin
        .get(`/api/admin/audit?wardCode=${wardCode}&action=account.role_grant`)
        .expect(200);
      expect(inWard.body.items).toHaveLength(1);
      // An exact action excludes the others; a day before today finds none of them.
      const creates = await admin
        .get(`/api/admin/audit?action=account.create&actor=${adminName}&limit=200`)
        .expect(200);
      expect(new Set(creates.body.items.map((e: { action: string }) => e.action))).toEqual(
        new Set(['account.create']),
      );
      const before = await admin.get(`/api/admin/audit?actor=${adminName}&to=2025-01-01`).expect(200);
      expect(before.body).toEqual({ items: [], next: null });

      // Keyset pages: newest first, no entry twice, in the same order as one big page.
      const pages: string[] = [];
      let after: string | null = null;
      do {
        const url: string = `/api/admin/audit?actor=${adminName}&limit=2${after ? `&after=${after}` : ''}`;
        const page = await admin.get(url).expect(200);
        pages.push(...page.body.items.map((e: { id: string }) => e.id));
        after = page.body.next as string | null;
      } while (after && pages.length < 8);
      const whole = await admin.get(`/api/admin/audit?actor=${adminName}&limit=8`).expect(200);
      expect(pages).toEqual(whole.body.items.map((e: { id: string }) => e.id).slice(0, pages.length));
      expect(new Set(pages).size).toBe(pages.length);
      expect([...pages].map(BigInt)).toEqual(
        [...pages].map(BigInt).sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)),
      );
    });
  });

  describe('GET /api/admin/accounts', () => {
    it('given accounts, then search, ward and status filters and every order page without repeats', async () => {
      const t = tag();
      for (const name of ['c', 'a', 'b'])
        await admin
          .post('/api/admin/accounts')
          .send({
            username: `${name}-tim-${t}`,
            displayName: `Trần Văn ${name.toUpperCase()} ${t}`,
            wardRoles: name === 'b' ? [{ wardCode, role: 'reviewer' }] : [],
          })
          .expect(201);
      await admin.post(`/api/admin/accounts/c-tim-${t}/disable`).expect(200);
      const names = (body: { items: { username: string }[] }) => body.items.map((a) => a.username);

      const search = await admin.get(`/api/admin/accounts?q=TIM-${t}`).expect(200);
      expect(names(search.body)).toEqual([`a-tim-${t}`, `b-tim-${t}`, `c-tim-${t}`]);
      const byName = await admin.get(`/api/admin/accounts?q=${encodeURIComponent(`văn b ${t}`)}`).expect(200);
      expect(names(byName.body)).toEqual([`b-tim-${t}`]);
      const desc = await admin.get(`/api/admin/accounts?q=${t}&sort=username_desc`).expect(200);
      expect(names(desc.body)).toEqual([`c-tim-${t}`, `b-tim-${t}`, `a-tim-${t}`]);
      const disabled = await admin.get(`/api/admin/accounts?q=${t}&status=disabled`).expect(200);
      expect(names(disabled.body)).toEqual([`c-tim-${t}`]);
      const enabled = await admin.get(`/api/admin/accounts?q=${t}&status=enabled`).expect(200);
      expect(names(enabled.body)).toEqual([`a-tim-${t}`, `b-tim-${t}`]);
      const inWard = await admin.get(`/api/admin/accounts?q=${t}&wardCode=${wardCode}`).expect(200);
      expect(names(inWard.body)).toEqual([`b-tim-${t}`]);

      for (const sort of ['created_desc', 'created_asc', 'username_desc'] as const) {
        const seen: string[] = [];
        let after: string | null = null;
        do {
          const url: string = `/api/admin/accounts?q=${t}&sort=${sort}&limit=1${after ? `&after=${encodeURIComponent(after)}` : ''}`;
          const page = await admin.get(url).expect(200);
          seen.push(...names(page.body));
          after = page.body.next as string | null;
        } while (after);
        const expected =
          sort === 'created_desc'
            ? [`b-tim-${t}`, `a-tim-${t}`, `c-tim-${t}`]
            : sort === 'created_asc'
              ? [`c-tim-${t}`, `a-tim-${t}`, `b-tim-${t}`]
              : [`c-tim-${t}`, `b-tim-${t}`, `a-tim-${t}`];
        expect({ sort, seen }).toEqual({ sort, seen: expected });
      }
    });

    it('given a name with diacritics, then a search without them (any case, any Unicode form) finds it, in SQL', async () => {
      const t = tag();
      await admin
        .post('/api/admin/accounts')
        .send({ username: `nvd-${t}`, displayName: `Nguyễn Văn Đức ${t}` })
        .expect(201);
      await admin
        .post('/api/admin/accounts')
        .send({ username: `nvh-${t}`, displayName: `Nguyễn Thị Hoà ${t}` })
        .expect(201);
      const found = async (q: string) =>
        (
          (await admin.get(`/api/admin/accounts?q=${encodeURIComponent(q)}`).expect(200)).body as {
            items: { username: string }[];
          }
        ).items
          .map((a) => a.username)
          .filter((u) => u.endsWith(t));

      expect(await found(`nguyen van duc ${t}`)).toEqual([`nvd-${t}`]);
      expect(await found('NGUYEN VAN DUC')).toEqual([`nvd-${t}`]);
      expect(await found(`nguyễn thị hòa ${t}`.normalize('NFD'))).toEqual([`nvh-${t}`]);
      expect(await found(`nguyen ${t}`)).toEqual([]);
      expect(await found('nguyen')).toEqual([`nvd-${t}`, `nvh-${t}`]);
      expect(await found('100%')).toEqual([]);
    });

    it('given a bad query, a secretary or no token, then 400 naming the field, 403 and 401', async () => {
      const bad = await admin.get('/api/admin/accounts?sort=age').expect(400);
      expect(bad.body.errors[0].field).toBe('sort');
      const badStatus = await admin.get('/api/admin/accounts?status=gone').expect(400);
      expect(badStatus.body.errors[0].field).toBe('status');
      await secretary.get('/api/admin/accounts').expect(403);
      await anonymous().get('/api/admin/accounts?q=a').expect(401);
    });
  });

  describe('imports with a dry run', () => {
    it('given a good CSV of accounts as a dry run, then the answer lists each row and nothing is stored or audited', async () => {
      const t = tag();
      const auditBefore = await stack.prisma.auditEntry.count();
      const csv = `ten_dang_nhap,ho_ten,vai_tro\nthu1-${t},Người thử 1,secretary@${wardCode}\n\nthu2-${t},Người thử 2,\n`;
      const response = await admin.post('/api/admin/accounts/import').send({ csv, dryRun: true }).expect(200);
      expect(response.body.dryRun).toBe(true);
      expect(response.body.created).toEqual([
        expect.objectContaining({
          line: 2,
          temporaryPassword: null,
          account: expect.objectContaining({ username: `thu1-${t}` }),
        }),
        expect.objectContaining({
          line: 4,
          temporaryPassword: null,
          account: expect.objectContaining({ username: `thu2-${t}` }),
        }),
      ]);
      expect(await stack.prisma.userAccount.count({ where: { username: { contains: t } } })).toBe(0);
      expect(await stack.prisma.auditEntry.count()).toBe(auditBefore);
      // The real run of the same file stores both, with passwords.
      const stored = await admin.post('/api/admin/accounts/import').send({ csv }).expect(200);
      expect(stored.body.dryRun).toBe(false);
      expect(
        stored.body.created.map((c: { temporaryPassword: string }) => c.temporaryPassword.length),
      ).toEqual([16, 16]);
      expect(await stack.prisma.userAccount.count({ where: { username: { contains: t } } })).toBe(2);
    });

    it('given a bad CSV as a dry run, then every bad row is named, and nothing is stored', async () => {
      const t = tag();
      const csv = `ma_xa,ho_ten,chuc_vu,tu_ngay\n${wardCode},Người đúng ${t},Ủy viên,2025-07-01\n${wardCode},Sai ngày ${t},Ủy viên,2025-13-01\nphuong-khong-co,Sai xã ${t},Ủy viên,2025-07-01\n`;
      const response = await admin
        .post('/api/admin/committee/import')
        .send({ csv, dryRun: true })
        .expect(400);
      expect(response.body.code).toBe('IMPORT_REJECTED');
      expect(response.body.details.dryRun).toBe(true);
      expect([...new Set(response.body.details.problems.map((p: { line: number }) => p.line))]).toEqual([
        3, 4,
      ]);
      expect(response.body.errors[0]).toMatchObject({
        field: 'servedFrom',
        reason: expect.stringMatching(/^Dòng 3: /),
      });
      expect(await stack.prisma.wardCommitteeMember.count({ where: { fullName: { contains: t } } })).toBe(0);
    });

    it('given an .xlsx workbook of committee members, then its first sheet imports as its CSV would (line = row)', async () => {
      const t = tag();
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Ban Thường vụ');
      sheet.addRow(['ma_xa', 'ho_ten', 'chuc_vu', 'tu_ngay', 'den_ngay']);
      sheet.addRow([wardCode, `Lê Văn ${t}`, 'Phó Bí thư', '2025-07-01', '']);
      sheet.addRow([]);
      sheet.addRow([wardCode, `Đỗ Thị ${t}`, 'Ủy viên', new Date('2025-07-01T00:00:00Z'), '2030-07-01']);
      const xlsx = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
      const dry = await admin.post('/api/admin/committee/import').send({ xlsx, dryRun: true }).expect(200);
      expect(dry.body.created).toEqual([
        expect.objectContaining({ line: 2, fullName: `Lê Văn ${t}`, servedTo: null }),
        expect.objectContaining({
          line: 4,
          fullName: `Đỗ Thị ${t}`,
          servedFrom: '2025-07-01',
          servedTo: '2030-07-01',
        }),
      ]);
      expect(await stack.prisma.wardCommitteeMember.count({ where: { fullName: { contains: t } } })).toBe(0);
      await admin.post('/api/admin/committee/import').send({ xlsx }).expect(200);
      expect(await stack.prisma.wardCommitteeMember.count({ where: { fullName: { contains: t } } })).toBe(2);
    });

    it('given both csv and xlsx, neither, a file that is no workbook, or a secretary, then 400 naming the field or 403', async () => {
      const both = await admin
        .post('/api/admin/accounts/import')
        .send({ csv: 'a', xlsx: 'YQ==' })
        .expect(400);
      expect(both.body.errors[0].field).toBe('csv');
      const neither = await admin.post('/api/admin/accounts/import').send({ dryRun: true }).expect(400);
      expect(neither.body.errors[0].field).toBe('csv');
      const notWorkbook = await admin
        .post('/api/admin/accounts/import')
        .send({ xlsx: Buffer.from('không phải tệp Excel').toString('base64') })
        .expect(400);
      expect(notWorkbook.body).toMatchObject({
        code: 'SPREADSHEET_UNREADABLE',
        errors: [expect.objectContaining({ field: 'xlsx' })],
      });
      await secretary.post('/api/admin/committee/import').send({ csv: 'ma_xa\nx', dryRun: true }).expect(403);
      await anonymous().post('/api/admin/committee/import').send({ csv: 'ma_xa\nx' }).expect(401);
    });
  });

  it('GET /api/delegations tells role holders the longest period allowed', async () => {
    const mine = await secretary.get('/api/delegations').expect(200);
    expect(mine.body).toEqual({ given: [], received: [], maxDays: 90 });
  });
});
