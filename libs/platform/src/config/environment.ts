/**
 * Configuration shared by the API and the worker, read from the environment (and `.env` through
 * @nestjs/config). Every variable but AUTH_TOKEN_SECRET has a default that runs on one machine; README lists
 * them all (a unit test compares the two).
 */
import { z } from 'zod';
import { DEFAULT_DEADLINES, type DeadlinePolicy, deadlineAfter, yearInVietnam } from '@kientoan/domain';
import { holidaysAround, loadAnnouncedDays } from '../calendar/vietnam-holidays';
import { GENERATE_SECRET_HINT, isLoopbackHost, tokenSecretWeakness } from '../auth/token-secret';
import { DEFAULT_DATABASE_URL } from '../database/prisma-client.factory';

const booleanFromString = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

export const environmentSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    DATABASE_URL: z.string().url().default(DEFAULT_DATABASE_URL),
    /** Connections per API process (PostgreSQL's default max_connections is 100: leave room for the worker). */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
    /**
     * How long a request waits for a pooled connection while all are in use before the API answers 503
     * DATABASE_BUSY (the server is reachable, the API is busy; nothing was done). Unlike DATABASE_UNAVAILABLE.
     */
    DATABASE_POOL_WAIT_MS: z.coerce.number().int().min(100).max(60_000).default(3_000),
    API_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** The interface the API listens on: loopback unless a deployment says otherwise. */
    API_HOST: z.string().min(1).default('127.0.0.1'),
    /** Express "trust proxy": which proxies may set X-Forwarded-For (the client address of throttling and audit). */
    API_TRUST_PROXY: z.string().min(1).default('loopback'),
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
    /** The built web app the API serves at `/` (scripts/setup.mjs builds it). */
    WEB_DIST_DIR: z.string().default('dist/web'),
    /**
     * Activity slots per worker. The worker's PostgreSQL pool holds one connection per slot (at least
     * DATABASE_POOL_SIZE), so no activity waits for a connection.
     */
    WORKER_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().min(1).max(1000).default(10),
    /** Working days each waiting step has before a reminder (half-way) and escalation (at the deadline). */
    DEADLINE_REVIEW_DAYS: z.coerce.number().int().min(1).max(60).default(2),
    DEADLINE_DRAFT_DAYS: z.coerce.number().int().min(1).max(60).default(3),
    DEADLINE_RETURNED_DAYS: z.coerce.number().int().min(1).max(60).default(5),
    DEADLINE_VOTE_DAYS: z.coerce.number().int().min(1).max(60).default(3),
    /** Demo/test acceleration: a working day lasts this many milliseconds instead of a calendar day. */
    DEADLINE_WORKING_DAY_MS: z.coerce.number().int().min(1).optional(),
    /**
     * The longest the API waits for a human action (a workflow Update) before answering: past it, 503
     * ACTION_PENDING (accepted, will be applied) or NO_WORKER_AVAILABLE (no worker took it). Keep it under 5 s.
     */
    ACTION_WAIT_MS: z.coerce.number().int().min(1_000).max(60_000).default(4_000),
    /** How many days ahead of today a decision's effective date (and the ceremony) may be chosen at start. */
    EFFECTIVE_DATE_MAX_DAYS_AHEAD: z.coerce.number().int().min(1).max(3650).default(365),
    /**
     * Secret for signing access tokens (HS256). Required in production and when the API listens beyond
     * loopback; local development generates one under `.data/`. Weak or published values are refused.
     */
    AUTH_TOKEN_SECRET: z
      .string()
      .optional()
      .superRefine((secret, ctx) => {
        const weakness = secret === undefined ? undefined : tokenSecretWeakness(secret);
        if (weakness)
          ctx.addIssue({
            code: 'custom',
            message: `AUTH_TOKEN_SECRET is refused: ${weakness}. ${GENERATE_SECRET_HINT}`,
          });
      }),
    AUTH_ACCESS_TOKEN_SECONDS: z.coerce.number().int().min(30).max(3600).default(900),
    AUTH_REFRESH_TOKEN_DAYS: z.coerce.number().int().min(1).max(90).default(7),
    /** Failed sign-ins from one client address before it must wait (back-off doubling up to the maximum). */
    AUTH_LOGIN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(1000).default(5),
    /** Failed sign-ins on one account (from anywhere, per hour) before every attempt on it must wait. */
    AUTH_LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(10_000).default(20),
    /** The longest wait imposed on one client address (seconds). */
    AUTH_LOGIN_BACKOFF_MAX_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
    /** The longest wait imposed on one account (seconds): short, so nobody can keep its owner out. */
    AUTH_LOGIN_ACCOUNT_BACKOFF_MAX_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    /** The longest a delegation may last (days). */
    DELEGATION_MAX_DAYS: z.coerce.number().int().min(1).max(366).default(90),
    /** Largest draft a secretary may submit (each of the resolution and the decision): lines and UTF-8 bytes. */
    DRAFT_MAX_LINES: z.coerce.number().int().min(10).max(100_000).default(5_000),
    DRAFT_MAX_BYTES: z.coerce.number().int().min(1_000).max(10_000_000).default(200_000),
    /** Public holidays (YYYY-MM-DD, comma-separated) replacing the built-in Vietnamese list. */
    VN_HOLIDAYS: z
      .string()
      .regex(/^(\d{4}-\d{2}-\d{2})(,\d{4}-\d{2}-\d{2})*$/)
      .optional(),
    /** JSON file of the days off and Saturdays worked the government announced, per year (README). */
    VN_ANNOUNCED_DAYS_FILE: z.string().optional(),
  })
  .superRefine((env, ctx) => {
    // No usable default outside local development: say why the process refuses to start.
    if (env.AUTH_TOKEN_SECRET) return;
    const reason =
      env.NODE_ENV === 'production'
        ? 'NODE_ENV is production'
        : !isLoopbackHost(env.API_HOST)
          ? `API_HOST ${env.API_HOST} is reachable beyond this machine`
          : undefined;
    if (reason)
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_TOKEN_SECRET'],
        message: `AUTH_TOKEN_SECRET is required because ${reason} (at least 32 random characters). ${GENERATE_SECRET_HINT}`,
      });
  });

export type Environment = z.infer<typeof environmentSchema>;

/**
 * Variables read by the launch and set-up scripts (`npm start`, `npm test`, migrations) rather than by the
 * API and the worker. The README's configuration table lists these and every key of `environmentSchema`,
 * and nothing else (a unit test compares them).
 */
export const SCRIPT_VARIABLES = [
  'DATABASE_URL_TEST',
  'TEMPORAL_PORT',
  'TEMPORAL_UI_PORT',
  'TEMPORAL_UI_URL',
  'TEMPORAL_CLI_PATH',
  'KIENTOAN_PRISMA_ENGINE',
] as const;

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

/**
 * The deadline policy procedures are started with (stored in the workflow, so later config changes do not move
 * running deadlines), with the holidays of the years around `now`: computed from the lunar calendar and the
 * law, announced years as announced. `unannouncedYears`: years a procedure started now may have a deadline in
 * whose days the government has not announced (or that are missing from the data) — worth a warning.
 */
export const deadlinePolicyFrom = (
  env: Environment,
  now: Date = new Date(),
): DeadlinePolicy & { readonly unannouncedYears: readonly number[] } => {
  const steps = {
    reviewDays: env.DEADLINE_REVIEW_DAYS,
    draftDays: env.DEADLINE_DRAFT_DAYS,
    returnedDays: env.DEADLINE_RETURNED_DAYS,
    voteDays: env.DEADLINE_VOTE_DAYS,
  };
  const acceleration = env.DEADLINE_WORKING_DAY_MS ? { workingDayMs: env.DEADLINE_WORKING_DAY_MS } : {};
  if (env.VN_HOLIDAYS)
    return {
      ...DEFAULT_DEADLINES,
      ...steps,
      holidays: env.VN_HOLIDAYS.split(','),
      ...acceleration,
      unannouncedYears: [],
    };
  const years = holidaysAround(now, loadAnnouncedDays(env.VN_ANNOUNCED_DAYS_FILE));
  const policy: DeadlinePolicy = {
    ...DEFAULT_DEADLINES,
    ...steps,
    holidays: years.flatMap((y) => y.daysOff),
    workingDays: years.flatMap((y) => y.workingDays),
    ...acceleration,
  };
  // The latest deadline a procedure started now can have: every step in a row, one return included.
  const total = steps.reviewDays + steps.draftDays + steps.returnedDays + steps.voteDays;
  const lastYear = yearInVietnam(deadlineAfter(now, total, { ...policy, workingDayMs: undefined }));
  const unannouncedYears = years
    .filter((y) => !y.announced && y.year >= yearInVietnam(now) && y.year <= lastYear)
    .map((y) => y.year);
  return { ...policy, unannouncedYears };
};
