import { z } from 'zod';
import { passwordSchema } from '@kientoan/platform';

export const loginSchema = z
  .object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) })
  .strict();
export const refreshSchema = z.object({ refreshToken: z.string().min(20).max(200) }).strict();

export const changePasswordSchema = z
  .object({
    username: z.string().min(1).max(100),
    /** The current (possibly temporary) password. */
    currentPassword: z.string().min(1).max(200),
    newPassword: passwordSchema,
  })
  .strict();
export type ChangePasswordBody = z.output<typeof changePasswordSchema>;

/** Response: a signed-in session. */
export const sessionSchema = z.object({
  accessToken: z.string(),
  tokenType: z.literal('Bearer'),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int(),
  refreshToken: z.string(),
});

/** Response: the signed-in account and the roles it holds now. */
export const actorSchema = z.object({
  userId: z.string(),
  username: z.string(),
  supervisor: z.boolean(),
  admin: z.boolean(),
  wardRoles: z.record(z.string(), z.array(z.enum(['secretary', 'reviewer', 'approver']))),
  memberId: z.string().nullable(),
  actingForMembers: z.array(z.string()).optional(),
});
