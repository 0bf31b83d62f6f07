import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

const logger = new Logger('http');
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * Gives every request an id (the caller's X-Request-Id if well-formed, else a new one), returns it, and logs
 * method, path, status and duration with it. Never logs headers, bodies or query strings (tokens, passwords).
 * A request whose client went away before the answer was sent is logged too ("abandoned"): those are the
 * requests that waited on something slow or down.
 */
export const requestContext = (
  req: Request & { requestId?: string; receivedAt?: number },
  res: Response,
  next: NextFunction,
): void => {
  const given = req.header('x-request-id');
  const id = given && REQUEST_ID.test(given) ? given : randomUUID();
  req.requestId = id;
  res.setHeader('X-Request-Id', id);
  const started = Date.now();
  // Time budgets (an action's ACTION_WAIT_MS) count from here, not from when a use case begins.
  req.receivedAt = started;
  res.on('finish', () => {
    logger.log(`${id} ${req.method} ${req.path} ${res.statusCode} ${Date.now() - started}ms`);
  });
  res.on('close', () => {
    if (!res.writableFinished)
      logger.warn(`${id} ${req.method} ${req.path} abandoned by the client after ${Date.now() - started}ms`);
  });
  next();
};
