/** What the delegation endpoints send, as Zod schemas: documented in OpenAPI and the web app's types. */
import { z } from 'zod';
import { timestamp } from '../common/openapi/api-responses';

export const delegationSchema = z.object({
  id: z.uuid(),
  fromUserId: z.string(),
  toUserId: z.string(),
  wardCode: z.string(),
  role: z.enum(['secretary', 'reviewer', 'approver']),
  memberId: z.string().nullable(),
  validFrom: timestamp,
  validTo: timestamp,
  reason: z.string().nullable(),
  createdAt: timestamp,
});
export const delegationListSchema = z.object({
  given: z.array(delegationSchema),
  received: z.array(delegationSchema),
});
