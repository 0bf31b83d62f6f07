import fs from 'node:fs';
import path from 'node:path';
import { type INestApplication, Logger } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';

/** Paths the API owns; everything else that asks for HTML is a client route of the web app. */
const API_PATHS = /^\/(api|docs|health)(\/|-json|-yaml|$)/;

/**
 * Serves the built web app (dist/web) at `/`, same origin as the API: hashed assets cached for a year,
 * index.html never cached, and the SPA fallback for client routes (a GET asking for HTML outside the API
 * paths). Without a build (API-only tests, a fresh clone before set-up) nothing is served.
 */
export const serveWebApp = (app: INestApplication, distDir: string): void => {
  const root = path.resolve(distDir);
  const index = path.join(root, 'index.html');
  if (!fs.existsSync(index)) {
    new Logger('web').warn(`No web app build at ${root}: only the API is served`);
    return;
  }
  app.use(
    '/assets',
    express.static(path.join(root, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }),
  );
  app.use(express.static(root, { index: false, maxAge: 0 }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATHS.test(req.path) || !req.accepts('html')) {
      next();
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
};
