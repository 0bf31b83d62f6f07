/** The command line administers accounts with the same rules as the API, audited as `cli:<os user>`. */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type PrismaClient, createPrismaClient } from '@kientoan/platform';
import { givenAdmin, givenWard } from '../support/factories';
import { readTestEnvironment } from '../support/test-environment';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist/apps/cli/apps/cli/src/main.js');

describe('Account commands (built CLI, e2e)', () => {
  let prisma: PrismaClient;
  let databaseUrl: string;

  beforeAll(() => {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first`);
    databaseUrl = readTestEnvironment().databaseUrl;
    prisma = createPrismaClient({ url: databaseUrl, poolSize: 2 });
  });

  afterAll(async () => {
    await prisma?.$disconnect();
  });

  const cli = (...args: string[]) => {
    const result = spawnSync(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'test' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  };

  it('given "account create", then the account exists with a temporary password to change, and the creation is audited', async () => {
    const { code } = await givenWard(prisma, { committeeSize: 0 });
    const username = `cli-${randomBytes(3).toString('hex')}`;
    const { status, output } = cli(
      'account',
      'create',
      username,
      '--name',
      'Người tạo bằng CLI',
      '--role',
      `secretary@${code}`,
    );
    expect(status).toBe(0);
    expect(output).toMatch(new RegExp(`Tài khoản ${username}: mật khẩu tạm thời \\S{16}`));
    const account = await prisma.userAccount.findUniqueOrThrow({
      where: { username },
      include: { wardRoles: true },
    });
    expect(account).toMatchObject({
      mustChangePassword: true,
      wardRoles: [{ wardCode: code, role: 'secretary' }],
    });
    const audit = await prisma.auditEntry.findFirstOrThrow({
      where: { action: 'account.create', after: { path: ['username'], equals: username } },
    });
    expect(audit.actorId).toBe(`cli:${os.userInfo().username}`);
  });

  it('given "bootstrap-admin" while an admin exists, then it refuses and creates nothing', async () => {
    await givenAdmin(prisma);
    const username = `boot-${randomBytes(3).toString('hex')}`;
    const { status, output } = cli('bootstrap-admin', username);
    expect(status).toBe(2);
    expect(output).toContain('An admin exists already');
    expect(await prisma.userAccount.count({ where: { username } })).toBe(0);
  });

  it('given "import-accounts" with bad rows, then it lists every bad row, stores nothing and fails', async () => {
    const tag = randomBytes(3).toString('hex');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kientoan-cli-')), 'accounts.csv');
    fs.writeFileSync(
      file,
      `username,display_name,roles\nok-${tag},Người tốt,\nBAD NAME,Sai,\nok2-${tag},,\n`,
    );
    const { status, output } = cli('import-accounts', file);
    expect(status).toBe(1);
    expect(output).toContain('Dòng 3, username');
    expect(output).toContain('Dòng 4, displayName');
    expect(await prisma.userAccount.count({ where: { username: { contains: tag } } })).toBe(0);
  });
});
