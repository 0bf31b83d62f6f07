import path from 'node:path';
import { defineConfig } from 'prisma/config';

// Offline machines cannot download Prisma's native schema engine. When it is missing we point the CLI at a
// stub that explains the situation, which keeps `generate`, `validate` and `format` working; migrations then
// go through scripts/db/migrate.mjs (Wasm schema engine). A user who has the engine keeps using it.
process.env.CHECKPOINT_DISABLE ??= '1';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const engine = require('./scripts/db/engine-location.cjs') as {
  findNativeSchemaEngine: () => string | undefined;
  wantsDownload: () => boolean;
};
if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY && !engine.wantsDownload()) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY =
    engine.findNativeSchemaEngine() ?? path.join(__dirname, 'scripts', 'db', 'schema-engine-stub.sh');
}

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/kientoan',
  },
});
