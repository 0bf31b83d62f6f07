import { environmentSchema } from './environment';

/** ConfigModule options shared by the API and the worker: `.env` if present, validated by one schema. */
export const configModuleOptions = {
  isGlobal: true,
  cache: true,
  envFilePath: ['.env'],
  validationSchema: environmentSchema,
};
