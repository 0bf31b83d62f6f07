export * from './database/prisma-client.factory';
export * from './config/environment';
export * from './temporal/temporal-connection';
export * from '../../../prisma/generated/client/client';
export * from './config/config-module-options';
