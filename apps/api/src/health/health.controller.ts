import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Connection } from '@temporalio/client';
import { ConfigService } from '@nestjs/config';
import { type PrismaClient, databaseAnswers, environmentFrom } from '@kientoan/platform';
import { Public } from '../auth/public.decorator';
import { PRISMA, TEMPORAL_CONNECTION } from '../infrastructure/infrastructure.tokens';
import { TaskQueuePollers } from '../infrastructure/task-queue-pollers';

type PartStatus = 'up' | 'down' | 'unknown';
import { z } from 'zod';
import { ApiResult } from '../common/openapi/api-responses';

const checkSchema = z.object({
  status: z.enum(['up', 'down', 'unknown']),
  latencyMs: z.number(),
  polling: z.number().int().optional(),
  lastPollAgoMs: z.number().optional(),
});
const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  down: z.array(z.enum(['database', 'temporal', 'workers'])),
  messages: z.array(z.object({ part: z.string(), message: z.string(), messageEn: z.string() })),
  checks: z.object({ database: checkSchema, temporal: checkSchema, workers: checkSchema }),
});

interface Check {
  readonly status: PartStatus;
  readonly latencyMs: number;
}

const CHECK_TIMEOUT_MS = 2_000;
/** The pool's answer is enough when it comes this fast; otherwise the server is asked on a connection of its own. */
const POOL_PROBE_MS = 500;

/** Up or down and how long it took; never the error text (it names hosts, ports and users). */
const timed = async (probe: () => Promise<unknown>): Promise<Check> => {
  const started = Date.now();
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS).unref()),
    ]);
    return { status: 'up', latencyMs: Date.now() - started };
  } catch {
    return { status: 'down', latencyMs: Date.now() - started };
  }
};

/** Whether `probe` succeeded within `ms`. */
const timedWithin = async (ms: number, probe: () => Promise<unknown>): Promise<boolean> => {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), ms);
      }),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
};

const MESSAGES: Readonly<Record<'database' | 'temporal' | 'workers', { vi: string; en: string }>> = {
  database: { vi: 'Cơ sở dữ liệu không truy cập được.', en: 'The database is unreachable.' },
  temporal: {
    vi: 'Dịch vụ điều phối quy trình (Temporal) không truy cập được.',
    en: 'The workflow service (Temporal) is unreachable.',
  },
  workers: {
    vi: 'Không có bộ xử lý nào đang nhận việc; các thao tác trên hồ sơ tạm thời không thực hiện được.',
    en: 'No worker is polling the task queue; actions on procedures cannot be carried out for now.',
  },
};

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(TEMPORAL_CONNECTION) private readonly temporal: Connection,
    @Inject(TaskQueuePollers) private readonly pollers: TaskQueuePollers,
    @Inject(ConfigService) private readonly config: ConfigService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Tình trạng hệ thống: cơ sở dữ liệu, Temporal, bộ xử lý / Which part is up: PostgreSQL, Temporal, workers polling the task queue',
  })
  @ApiResult(healthSchema, 200, 'Every part is up')
  @ApiResult(healthSchema, 503, 'At least one part is down; `down` lists which')
  async check(@Res({ passthrough: true }) res: Response) {
    const [database, temporal, workers] = await Promise.all([
      this.database(),
      // With a gRPC deadline too: the client would otherwise keep retrying after we stopped waiting.
      timed(() =>
        this.temporal.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () =>
          this.temporal.healthService.check({}),
        ),
      ),
      this.workers(),
    ]);
    const checks = { database, temporal, workers };
    const parts = Object.keys(checks) as (keyof typeof checks)[];
    // Workers are "unknown" while Temporal is down: only Temporal is named as down then.
    const down = parts.filter((part) => checks[part].status === 'down');
    const ok = parts.every((part) => checks[part].status === 'up');
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: ok ? 'ok' : 'degraded',
      down,
      messages: down.map((part) => ({ part, message: MESSAGES[part].vi, messageEn: MESSAGES[part].en })),
      checks,
    };
  }

  /**
   * Through the pool first (the usual, cheap case). A pool whose connections are all busy (a burst) answers late
   * or not at all: then PostgreSQL is asked on a connection of its own, so /health says "down" only when the
   * server does not answer, not when the API is busy.
   */
  private async database(): Promise<Check> {
    const started = Date.now();
    const viaPool = await timedWithin(POOL_PROBE_MS, () => this.prisma.$queryRaw`SELECT 1`);
    if (viaPool) return { status: 'up', latencyMs: Date.now() - started };
    const answers = await databaseAnswers(
      environmentFrom(this.config).DATABASE_URL,
      CHECK_TIMEOUT_MS - (Date.now() - started),
    );
    return { status: answers ? 'up' : 'down', latencyMs: Date.now() - started };
  }

  private async workers(): Promise<Check & { polling?: number; lastPollAgoMs?: number }> {
    const started = Date.now();
    const status = await this.pollers.status();
    const latencyMs = Date.now() - started;
    if (!status.known) return { status: 'unknown', latencyMs };
    return {
      status: status.polling > 0 ? 'up' : 'down',
      latencyMs,
      polling: status.polling,
      ...(status.lastPollAgoMs !== undefined ? { lastPollAgoMs: status.lastPollAgoMs } : {}),
    };
  }
}
