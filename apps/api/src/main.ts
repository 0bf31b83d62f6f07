import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { environmentFrom } from '@kientoan/platform';
import { AppModule } from './app.module';
import { configureApp } from './bootstrap/configure-app';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule, { bodyParser: true });
  configureApp(app);
  const { API_PORT, API_HOST } = environmentFrom(app.get(ConfigService));
  await app.listen(API_PORT, API_HOST);
  new Logger('api').log(
    `API listening on http://${API_HOST.includes(':') ? `[${API_HOST}]` : API_HOST}:${API_PORT}/api (docs /docs, health /health)`,
  );
}

bootstrap().catch((error: unknown) => {
  new Logger('api').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
