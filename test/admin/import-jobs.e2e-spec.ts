/**
 * Imports as background jobs (POST/GET /api/admin/imports): a job answers 202 at once, its rows are checked
 * one by one with progress, then stored all or nothing; a job stopped mid-way is taken over and finished
 * without storing a row twice; a repeated Idempotency-Key answers the same job; temporary passwords are kept
 * only sealed with the creator's public key; 400 / 401 / 403 / 404 / 413 as documented.
 */
import { constants, generateKeyPairSync, privateDecrypt, randomBytes, randomUUID } from 'node:crypto';
import type { App } from 'supertest/types';
import { parseAccountImport } from '@kientoan/platform';
import { IMPORT_BATCH, ImportJobRunner } from '../../apps/api/src/admin/imports/import-job.runner';
import { type TestStack, createTestStack } from '../support/test-app';
import { givenAdmin, givenWard } from '../support/factories';
import { client, login } from '../support/http-client';

describe('Import jobs (e2e)', () => {
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
    const ward = await givenWard(stack.prisma, { committeeSize: 2 });
    wardCode = ward.code;
    secretary = client(http, await login(http, ward.users.secretary));
  });

  afterAll(async () => {
    await stack?.close();
  });

  const tag = () => randomBytes(3).toString('hex');
  const accountsCsv = (t: string, n: number) =>
    `ten_dang_nhap,ho_ten,vai_tro\n${Array.from({ length: n }, (_, i) => `nhap${i}-${t},Người nhập ${i},secretary@${wardCode}`).join('\n')}\n`;

  const finished = async (id: string) => {
    for (let i = 0; i < 300; i += 1) {
      const job = await admin.get(`/api/admin/imports/${id}?limit=1000`).expect(200);
      if (job.body.status !== 'running') return job.body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`import ${id} did not finish`);
  };

  it('given a good file, then 202 with the job, the rows checked and stored, and the passwords sealed for the creator only', async () => {
    const t = tag();
    const { publicKey, privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'der' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    const started = await admin
      .post('/api/admin/imports')
      .send({ kind: 'accounts', csv: accountsCsv(t, 3), revealKey: publicKey.toString('base64') })
      .expect(202);
    expect(started.body).toMatchObject({ kind: 'accounts', dryRun: false, total: 3, mine: true });
    const job = await finished(started.body.id);
    expect(job).toMatchObject({ status: 'done', stage: 'finished', done: 3, failed: 0, applied: 3 });
    expect(job.rows.map((r: { line: number; status: string }) => [r.line, r.status])).toEqual([
      [2, 'applied'],
      [3, 'applied'],
      [4, 'applied'],
    ]);
    const password = privateDecrypt(
      { key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      Buffer.from(job.rows[0].sealedPassword, 'base64'),
    ).toString('utf8');
    expect(password).toHaveLength(16);
    // The right password (a wrong one answers 401): it must be changed at first sign-in.
    const signIn = await client(http)
      .post('/api/auth/login')
      .send({ username: `nhap0-${t}`, password })
      .expect(403);
    expect(signIn.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    // Nothing in plain text in the job; no password hash kept once stored.
    const rows = await stack.prisma.adminImportRow.findMany({ where: { jobId: job.id } });
    expect(JSON.stringify(rows)).not.toContain(password);
    expect(rows.every((r) => r.passwordHash === null)).toBe(true);
    // Another admin sees the job but no sealed password.
    const first = await stack.prisma.userAccount.findUniqueOrThrow({ where: { username: adminName } });
    const otherName = `quan-tri-khac-${t}`;
    await stack.prisma.userAccount.create({
      data: {
        id: otherName,
        username: otherName,
        displayName: 'Quản trị khác',
        passwordHash: first.passwordHash,
        admin: true,
      },
    });
    const other = client(http, await login(http, otherName));
    const seen = await other.get(`/api/admin/imports/${job.id}`).expect(200);
    expect(seen.body.mine).toBe(false);
    expect(seen.body.rows.every((r: { sealedPassword: unknown }) => r.sealedPassword === null)).toBe(true);
  });

  it('given an import stored, then the planner statistics of the tables it wrote are refreshed after it', async () => {
    const analyzedAt = async () => {
      const [row] = await stack.prisma.$queryRaw<{ at: Date | null }[]>`
        SELECT last_analyze AS at FROM pg_stat_user_tables WHERE relname = 'user_account'`;
      return row?.at?.getTime() ?? 0;
    };
    const before = Date.now();
    const started = await admin
      .post('/api/admin/imports')
      .send({ kind: 'accounts', csv: accountsCsv(tag(), 2) })
      .expect(202);
    expect(await finished(started.body.id)).toMatchObject({ status: 'done', applied: 2 });
    // Refreshed right after the store commits (the job reads as done a moment before).
    for (let i = 0; i < 50 && (await analyzedAt()) < before; i += 1)
      await new Promise((r) => setTimeout(r, 100));
    expect(await analyzedAt()).toBeGreaterThanOrEqual(before);
  });

  it('given one bad row among good ones, then every row is reported and nothing is stored', async () => {
    const t = tag();
    const csv = `${accountsCsv(t, 2)}sai-${t},Sai xã,secretary@phuong-khong-co\n,Không tên,\n`;
    const started = await admin.post('/api/admin/imports').send({ kind: 'accounts', csv }).expect(202);
    const job = await finished(started.body.id);
    expect(job).toMatchObject({ status: 'rejected', total: 4, done: 4, failed: 2, applied: 0 });
    expect(job.rows.map((r: { status: string }) => r.status)).toEqual([
      'valid',
      'valid',
      'invalid',
      'invalid',
    ]);
    expect(job.rows[2].problems[0]).toMatchObject({ line: 4, message: expect.any(String) });
    expect(await stack.prisma.userAccount.count({ where: { username: { contains: t } } })).toBe(0);
  });

  it('given a dry run of committee members, then the rows are checked and nothing is stored', async () => {
    const t = tag();
    const csv = `ma_xa,ho_ten,chuc_vu,tu_ngay\n${wardCode},Lê ${t},Ủy viên,2025-07-01\n${wardCode},Đỗ ${t},Ủy viên,2025-07-01\n`;
    const started = await admin
      .post('/api/admin/imports')
      .send({ kind: 'committee', csv, dryRun: true })
      .expect(202);
    const job = await finished(started.body.id);
    expect(job).toMatchObject({ status: 'done', dryRun: true, done: 2, failed: 0, applied: 0 });
    expect(job.rows[0].result).toMatchObject({ fullName: `Lê ${t}`, wardCode });
    expect(await stack.prisma.wardCommitteeMember.count({ where: { fullName: { contains: t } } })).toBe(0);
    const real = await admin.post('/api/admin/imports').send({ kind: 'committee', csv }).expect(202);
    expect(await finished(real.body.id)).toMatchObject({ status: 'done', applied: 2 });
    expect(await stack.prisma.wardCommitteeMember.count({ where: { fullName: { contains: t } } })).toBe(2);
  });

  it('given a job stopped after one batch, then its progress shows, and a take-over finishes it storing each row once', async () => {
    const t = tag();
    const n = IMPORT_BATCH * 2 + 5;
    const parsed = parseAccountImport(accountsCsv(t, n));
    const id = randomUUID();
    await stack.prisma.adminImportJob.create({
      data: {
        id,
        kind: 'accounts',
        dryRun: false,
        createdBy: adminName,
        audit: { actorId: adminName, role: 'admin', clientAddress: null, requestId: null },
        createdAt: new Date(),
        total: n,
        leaseUntil: new Date(Date.now() + 60_000), // held by a process that is about to go away
        rows: {
          create: parsed.rows.map((r, position) => ({ position, line: r.line, input: r.input ?? {} })),
        },
      },
    });
    const runner = stack.app.get(ImportJobRunner);
    await runner.run(id); // someone else holds it: nothing done
    expect((await admin.get(`/api/admin/imports/${id}`).expect(200)).body).toMatchObject({ done: 0 });
    await stack.prisma.adminImportJob.update({
      where: { id },
      data: { leaseUntil: new Date(Date.now() - 1) },
    });
    await runner.run(id, 1); // the process stops after one batch
    const midway = await admin.get(`/api/admin/imports/${id}?from=0&limit=10`).expect(200);
    expect(midway.body).toMatchObject({ status: 'running', stage: 'checking', total: n, done: IMPORT_BATCH });
    expect(midway.body.rows).toHaveLength(10);
    expect(midway.body.nextFrom).toBe(10);
    expect(await stack.prisma.userAccount.count({ where: { username: { contains: t } } })).toBe(0);
    await runner.run(id); // taken over
    const job = await finished(id);
    expect(job).toMatchObject({ status: 'done', done: n, applied: n, failed: 0 });
    await runner.run(id); // a late second holder finds it done
    expect(await stack.prisma.userAccount.count({ where: { username: { contains: t } } })).toBe(n);
    expect(
      await stack.prisma.auditEntry.count({
        where: { action: 'account.create', after: { path: ['username'], string_contains: t } },
      }),
    ).toBe(n);
  });

  it('given a username taken between the check and the store, then nothing is stored and that row is named', async () => {
    const t = tag();
    const parsed = parseAccountImport(accountsCsv(t, 3));
    const id = randomUUID();
    await stack.prisma.adminImportJob.create({
      data: {
        id,
        kind: 'accounts',
        dryRun: false,
        createdBy: adminName,
        audit: { actorId: adminName, role: 'admin', clientAddress: null, requestId: null },
        createdAt: new Date(),
        total: 3,
        rows: {
          create: parsed.rows.map((r, position) => ({
            position,
            line: r.line,
            input: r.input ?? {},
            status: 'valid' as const,
            passwordHash: 'checked-earlier$hash',
          })),
        },
      },
    });
    await admin
      .post('/api/admin/accounts')
      .send({ username: `nhap1-${t}`, displayName: 'Nhanh tay hơn', wardRoles: [] })
      .expect(201);
    await stack.app.get(ImportJobRunner).run(id);
    const job = await finished(id);
    expect(job).toMatchObject({ status: 'rejected', applied: 0, failed: 1 });
    expect(job.rows[1]).toMatchObject({
      line: 3,
      status: 'invalid',
      problems: [expect.objectContaining({ line: 3 })],
    });
    expect(await stack.prisma.userAccount.count({ where: { username: { contains: t } } })).toBe(1);
  });

  it('given the same Idempotency-Key twice, then the same job answers and the file is imported once', async () => {
    const t = tag();
    const key = `nhap-${t}-lan-1`;
    const body = { kind: 'accounts', csv: accountsCsv(t, 2) };
    const first = await admin.post('/api/admin/imports').set('Idempotency-Key', key).send(body).expect(202);
    const second = await admin.post('/api/admin/imports').set('Idempotency-Key', key).send(body).expect(202);
    expect(second.body.id).toBe(first.body.id);
    expect(
      await stack.prisma.auditEntry.count({
        where: { action: 'admin.import_start', after: { path: ['jobId'], equals: first.body.id } },
      }),
    ).toBe(1);
    await finished(first.body.id);
    expect(await stack.prisma.userAccount.count({ where: { username: { contains: t } } })).toBe(2);
    const list = await admin.get('/api/admin/imports?limit=5').expect(200);
    expect(list.body.items.map((j: { id: string }) => j.id)).toContain(first.body.id);
  });

  it('given a bad request, a secretary, no token, an unknown job or a file too large, then 400, 403, 401, 404 and 413', async () => {
    const noKind = await admin.post('/api/admin/imports').send({ csv: 'a' }).expect(400);
    expect(noKind.body.errors.map((e: { field: string }) => e.field)).toContain('kind');
    const both = await admin.post('/api/admin/imports').send({ kind: 'accounts', csv: 'a', xlsx: 'YQ==' });
    expect(both.status).toBe(400);
    expect(both.body.errors[0].field).toBe('csv');
    await admin
      .post('/api/admin/imports')
      .set('Idempotency-Key', 'x')
      .send({ kind: 'accounts', csv: 'a' })
      .expect(400);
    await secretary.post('/api/admin/imports').send({ kind: 'accounts', csv: 'a' }).expect(403);
    await client(http).post('/api/admin/imports').send({ kind: 'accounts', csv: 'a' }).expect(401);
    await secretary.get(`/api/admin/imports/${randomUUID()}`).expect(403);
    await admin.get(`/api/admin/imports/${randomUUID()}`).expect(404);
    await admin.get('/api/admin/imports/khong-phai-ma').expect(400);
    const huge = 'ten_dang_nhap,ho_ten\n' + 'a,b\n'.repeat(250_000);
    await admin.post('/api/admin/imports').send({ kind: 'accounts', csv: huge }).expect(413);
  });

  it('given a file with an unknown column, then the job is rejected naming the file problem', async () => {
    const started = await admin
      .post('/api/admin/imports')
      .send({ kind: 'accounts', csv: 'ten_dang_nhap,ho_ten,cot_la\nx1,Người,1\n' })
      .expect(202);
    const job = await finished(started.body.id);
    expect(job.status).toBe('rejected');
    expect(job.fileProblems[0]).toMatchObject({ line: 1, field: 'cot_la' });
  });
});
