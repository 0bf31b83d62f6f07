import type { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { environmentFrom } from '@kientoan/platform';
import helmet from 'helmet';
import { HttpErrorFilter } from '../common/errors/http-error.filter';
import { requestContext } from '../common/http/request-context.middleware';
import { ShutdownGate } from '../common/http/shutdown-gate';

/** Everything main.ts applies to the app, shared with the e2e tests so they test what runs. */
export const configureApp = (app: INestApplication): void => {
  const env = environmentFrom(app.get(ConfigService));
  app.use(requestContext);
  app.use(app.get(ShutdownGate).middleware);
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
