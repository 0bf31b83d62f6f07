import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: false });
  // SIGTERM / SIGINT drain the worker: in-flight activities finish or are retried elsewhere.
  app.enableShutdownHooks();
  await app.init();
}

bootstrap().catch((error: unknown) => {
  new Logger('worker').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
