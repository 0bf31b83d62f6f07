// Prints the OpenAPI document as JSON without a database, Temporal or a port: Nest's preview mode builds the
// module graph and routes but instantiates no provider (scripts/generate-api-types.mjs reads the output).
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { applyGlobalPrefix, buildOpenApiDocument } from './openapi-document';

async function print(): Promise<void> {
  const app = await NestFactory.create(AppModule, { preview: true, logger: false, abortOnError: false });
  applyGlobalPrefix(app);
  process.stdout.write(JSON.stringify(buildOpenApiDocument(app), null, 2));
  await app.close();
}

void print();
