import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Connection } from '@temporalio/client';
import type { PrismaClient } from '@kientoan/platform';
import { Public } from '../auth/public.decorator';
import { PRISMA, TEMPORAL_CONNECTION } from '../infrastructure/infrastructure.module';
import { z } from 'zod';
import { ApiResult } from '../common/openapi/api-responses';

const check = z.object({
  status: z.enum(['up', 'down']),
  latencyMs: z.number(),
  error: z.string().optional(),
});
const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  checks: z.object({ postgres: check, temporal: check }),
});

interface Check {
  status: 'up' | 'down';
  latencyMs: number;
  error?: string;
}

const CHECK_TIMEOUT_MS = 2_000;

const timed = async (probe: () => Promise<unknown>): Promise<Check> => {
  const started = Date.now();
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS).unref()),
    ]);
    return { status: 'up', latencyMs: Date.now() - started };
  } catch (error) {
    return {
      status: 'down',
      latencyMs: Date.now() - started,
      error: error instanceof Error ? error.message : String(error),
    };
  }
};

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(TEMPORAL_CONNECTION) private readonly temporal: Connection,
  ) {}

  @Get()
  @ApiResult(healthSchema, 200, 'PostgreSQL and Temporal are up')
  @ApiResult(healthSchema, 503, 'One of them is down')
  @ApiOperation({ summary: 'Tình trạng hệ thống / PostgreSQL and Temporal reachability' })
  async check(@Res({ passthrough: true }) res: Response) {
    const [postgres, temporal] = await Promise.all([
      timed(() => this.prisma.$queryRaw`SELECT 1`),
      timed(() => this.temporal.healthService.check({})),
    ]);
    const status = postgres.status === 'up' && temporal.status === 'up' ? 'ok' : 'degraded';
    res.status(status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status, checks: { postgres, temporal } };
  }
}
