import { z } from 'zod';
import { cleanTextSchema } from '../common/validation/clean-text.schema';

export const createDelegationSchema = z
  .object({
    toUsername: z.string().min(1).max(100),
    wardCode: z.string().min(1).max(64),
    role: z.enum(['secretary', 'reviewer', 'approver']),
    validFrom: z.iso.datetime(),
    validTo: z.iso.datetime(),
    reason: cleanTextSchema('paragraph', 500).optional(),
  })
  .strict()
  .refine((d) => new Date(d.validTo) > new Date(d.validFrom), {
    path: ['validTo'],
    message: 'Ngày kết thúc phải sau ngày bắt đầu.',
    params: { en: 'validTo must be after validFrom.' },
  });
export type CreateDelegationBody = z.output<typeof createDelegationSchema>;

export const delegationIdSchema = z.uuid();

/** Response: one delegation. */
export const delegationSchema = z.object({
  id: z.uuid(),
  fromUserId: z.string(),
  toUserId: z.string(),
  wardCode: z.string(),
  role: z.enum(['secretary', 'reviewer', 'approver']),
  memberId: z.string().nullable(),
  validFrom: z.iso.datetime(),
  validTo: z.iso.datetime(),
  reason: z.string().nullable(),
  createdAt: z.iso.datetime(),
  /** Set when it ended early: revoked, or the delegator lost the role. */
  revokedAt: z.iso.datetime().nullable(),
  revokedBy: z.string().nullable(),
  revokedReason: z.string().nullable(),
});
export const delegationListSchema = z.object({
  given: z.array(delegationSchema),
  received: z.array(delegationSchema),
  /** The longest period a delegation may last (DELEGATION_MAX_DAYS). */
  maxDays: z.number().int(),
});
