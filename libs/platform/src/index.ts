export * from './database/prisma-client.factory';
export * from './config/environment';
export * from './temporal/temporal-connection';
export * from '../../../prisma/generated/client/client';
export * from './config/config-module-options';
export * from './registry/registry.store';
export * from './registry/registry-rows';
export * from './auth/password-hasher';
