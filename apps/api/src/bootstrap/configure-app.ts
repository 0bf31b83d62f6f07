import type { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { SwaggerModule } from '@nestjs/swagger';
import { environmentFrom } from '@kientoan/platform';
import helmet from 'helmet';
import { HttpErrorFilter } from '../common/errors/http-error.filter';
import { requestContext } from '../common/http/request-context.middleware';
import { applyGlobalPrefix, buildOpenApiDocument } from '../openapi/openapi-document';
import { serveWebApp } from './serve-web-app';

/** Everything main.ts applies to the app, shared with the e2e tests so they test what runs. */
export const configureApp = (app: INestApplication): void => {
  const env = environmentFrom(app.get(ConfigService));
  app.use(requestContext);
  // Security headers; the API docs page needs inline scripts, so its CSP allows them.
  app.use(helmet({ contentSecurityPolicy: false }));
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
