/** What the auth endpoints send, as Zod schemas: documented in OpenAPI and the web app's types. */
import { z } from 'zod';

export const sessionSchema = z.object({
  accessToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number().int().describe('Seconds the access token lives'),
  refreshToken: z.string(),
});

/** The signed-in account (libs/domain Actor). */
export const actorSchema = z.object({
  userId: z.string(),
  username: z.string(),
  supervisor: z.boolean(),
  admin: z.boolean(),
  wardRoles: z.record(z.string(), z.array(z.enum(['secretary', 'reviewer', 'approver']))),
  memberId: z.string().nullable(),
  actingForMembers: z.array(z.string()).optional(),
});
