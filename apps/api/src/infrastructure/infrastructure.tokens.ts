/** Injection tokens of the infrastructure clients (in their own file so providers beside the module can use them). */
export const PRISMA = Symbol('PRISMA');
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
export const TEMPORAL_CONNECTION = Symbol('TEMPORAL_CONNECTION');
