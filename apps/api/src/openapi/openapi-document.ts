import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** The API's OpenAPI document: served at /docs and the source of the web app's generated types. */
export const buildOpenApiDocument = (app: INestApplication): OpenAPIObject =>
  SwaggerModule.createDocument(
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

/** The global prefix, shared by the running app and the document printed without a server. */
export const applyGlobalPrefix = (app: INestApplication): void => {
  app.setGlobalPrefix('api', { exclude: ['health'] });
};
