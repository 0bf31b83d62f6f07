/**
 * Accounts and standing-committee members from a spreadsheet export (CSV, Vietnamese or English headings):
 * every row is checked, every bad row is named with the reason, and either all rows are stored (in one
 * transaction, each with its audit entry) or none.
 */
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { isDomainError } from '@kientoan/domain';
import type { Prisma } from '../../../../prisma/generated/client/client';
import { hashPassword } from '../auth/password-hasher';
import {
  type CommitteeMemberInput,
  type CreateAccount,
  committeeMemberSchema,
  createAccountSchema,
} from './account-commands';
import {
  type AccountAdministration,
  type AccountView,
  type AuditSink,
  type MemberView,
  generateTemporaryPassword,
} from './account-administration';

export interface RowProblem {
  /** The line of the file (1 = the heading). 0: the file as a whole. */
  readonly line: number;
  readonly field: string;
  readonly message: string;
  readonly messageEn: string;
}

export type ImportResult<T> =
  | {
      readonly ok: true;
      readonly dryRun: boolean;
      readonly created: readonly (T & { readonly line: number })[];
    }
  | { readonly ok: false; readonly dryRun: boolean; readonly problems: readonly RowProblem[] };

export interface ImportOptions {
  /** Check every row against the database as the import would (in a transaction rolled back), store nothing. */
  readonly dryRun?: boolean;
}

/** Column headings (after lower-casing, trimming, spaces → "_") and the field each one fills. */
const ACCOUNT_COLUMNS: Readonly<Record<string, string>> = {
  ten_dang_nhap: 'username',
  username: 'username',
  ho_ten: 'displayName',
  ten_hien_thi: 'displayName',
  display_name: 'displayName',
  vai_tro: 'roles',
  roles: 'roles',
  ma_uy_vien: 'memberId',
  member_id: 'memberId',
};
const MEMBER_COLUMNS: Readonly<Record<string, string>> = {
  ma_xa: 'wardCode',
  ma_xa_phuong: 'wardCode',
  ward_code: 'wardCode',
  ma: 'id',
  id: 'id',
  ho_ten: 'fullName',
  full_name: 'fullName',
  chuc_vu: 'position',
  position: 'position',
  tu_ngay: 'servedFrom',
  served_from: 'servedFrom',
  den_ngay: 'servedTo',
  served_to: 'servedTo',
  ten_dang_nhap: 'username',
  username: 'username',
};

const vi = z.locales.vi();

interface Row {
  readonly line: number;
  readonly values: Record<string, string>;
}

const readRows = (
  csv: string,
  columns: Readonly<Record<string, string>>,
  required: readonly string[],
): { rows: Row[]; problems: RowProblem[] } => {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csv, {
      bom: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    const reason = error instanceof Error ? error.message : String(error);
    return {
      rows: [],
      problems: [{ line, field: 'file', message: `Tệp CSV không đọc được: ${reason}`, messageEn: reason }],
    };
  }
  const [heading, ...body] = records;
  if (!heading) return { rows: [], problems: [problem(0, 'file', 'Tệp trống.', 'The file is empty.')] };
  const fields = heading.record.map((h) => columns[h.toLowerCase().replace(/\s+/g, '_')]);
  const problems: RowProblem[] = [];
  heading.record.forEach((h, i) => {
    if (!fields[i]) problems.push(problem(1, h, `Cột "${h}" không được hỗ trợ.`, `Unknown column "${h}".`));
  });
  for (const name of required)
    if (!fields.includes(name))
      problems.push(problem(1, name, `Thiếu cột ${name}.`, `The column ${name} is missing.`));
  const rows = body.map(({ record, info }) => ({
    line: info.lines,
    values: Object.fromEntries(
      fields.flatMap((f, i) => (f && record[i] !== undefined && record[i] !== '' ? [[f, record[i]]] : [])),
    ),
  }));
  return { rows, problems };
};

const problem = (line: number, field: string, message: string, messageEn: string): RowProblem => ({
  line,
  field,
  message,
  messageEn,
});

const schemaProblems = (line: number, error: z.ZodError): RowProblem[] =>
  error.issues.map((issue) => {
    const field = issue.path.join('.') || 'row';
    const localized = vi.localeError(issue as never);
    const reason = typeof localized === 'string' ? localized : (localized?.message ?? issue.message);
    return problem(line, field, `${field}: ${reason}`, issue.message);
  });

/** "secretary@phuong-x; reviewer@phuong-y; supervisor; admin" → the account's roles. */
const parseRoles = (text: string | undefined) => {
  const wardRoles: { wardCode: string; role: string }[] = [];
  let supervisor = false;
  let admin = false;
  for (const part of (text ?? '')
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [role, wardCode] = part.split('@').map((p) => p.trim());
    if (role === 'supervisor' && !wardCode) supervisor = true;
    else if (role === 'admin' && !wardCode) admin = true;
    else wardRoles.push({ role: role ?? '', wardCode: wardCode ?? '' });
  }
  return { wardRoles, supervisor, admin };
};

class Rollback extends Error {}

/**
 * Checks and stores the rows in order in one transaction (each check sees the rows before it), keeps going
 * after a bad row so every one is named, and rolls everything back if any row was bad — or always, in a dry run.
 */
const storeAll = async <I, T extends object>(
  transaction: (fn: (tx: Prisma.TransactionClient) => Promise<void>) => Promise<void>,
  rows: readonly { line: number; input: I }[],
  problems: RowProblem[],
  store: (tx: Prisma.TransactionClient, input: I) => Promise<T>,
  dryRun: boolean,
): Promise<ImportResult<T>> => {
  const created: (T & { line: number })[] = [];
  try {
    await transaction(async (tx) => {
      for (const { line, input } of rows) {
        try {
          created.push({ ...(await store(tx, input)), line });
        } catch (error) {
          if (!isDomainError(error)) throw error;
          const field = typeof error.details.field === 'string' ? error.details.field : 'row';
          problems.push(problem(line, field, error.messageVi, error.messageEn));
        }
      }
      if (problems.length > 0 || dryRun) throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
    if (problems.length === 0) return { ok: true, dryRun, created };
    return { ok: false, dryRun, problems: [...problems].sort((a, b) => a.line - b.line) };
  }
  return { ok: true, dryRun, created };
};

export interface ImportedAccount {
  readonly account: AccountView;
  /** Answered once, to hand over; it must be changed at first sign-in. Null in a dry run (nothing stored). */
  readonly temporaryPassword: string | null;
}

/** Stands in for the hash in a dry run: the rows are rolled back, so no password is made or kept. */
const DRY_RUN_HASH = 'dry-run$not-a-password';

/** Columns: ten_dang_nhap/username, ho_ten/display_name, vai_tro/roles, ma_uy_vien/member_id. */
export const importAccounts = async (
  admin: AccountAdministration,
  csv: string,
  audit: AuditSink,
  { dryRun = false }: ImportOptions = {},
): Promise<ImportResult<ImportedAccount>> => {
  const { rows, problems } = readRows(csv, ACCOUNT_COLUMNS, ['username', 'displayName']);
  const valid: { line: number; input: CreateAccount }[] = [];
  const seen = new Map<string, number>();
  for (const { line, values } of rows) {
    const parsed = createAccountSchema.safeParse({
      username: values.username,
      displayName: values.displayName,
      memberId: values.memberId,
      ...parseRoles(values.roles),
    });
    if (!parsed.success) {
      problems.push(...schemaProblems(line, parsed.error));
      continue;
    }
    const earlier = seen.get(parsed.data.username);
    if (earlier !== undefined)
      problems.push(
        problem(
          line,
          'username',
          `Tên đăng nhập "${parsed.data.username}" trùng với dòng ${earlier}.`,
          `The username "${parsed.data.username}" repeats line ${earlier}.`,
        ),
      );
    seen.set(parsed.data.username, line);
    valid.push({ line, input: parsed.data });
  }
  if (problems.length > 0 && valid.length === 0) return { ok: false, dryRun, problems };
  // scrypt is slow on purpose: hash before the transaction opens (a dry run makes no password at all).
  type Prepared = { command: CreateAccount; temporaryPassword: string | null; hash: string };
  const prepared = await Promise.all(
    valid.map(async ({ line, input }): Promise<{ line: number; input: Prepared }> => {
      if (dryRun) return { line, input: { command: input, temporaryPassword: null, hash: DRY_RUN_HASH } };
      const temporaryPassword = generateTemporaryPassword();
      return {
        line,
        input: { command: input, temporaryPassword, hash: await hashPassword(temporaryPassword) },
      };
    }),
  );
  return storeAll(
    admin.transaction,
    prepared,
    problems,
    async (tx, { command, temporaryPassword, hash }): Promise<ImportedAccount> => {
      await admin.checkNew(tx, command);
      return { account: await admin.insertAccount(tx, command, hash, audit), temporaryPassword };
    },
    dryRun,
  );
};

/** Columns: ma_xa/ward_code, ho_ten/full_name, chuc_vu/position, tu_ngay/served_from, den_ngay/served_to, ma/id, ten_dang_nhap/username. */
export const importCommitteeMembers = async (
  admin: AccountAdministration,
  csv: string,
  audit: AuditSink,
  { dryRun = false }: ImportOptions = {},
): Promise<ImportResult<MemberView>> => {
  const { rows, problems } = readRows(csv, MEMBER_COLUMNS, [
    'wardCode',
    'fullName',
    'position',
    'servedFrom',
  ]);
  const valid: { line: number; input: { wardCode: string; member: CommitteeMemberInput } }[] = [];
  for (const { line, values } of rows) {
    const { wardCode, ...member } = values;
    const parsed = committeeMemberSchema.safeParse(member);
    if (!wardCode)
      problems.push(problem(line, 'wardCode', 'Thiếu mã xã, phường.', 'The ward code is missing.'));
    if (!parsed.success) problems.push(...schemaProblems(line, parsed.error));
    else if (wardCode) valid.push({ line, input: { wardCode, member: parsed.data } });
  }
  return storeAll(
    admin.transaction,
    valid,
    problems,
    async (tx, { wardCode, member }) =>
      admin.insertMember(tx, wardCode, member, await admin.checkNewMember(tx, wardCode, member), audit),
    dryRun,
  );
};

/** One row of an import file, checked on its own and against the rows before it (not yet the database). */
export interface ParsedImportRow<I> {
  readonly line: number;
  /** The command to store; absent when the row could not be read. */
  readonly input?: I;
  readonly problems: readonly RowProblem[];
}

export interface ParsedImport<I> {
  /** Problems of the file as a whole (line 0 or 1: unreadable, unknown or missing columns). */
  readonly fileProblems: readonly RowProblem[];
  readonly rows: readonly ParsedImportRow<I>[];
}

export type MemberImportInput = { wardCode: string; member: CommitteeMemberInput };

/**
 * The rows of an accounts file, each with its own problems (a background import checks them one by one
 * against the database later). Catches in-file repeats: a username or a committee member named twice.
 */
export const parseAccountImport = (csv: string): ParsedImport<CreateAccount> => {
  const { rows, problems: fileProblems } = readRows(csv, ACCOUNT_COLUMNS, ['username', 'displayName']);
  const usernames = new Map<string, number>();
  const members = new Map<string, number>();
  return {
    fileProblems,
    rows: rows.map(({ line, values }) => {
      const parsed = createAccountSchema.safeParse({
        username: values.username,
        displayName: values.displayName,
        memberId: values.memberId,
        ...parseRoles(values.roles),
      });
      if (!parsed.success) return { line, problems: schemaProblems(line, parsed.error) };
      const problems: RowProblem[] = [];
      const earlier = usernames.get(parsed.data.username);
      if (earlier !== undefined)
        problems.push(
          problem(
            line,
            'username',
            `Tên đăng nhập "${parsed.data.username}" trùng với dòng ${earlier}.`,
            `The username "${parsed.data.username}" repeats line ${earlier}.`,
          ),
        );
      else usernames.set(parsed.data.username, line);
      const memberId = parsed.data.memberId;
      const memberLine = memberId ? members.get(memberId) : undefined;
      if (memberId && memberLine !== undefined)
        problems.push(
          problem(
            line,
            'memberId',
            `Ủy viên "${memberId}" đã gắn với tài khoản ở dòng ${memberLine}.`,
            `The member "${memberId}" is already linked on line ${memberLine}.`,
          ),
        );
      else if (memberId) members.set(memberId, line);
      return { line, input: parsed.data, problems };
    }),
  };
};

/** The rows of a committee file, each with its own problems; catches a member id or a username named twice. */
export const parseMemberImport = (csv: string): ParsedImport<MemberImportInput> => {
  const { rows, problems: fileProblems } = readRows(csv, MEMBER_COLUMNS, [
    'wardCode',
    'fullName',
    'position',
    'servedFrom',
  ]);
  const ids = new Map<string, number>();
  const usernames = new Map<string, number>();
  return {
    fileProblems,
    rows: rows.map(({ line, values }) => {
      const { wardCode, ...member } = values;
      const parsed = committeeMemberSchema.safeParse(member);
      const problems: RowProblem[] = [];
      if (!wardCode)
        problems.push(problem(line, 'wardCode', 'Thiếu mã xã, phường.', 'The ward code is missing.'));
      if (!parsed.success) return { line, problems: [...problems, ...schemaProblems(line, parsed.error)] };
      const { id, username } = parsed.data;
      const idLine = id ? ids.get(id) : undefined;
      if (id && idLine !== undefined)
        problems.push(
          problem(
            line,
            'id',
            `Mã "${id}" trùng với dòng ${idLine}.`,
            `The id "${id}" repeats line ${idLine}.`,
          ),
        );
      else if (id) ids.set(id, line);
      const userLine = username ? usernames.get(username) : undefined;
      if (username && userLine !== undefined)
        problems.push(
          problem(
            line,
            'username',
            `Tài khoản "${username}" đã gắn với ủy viên ở dòng ${userLine}.`,
            `The account "${username}" is already linked on line ${userLine}.`,
          ),
        );
      else if (username) usernames.set(username, line);
      return wardCode ? { line, input: { wardCode, member: parsed.data }, problems } : { line, problems };
    }),
  };
};
