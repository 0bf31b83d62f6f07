/**
 * `cli account …`, `cli committee …`, `cli import-accounts|import-committee <file.csv>` and
 * `cli bootstrap-admin <username>`: the admin API's actions from a shell on the server (the same
 * AccountAdministration, the same validation, audited as `cli:<os user>`).
 */
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { Logger } from '@nestjs/common';
import { type z } from 'zod';
import { isDomainError } from '@kientoan/domain';
import {
  AccountAdministration,
  type AuditSink,
  type PrismaClient,
  type RowProblem,
  committeeMemberSchema,
  committeeQuerySchema,
  createAccountSchema,
  importAccounts,
  importCommitteeMembers,
  pageQuerySchema,
  updateCommitteeMemberSchema,
  wardRoleSchema,
} from '@kientoan/platform';

export const ACCOUNT_USAGE = [
  'cli bootstrap-admin <username> [--name "<display name>"]   (only while no admin exists)',
  'cli account create <username> --name "<display name>" [--role secretary@<ward>]… [--supervisor] [--admin] [--member <member id>]',
  'cli account list [--after <username>] [--limit N]',
  'cli account disable|enable|password <username>',
  'cli account role-add|role-remove <username> <secretary|reviewer>@<ward>',
  'cli committee list <ward> [--serving-on YYYY-MM-DD]',
  'cli committee add <ward> --name "<full name>" --position "<position>" --from YYYY-MM-DD [--to YYYY-MM-DD] [--id <id>] [--username <account>]',
  'cli committee end <ward> <member id> --to YYYY-MM-DD',
  'cli import-accounts <file.csv> | cli import-committee <file.csv>',
].join('\n  ');

/** Who acts from a shell on the server: `cli:<os user>`. */
export const cliActor = () => `cli:${os.userInfo().username}`.slice(0, 64);

/** Audit entries written by the CLI: the OS user as actor, the host as client address. */
export const cliAuditSink =
  (by: string): AuditSink =>
  (tx, entry) =>
    tx.auditEntry
      .create({
        data: {
          actorId: by,
          role: entry.role,
          action: entry.action,
          wardCode: entry.wardCode ?? null,
          before: entry.before === undefined ? undefined : (entry.before as object),
          after: entry.after === undefined ? undefined : (entry.after as object),
          clientAddress: os.hostname().slice(0, 100),
        },
      })
      .then(() => undefined);

class UsageError extends Error {}

const parse = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> => {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new UsageError(
    result.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '),
  );
};

const roleGrant = (text: string | undefined) => {
  const [role, wardCode] = (text ?? '').split('@');
  return parse(wardRoleSchema, { role, wardCode });
};

export const runAccountCommand = async (
  prisma: PrismaClient,
  command: string,
  args: string[],
  logger = new Logger('accounts'),
): Promise<number> => {
  const by = cliActor();
  const audit = cliAuditSink(by);
  const admin = new AccountAdministration(prisma);
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      role: { type: 'string', multiple: true },
      supervisor: { type: 'boolean' },
      admin: { type: 'boolean' },
      member: { type: 'string' },
      position: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      id: { type: 'string' },
      username: { type: 'string' },
      after: { type: 'string' },
      limit: { type: 'string' },
      'serving-on': { type: 'string' },
    },
  });
  const print = (value: unknown) => logger.log(JSON.stringify(value, null, 2));
  const handOver = ({
    account,
    temporaryPassword,
  }: {
    account: { username: string };
    temporaryPassword: string | null;
  }) =>
    logger.log(
      `Tài khoản ${account.username}: mật khẩu tạm thời ${temporaryPassword} (đổi khi đăng nhập lần đầu / change it at first sign-in)`,
    );
  const reportProblems = (problems: readonly RowProblem[], file: string) => {
    logger.error(`Không nhập gì / nothing imported: ${problems.length} problem(s) in ${file}`);
    for (const p of problems)
      logger.error(`Dòng ${p.line}, ${p.field}: ${p.message} (line ${p.line}: ${p.messageEn})`);
    return 1;
  };
  const [sub, first, second] = positionals;
  try {
    switch (command) {
      case 'bootstrap-admin': {
        if (await prisma.userAccount.count({ where: { admin: true, disabledAt: null, demo: false } }))
          throw new UsageError(
            'An admin exists already: use "cli account create … --admin" as that admin would.',
          );
        handOver(
          await admin.create(
            parse(createAccountSchema, {
              username: sub,
              displayName: values.name ?? 'Quản trị hệ thống',
              admin: true,
            }),
            audit,
          ),
        );
        return 0;
      }
      case 'import-accounts':
      case 'import-committee': {
        if (!sub) throw new UsageError(ACCOUNT_USAGE);
        const csv = fs.readFileSync(sub, 'utf8');
        if (command === 'import-accounts') {
          const result = await importAccounts(admin, csv, audit);
          if (!result.ok) return reportProblems(result.problems, sub);
          result.created.forEach(handOver);
          return 0;
        }
        const result = await importCommitteeMembers(admin, csv, audit);
        if (!result.ok) return reportProblems(result.problems, sub);
        logger.log(`Imported ${result.created.length} committee members`);
        return 0;
      }
      case 'account':
        switch (sub) {
          case 'create':
            handOver(
              await admin.create(
                parse(createAccountSchema, {
                  username: first,
                  displayName: values.name,
                  supervisor: values.supervisor ?? false,
                  admin: values.admin ?? false,
                  memberId: values.member,
                  wardRoles: (values.role ?? []).map(roleGrant),
                }),
                audit,
              ),
            );
            return 0;
          case 'list':
            print(await admin.list(parse(pageQuerySchema, { after: values.after, limit: values.limit })));
            return 0;
          case 'disable':
          case 'enable':
            print(await admin.setDisabled(first ?? '', sub === 'disable', audit, by));
            return 0;
          case 'password':
            handOver(await admin.setTemporaryPassword(first ?? '', {}, audit));
            return 0;
          case 'role-add':
            print(await admin.grantRole(first ?? '', roleGrant(second), audit));
            return 0;
          case 'role-remove':
            print(await admin.revokeRole(first ?? '', roleGrant(second), audit, by));
            return 0;
          default:
            throw new UsageError(ACCOUNT_USAGE);
        }
      case 'committee':
        switch (sub) {
          case 'list':
            print(
              await admin.listMembers(
                first ?? '',
                parse(committeeQuerySchema, {
                  servingOn: values['serving-on'],
                  limit: values.limit,
                  after: values.after,
                }),
              ),
            );
            return 0;
          case 'add':
            print(
              await admin.addMember(
                first ?? '',
                parse(committeeMemberSchema, {
                  id: values.id,
                  fullName: values.name,
                  position: values.position,
                  servedFrom: values.from,
                  servedTo: values.to,
                  username: values.username,
                }),
                audit,
              ),
            );
            return 0;
          case 'end':
            print(
              await admin.updateMember(
                first ?? '',
                second ?? '',
                parse(updateCommitteeMemberSchema, { servedTo: values.to }),
                audit,
                by,
              ),
            );
            return 0;
          default:
            throw new UsageError(ACCOUNT_USAGE);
        }
      default:
        throw new UsageError(ACCOUNT_USAGE);
    }
  } catch (error) {
    if (isDomainError(error)) {
      logger.error(`${error.code}: ${error.messageVi} (${error.messageEn})`);
      return 1;
    }
    if (error instanceof UsageError) {
      logger.error(error.message);
      return 2;
    }
    throw error;
  }
};
