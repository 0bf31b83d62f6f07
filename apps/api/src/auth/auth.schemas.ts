import { z } from 'zod';

export const loginSchema = z
  .object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) })
  .strict();
export const refreshSchema = z.object({ refreshToken: z.string().min(20).max(200) }).strict();
