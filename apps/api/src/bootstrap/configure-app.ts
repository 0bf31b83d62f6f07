import type { INestApplication } from '@nestjs/common';
import type { Express, NextFunction, Request, Response } from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigService } from '@nestjs/config';
import { SwaggerModule } from '@nestjs/swagger';
import { environmentFrom } from '@kientoan/platform';
import helmet from 'helmet';
import { z } from 'zod';
import { HttpErrorFilter } from '../common/errors/http-error.filter';
import { CONTENT_SECURITY_POLICY } from '../common/http/content-security-policy';
import { jsonOnly } from '../common/http/json-only.middleware';
import { requestContext } from '../common/http/request-context.middleware';
import { ShutdownGate } from '../common/http/shutdown-gate';
import { applyGlobalPrefix, buildOpenApiDocument } from '../openapi/openapi-document';
import { serveWebApp } from './serve-web-app';

/** Everything main.ts applies to the app, shared with the e2e tests so they test what runs. */
export const configureApp = (app: INestApplication): void => {
  const env = environmentFrom(app.get(ConfigService));
  // Which proxies may name the client (X-Forwarded-For): the address sign-in throttling and the audit use.
  (app.getHttpAdapter().getInstance() as Express).set('trust proxy', trustProxy(env.API_TRUST_PROXY));
  // zod speaks Vietnamese wherever the product has no wording of its own (zod-issue-messages.ts words the rest).
  z.config(z.locales.vi());
  app.use(requestContext);
  app.use(app.get(ShutdownGate).middleware);
  app.use('/api', jsonOnly);
  // The API's answers are one person's (ward offices share computers): never stored by a browser or a proxy,
  // unless an endpoint says otherwise. So no ETag either (it would only cost a hash of every body).
  (app.getHttpAdapter().getInstance() as Express).set('etag', false);
  app.use('/api', (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  // Bodies up to two drafts of the configured size (resolution and decision) plus the rest; larger is a 413
  // before parsing. The draft's own limits (lines and bytes) are checked by the submit use case.
  (app as NestExpressApplication).useBodyParser('json', { limit: 2 * env.DRAFT_MAX_BYTES + 16_384 });
  // Security headers with a Content-Security-Policy everywhere: same-origin scripts and styles only.
  app.use(helmet({ contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY } }));
  // Swagger UI (/docs) and the web app's pages (antd writes its styles at run time, CSS-in-JS) also need
  // inline styles; scripts stay same-origin only everywhere.
  const inlineStyles = helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: { ...CONTENT_SECURITY_POLICY, styleSrc: ["'self'", "'unsafe-inline'"] },
  });
  app.use((req: Request, res: Response, next: NextFunction) =>
    /^\/(api|health)(\/|-|$)/.test(req.path) ? next() : inlineStyles(req, res, next),
  );
  serveWebApp(app, env.WEB_DIST_DIR);
  applyGlobalPrefix(app);
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableCors({
    origin: env.API_CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  });
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app));
};

/** "true"/"false", a hop count, or Express's list of names and subnets ("loopback", "10.0.0.0/8, uniquelocal"). */
const trustProxy = (setting: string): boolean | number | string => {
  if (setting === 'true' || setting === 'false') return setting === 'true';
  return /^\d+$/.test(setting) ? Number(setting) : setting;
};
