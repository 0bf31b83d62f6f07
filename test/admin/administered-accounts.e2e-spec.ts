/**
 * Accounts administered over the API: an admin creates the people of a ward (a secretary, a reviewer, three
 * standing-committee members with their terms) and they complete a procedure; lists page; CSV imports store
 * everything or nothing and name every bad row; every admin action is audited.
 */
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types';
import { type TestStack, createTestStack } from '../support/test-app';
import { type TestWard, givenAdmin, givenWardShapedLike } from '../support/factories';
import { TEST_PASSWORD, client, login } from '../support/http-client';
import { ProcedureDriver, signIn } from '../support/procedure-driver';

describe('Administered accounts (e2e)', () => {
  let stack: TestStack;
  let http: App;
  let admin: ReturnType<typeof client>;
  let adminName: string;

  beforeAll(async () => {
    stack = await createTestStack();
    http = stack.app.getHttpServer() as App;
    await stack.startWorker();
    adminName = await givenAdmin(stack.prisma);
    admin = client(http, await login(http, adminName));
  });

  afterAll(async () => {
    await stack?.close();
  });

  const suffix = () => randomBytes(3).toString('hex');

  /** The first sign-in of an account an admin made: the temporary password is replaced by the test one. */
  const takeOver = async (username: string, temporaryPassword: string) => {
    await request(http)
      .post('/api/auth/password')
      .send({ username, currentPassword: temporaryPassword, newPassword: TEST_PASSWORD })
      .expect(200);
  };

  it('given an admin creates a secretary, a reviewer and three committee members over the API, then they complete a procedure', async () => {
    // A ward with its registry but nobody in it: no accounts, no standing committee.
    const place = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 0 });
    const tag = suffix();
    const create = async (username: string, extra: Record<string, unknown>) => {
      const response = await admin
        .post('/api/admin/accounts')
        .send({ username, displayName: `Người ${username}`, ...extra })
        .expect(201);
      await takeOver(username, response.body.temporaryPassword as string);
      return username;
    };
    const secretary = await create(`bt-${tag}`, {
      wardRoles: [{ wardCode: place.code, role: 'secretary' }],
    });
    const reviewer = await create(`vp-${tag}`, {});
    await admin
      .post(`/api/admin/accounts/${reviewer}/roles`)
      .send({ wardCode: place.code, role: 'reviewer' })
      .expect(200);
    const voters: string[] = [];
    const approvers: string[] = [];
    for (const i of [1, 2, 3]) {
      const username = await create(`uv${i}-${tag}`, {});
      const member = await admin
        .post(`/api/admin/wards/${place.code}/committee`)
        .send({
          fullName: `Nguyễn Văn ${i}`,
          position: i === 1 ? 'Bí thư Đảng ủy' : 'Ủy viên Ban Thường vụ',
          servedFrom: '2025-07-01',
          servedTo: '2030-07-01',
          username,
        })
        .expect(201);
      expect(member.body).toMatchObject({ wardCode: place.code, username, servedTo: '2030-07-01' });
      voters.push(member.body.id as string);
      approvers.push(username);
    }
    const committee = await admin.get(`/api/admin/wards/${place.code}/committee?limit=2`).expect(200);
    expect(committee.body.items).toHaveLength(2);
    const rest = await admin
      .get(`/api/admin/wards/${place.code}/committee?limit=2&after=${committee.body.next}`)
      .expect(200);
    expect([...committee.body.items, ...rest.body.items].map((m: { id: string }) => m.id)).toEqual(voters);
    expect(rest.body.next).toBeNull();

    const ward: TestWard = {
      code: place.code,
      name: place.name,
      voters,
      users: { secretary, reviewer, approvers },
    };
    const as = await signIn(http, ward);
    const driver = new ProcedureDriver(stack);
    const id = await driver.start(as, place.code, [
      { kind: 'rename', unitId: `${place.code}.tdp6`, newName: 'Chi bộ Tổ dân phố số 34' },
    ]);
    const result = await driver.toCompletion(as, id, voters);
    expect(result).toMatchObject({ outcome: 'completed', decisionSymbol: expect.stringMatching(/QĐ/) });
    const votes = await stack.prisma.vote.findMany({ where: { procedureId: id } });
    expect(votes.map((v) => v.voterId).sort()).toEqual(voters.slice(0, 2).sort());

    const audited = await stack.prisma.auditEntry.findMany({
      where: { actorId: adminName, OR: [{ wardCode: place.code }, { action: 'account.create' }] },
    });
    const actions = audited.map((a) => a.action);
    expect(actions.filter((a) => a === 'committee.member_add')).toHaveLength(3);
    expect(actions).toEqual(expect.arrayContaining(['account.create', 'account.role_grant']));
  });

  it('given accounts listed a page at a time, then the pages follow each other without gaps', async () => {
    const first = await admin.get('/api/admin/accounts?limit=3').expect(200);
    expect(first.body.items).toHaveLength(3);
    const second = await admin.get(`/api/admin/accounts?limit=3&after=${first.body.next}`).expect(200);
    const names = [...first.body.items, ...second.body.items].map((a: { username: string }) => a.username);
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(names.length);
    expect(JSON.stringify(first.body)).not.toContain('passwordHash');
  });

  it('given a CSV of accounts with bad rows, then every bad row is named and nothing is stored', async () => {
    const { code } = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 0 });
    const tag = suffix();
    const csv = [
      'ten_dang_nhap,ho_ten,vai_tro',
      `tot-${tag},Người tốt,secretary@${code}`,
      `X,Tên quá ngắn,reviewer@${code}`,
      `tot2-${tag},,reviewer@${code}`,
      `tot3-${tag},Người thứ ba,king@${code}`,
      `tot4-${tag},Người thứ tư,reviewer@phuong-khong-co`,
      `tot-${tag},Trùng tên,reviewer@${code}`,
      `${adminName},Đã có,`,
    ].join('\n');
    const response = await admin.post('/api/admin/accounts/import').send({ csv }).expect(400);
    expect(response.body.code).toBe('IMPORT_REJECTED');
    const lines = (response.body.details.problems as { line: number }[]).map((p) => p.line);
    expect([...new Set(lines)]).toEqual([3, 4, 5, 6, 7, 8]);
    expect(response.body.errors[0].reason).toMatch(/^Dòng 3: /);
    expect(await stack.prisma.userAccount.count({ where: { username: { contains: tag } } })).toBe(0);
  });

  it('given a good CSV of accounts and then of committee members, then all are stored with temporary passwords and linked', async () => {
    const { code } = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 0 });
    const tag = suffix();
    const accounts = await admin
      .post('/api/admin/accounts/import')
      .send({
        csv: `username,display_name,roles\nnhap1-${tag},Người nhập 1,secretary@${code}\n"nhap2-${tag}","Trần Thị B, phó",reviewer@${code}; supervisor\n`,
      })
      .expect(200);
    expect(accounts.body.created).toEqual([
      expect.objectContaining({ account: expect.objectContaining({ username: `nhap1-${tag}` }) }),
      expect.objectContaining({
        account: expect.objectContaining({
          username: `nhap2-${tag}`,
          displayName: 'Trần Thị B, phó',
          supervisor: true,
        }),
        temporaryPassword: expect.any(String),
      }),
    ]);
    const members = await admin
      .post('/api/admin/committee/import')
      .send({
        csv: `ma_xa,ho_ten,chuc_vu,tu_ngay,den_ngay,ten_dang_nhap\n${code},Lê Văn C,Phó Bí thư,2025-07-01,,nhap1-${tag}\n${code},Phạm Thị D,Ủy viên,2025-07-01,2026-01-01,\n`,
      })
      .expect(200);
    expect(members.body.created).toEqual([
      expect.objectContaining({ fullName: 'Lê Văn C', username: `nhap1-${tag}`, servedTo: null }),
      expect.objectContaining({ fullName: 'Phạm Thị D', servedTo: '2026-01-01' }),
    ]);
    const current = await admin.get(`/api/admin/wards/${code}/committee?servingOn=2026-06-01`).expect(200);
    expect(current.body.items.map((m: { fullName: string }) => m.fullName)).toEqual(['Lê Văn C']);
  });

  it('given a CSV of committee members with bad rows, then every bad row is named and nothing is stored', async () => {
    const { code } = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 0 });
    const csv = [
      'ma_xa,ho_ten,chuc_vu,tu_ngay,den_ngay',
      `${code},Người đúng,Ủy viên,2025-07-01,`,
      `${code},Sai ngày,Ủy viên,2025-02-30,`,
      `${code},Ngược nhiệm kỳ,Ủy viên,2026-01-01,2025-01-01`,
      `phuong-khong-co,Sai xã,Ủy viên,2025-07-01,`,
      `${code},,Ủy viên,2025-07-01,`,
    ].join('\n');
    const response = await admin.post('/api/admin/committee/import').send({ csv }).expect(400);
    const lines = (response.body.details.problems as { line: number }[]).map((p) => p.line);
    expect([...new Set(lines)]).toEqual([3, 4, 5, 6]);
    expect(await stack.prisma.wardCommitteeMember.count({ where: { wardCode: code } })).toBe(0);
  });
});
