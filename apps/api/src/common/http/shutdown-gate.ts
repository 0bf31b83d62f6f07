import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ServiceUnavailable, unavailableResponse } from '../errors/service-unavailable.error';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Closes the door to new actions when the process is asked to stop (SIGTERM with shutdown hooks): requests
 * already running finish, reads still answer, and a new write is refused with 503 SERVICE_SHUTTING_DOWN so the
 * client retries against the restarted API instead of having its action cut off half-way.
 */
@Injectable()
export class ShutdownGate implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ShutdownGate.name);
  private closing = false;

  get isClosing(): boolean {
    return this.closing;
  }

  beforeApplicationShutdown(signal?: string): void {
    this.closing = true;
    this.logger.log(`Stopping (${signal ?? 'close'}): new actions are refused with 503 until restart`);
  }

  /** Express middleware (it answers itself: Nest's filter does not see errors of app-level middleware). */
  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    if (!this.closing || READS.has(req.method)) return next();
    const refusal = ServiceUnavailable.shuttingDown();
    res.setHeader('Retry-After', String(refusal.retryAfterSeconds));
    res.setHeader('Connection', 'close');
    res.status(503).json(unavailableResponse(refusal));
  };
}
