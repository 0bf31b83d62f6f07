import fs from 'node:fs';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';

/** Paths the API owns; everything else that asks for HTML is a client route of the web app. */
const API_PATHS = /^\/(api|docs|health)(\/|-json|-yaml|$)/;

/** The compressed copies the web build writes next to each text asset (apps/web/vite.config.mts). */
const ENCODINGS = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

/** What serveWebApp needs of the application: Nest's INestApplication and a bare express app both fit. */
interface UsesMiddleware {
  use(...handlers: unknown[]): unknown;
}

const YEAR_SECONDS = 365 * 24 * 3600;

/**
 * A hashed asset (never changes under its name) as its brotli or gzip copy when the browser accepts one and
 * the build wrote it, with the original's content type; otherwise the next handler sends it as it is.
 */
const precompressed =
  (assetsDir: string) =>
  (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next();
      return;
    }
    let file: string;
    try {
      file = path.join(assetsDir, path.normalize(decodeURIComponent(req.path)));
    } catch {
      next();
      return;
    }
    if (!file.startsWith(assetsDir + path.sep)) {
      next();
      return;
    }
    res.vary('Accept-Encoding');
    // Ours in our order (brotli is the smaller): negotiation alone follows the browser's order when qualities
    // are equal, and Chrome sends "gzip, deflate, br, zstd".
    const choice = ENCODINGS.find((e) => req.acceptsEncodings(e.encoding) === e.encoding);
    if (!choice || !fs.existsSync(file + choice.suffix)) {
      next();
      return;
    }
    res.type(path.extname(file));
    res.setHeader('Content-Encoding', choice.encoding);
    res.sendFile(
      file + choice.suffix,
      { maxAge: YEAR_SECONDS * 1000, immutable: true, lastModified: true },
      (error?: Error & { code?: string; syscall?: string }) => {
        // A browser that went away (a closed tab, a cancelled preload) is not an error of the server.
        if (error && error.code !== 'ECONNABORTED' && error.syscall !== 'write' && !res.headersSent)
          next(error);
      },
    );
  };

/**
 * Serves the built web app (dist/web) at `/`, same origin as the API: hashed assets cached for a year
 * (brotli or gzip copies made at build time when the browser accepts them), index.html never cached, and
 * the SPA fallback for client routes (a GET asking for HTML outside the API paths). Without a build
 * (API-only tests, a fresh clone before set-up) nothing is served.
 */
export const serveWebApp = (app: UsesMiddleware, distDir: string): void => {
  const root = path.resolve(distDir);
  const index = path.join(root, 'index.html');
  if (!fs.existsSync(index)) {
    new Logger('web').warn(`No web app build at ${root}: only the API is served`);
    return;
  }
  const assets = path.join(root, 'assets');
  app.use('/assets', precompressed(assets));
  app.use('/assets', express.static(assets, { immutable: true, maxAge: '365d', fallthrough: false }));
  // Not for the API's own paths: a file lookup (a failed stat) on every API request costs more than the
  // read it delays, and the build holds nothing under those names.
  const files = express.static(root, { index: false, maxAge: 0 });
  app.use((req: Request, res: Response, next: NextFunction): void => {
    if (API_PATHS.test(req.path)) next();
    else void files(req, res, next);
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATHS.test(req.path) || !req.accepts('html')) {
      next();
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
};
