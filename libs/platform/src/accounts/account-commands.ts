/**
 * The commands of account and committee administration, validated by one set of schemas whether they come
 * over HTTP (`/api/admin/...`) or from the command line (`apps/cli`).
 */
import { z } from 'zod';
import { cleanText } from '@kientoan/domain';

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9][a-z0-9._-]{2,99}$/,
    'từ 3 đến 100 ký tự, chỉ gồm chữ thường không dấu (a-z), chữ số, ".", "_" hoặc "-", bắt đầu bằng chữ hoặc số',
  );
export const wardCodeSchema = z.string().min(1).max(64);
export const memberIdSchema = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9][a-z0-9._-]{1,63}$/,
    'từ 2 đến 64 ký tự, chỉ gồm chữ thường không dấu (a-z), chữ số, ".", "_" hoặc "-", bắt đầu bằng chữ hoặc số',
  );
export const passwordSchema = z.string().min(12).max(200);
const nameSchema = (max: number) => z.string().transform(cleanText).pipe(z.string().min(1).max(max));

export const WARD_ROLES = ['secretary', 'reviewer'] as const;
export type AdministeredWardRole = (typeof WARD_ROLES)[number];
export const wardRoleSchema = z.object({ wardCode: wardCodeSchema, role: z.enum(WARD_ROLES) }).strict();
export type WardRoleGrant = z.output<typeof wardRoleSchema>;

export const createAccountSchema = z
  .object({
    username: usernameSchema,
    displayName: nameSchema(200),
    /** Omitted: one is generated and answered once. Either way it must be changed at first sign-in. */
    temporaryPassword: passwordSchema.optional(),
    supervisor: z.boolean().default(false),
    admin: z.boolean().default(false),
    /** The standing-committee member this account votes as. */
    memberId: memberIdSchema.optional(),
    wardRoles: z.array(wardRoleSchema).max(50).default([]),
  })
  .strict();
export type CreateAccount = z.output<typeof createAccountSchema>;

export const temporaryPasswordSchema = z.object({ temporaryPassword: passwordSchema.optional() }).strict();
export type TemporaryPassword = z.output<typeof temporaryPasswordSchema>;

export const committeeMemberSchema = z
  .object({
    /** Omitted: `<wardCode>-btv-<n>`. */
    id: memberIdSchema.optional(),
    fullName: nameSchema(200),
    position: nameSchema(100),
    servedFrom: z.iso.date(),
    servedTo: z.iso.date().nullable().optional(),
    /** An account to vote as this member. */
    username: usernameSchema.optional(),
  })
  .strict()
  .refine((m) => !m.servedTo || m.servedTo > m.servedFrom, {
    path: ['servedTo'],
    message: 'The end of the term must be after its start',
  });
export type CommitteeMemberInput = z.output<typeof committeeMemberSchema>;

export const updateCommitteeMemberSchema = z
  .object({
    fullName: nameSchema(200).optional(),
    position: nameSchema(100).optional(),
    /** The last day after the term (exclusive); null reopens it. */
    servedTo: z.iso.date().nullable().optional(),
  })
  .strict()
  .refine((m) => Object.values(m).some((v) => v !== undefined), {
    path: ['body'],
    message: 'Nothing to change',
  });
export type UpdateCommitteeMember = z.output<typeof updateCommitteeMemberSchema>;

export const pageQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** Keyset cursor: the last key of the previous page. */
    after: z.string().min(1).max(100).optional(),
  })
  .strict();
export type PageQuery = z.output<typeof pageQuerySchema>;

export const ACCOUNT_SORTS = ['username_asc', 'username_desc', 'created_desc', 'created_asc'] as const;
export type AccountSort = (typeof ACCOUNT_SORTS)[number];

/** The admin's list of accounts: search, one ward's people, enabled or disabled, four orders, keyset pages. */
export const accountListQuerySchema = pageQuerySchema
  .extend({
    /** Part of the username or the display name (case-insensitive). */
    q: z.string().trim().min(1).max(100).optional(),
    /** Only accounts holding a role in this ward. */
    wardCode: wardCodeSchema.optional(),
    status: z.enum(['enabled', 'disabled']).optional(),
    sort: z.enum(ACCOUNT_SORTS).default('username_asc'),
    /** `next` of the previous page (for the username orders, the last username). */
    after: z.string().min(1).max(200).optional(),
  })
  .strict();
export type AccountListQuery = z.output<typeof accountListQuerySchema>;

export const committeeQuerySchema = pageQuerySchema
  .extend({
    /** Only members whose term covers this day (default: everyone, past terms included). */
    servingOn: z.iso.date().optional(),
  })
  .strict();
export type CommitteeQuery = z.output<typeof committeeQuerySchema>;
