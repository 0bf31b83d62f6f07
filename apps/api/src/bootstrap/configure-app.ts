import type { INestApplication } from '@nestjs/common';
import type { Express } from 'express';
import { ConfigService } from '@nestjs/config';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { environmentFrom } from '@kientoan/platform';
import helmet from 'helmet';
import { HttpErrorFilter } from '../common/errors/http-error.filter';
import { requestContext } from '../common/http/request-context.middleware';

/** Everything main.ts applies to the app, shared with the e2e tests so they test what runs. */
export const configureApp = (app: INestApplication): void => {
  const env = environmentFrom(app.get(ConfigService));
  // Which proxies may name the client (X-Forwarded-For): the address sign-in throttling and the audit use.
  (app.getHttpAdapter().getInstance() as Express).set('trust proxy', trustProxy(env.API_TRUST_PROXY));
  app.use(requestContext);
  // Security headers; the API docs page needs inline scripts, so its CSP allows them.
  app.use(helmet({ contentSecurityPolicy: false }));
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
