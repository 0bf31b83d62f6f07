/**
 * Configuration shared by the API and the worker, read from the environment (and `.env` through
 * @nestjs/config). Every variable has a default that runs on one machine; README lists them all.
 */
import { z } from 'zod';
import { DEFAULT_DATABASE_URL } from '../database/prisma-client.factory';

const booleanFromString = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

export const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z.string().url().default(DEFAULT_DATABASE_URL),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  API_CORS_ORIGINS: z.string().default('http://localhost:5173,http://localhost:3000'),
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('kientoan-procedures'),
  TEMPORAL_TLS: booleanFromString,
  TEMPORAL_TLS_CERT_PATH: z.string().optional(),
  TEMPORAL_TLS_KEY_PATH: z.string().optional(),
  TEMPORAL_TLS_SERVER_NAME: z.string().optional(),
  TEMPORAL_API_KEY: z.string().optional(),
  WORKFLOW_BUNDLE_PATH: z.string().default('dist/workflow-bundle.js'),
  WORKER_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().min(1).max(1000).default(20),
});

export type Environment = z.infer<typeof environmentSchema>;

/** Validates the environment once at start-up; a bad value stops the process with the variable's name. */
export const validateEnvironment = (raw: Record<string, unknown>): Environment => {
  const parsed = environmentSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
};

/** Reads the validated environment back from any `get(key)` source (Nest's ConfigService). */
export const environmentFrom = (config: { get(key: string): unknown }): Environment =>
  Object.fromEntries(
    Object.keys(environmentSchema.shape).map((key) => [key, config.get(key)]),
  ) as Environment;
