import type { INestApplication } from '@nestjs/common';
import type { Express } from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigService } from '@nestjs/config';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { environmentFrom } from '@kientoan/platform';
import helmet from 'helmet';
import { z } from 'zod';
import { HttpErrorFilter } from '../common/errors/http-error.filter';
import { CONTENT_SECURITY_POLICY } from '../common/http/content-security-policy';
import { requestContext } from '../common/http/request-context.middleware';
import { ShutdownGate } from '../common/http/shutdown-gate';

/** Everything main.ts applies to the app, shared with the e2e tests so they test what runs. */
export const configureApp = (app: INestApplication): void => {
  const env = environmentFrom(app.get(ConfigService));
  // Which proxies may name the client (X-Forwarded-For): the address sign-in throttling and the audit use.
  (app.getHttpAdapter().getInstance() as Express).set('trust proxy', trustProxy(env.API_TRUST_PROXY));
  // zod speaks Vietnamese wherever the product has no wording of its own (zod-issue-messages.ts words the rest).
  z.config(z.locales.vi());
  app.use(requestContext);
  app.use(app.get(ShutdownGate).middleware);
  // Bodies up to two drafts of the configured size (resolution and decision) plus the rest; larger is a 413
  // before parsing. The draft's own limits (lines and bytes) are checked by the submit use case.
  (app as NestExpressApplication).useBodyParser('json', { limit: 2 * env.DRAFT_MAX_BYTES + 16_384 });
  // Security headers with a Content-Security-Policy everywhere: same-origin scripts and styles only (the API's
  // JSON, and the web app served from `/`); Swagger UI (/docs) also needs its inline styles.
  app.use(helmet({ contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY } }));
  app.use(
    '/docs',
    helmet.contentSecurityPolicy({
      useDefaults: false,
      directives: { ...CONTENT_SECURITY_POLICY, styleSrc: ["'self'", "'unsafe-inline'"] },
    }),
  );
  app.setGlobalPrefix('api', { exclude: ['health'] });
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableCors({
    origin: env.API_CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  });
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('kientoan API')
      .setDescription(
        'Thủ tục kiện toàn tổ chức đảng ở 126 xã, phường Hà Nội / Party organization restructuring procedures',
      )
      .setVersion('0.1.0')
      .addBearerAuth({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'POST /api/auth/login → accessToken',
      })
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
};

/** "true"/"false", a hop count, or Express's list of names and subnets ("loopback", "10.0.0.0/8, uniquelocal"). */
const trustProxy = (setting: string): boolean | number | string => {
  if (setting === 'true' || setting === 'false') return setting === 'true';
  return /^\d+$/.test(setting) ? Number(setting) : setting;
};
