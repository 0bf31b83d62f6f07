// Loads Prisma's schema engine compiled to Wasm and drives it through a Postgres driver adapter: this is how
// kientoan migrates on machines where Prisma's native engine cannot be downloaded.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { MigrationPgAdapterFactory } from './pg-adapter-factory.mjs';

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
export const SCHEMA_PATH = path.join(ROOT, 'prisma', 'schema.prisma');
export const MIGRATIONS_DIR = path.join(ROOT, 'prisma', 'migrations');
export const FILTERS = { externalTables: [], externalEnums: [] };

// The engine reports a Rust panic through this global before it throws; keep the message for the error.
let lastPanic = '';
globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
  set_message: (message) => {
    lastPanic = message;
    process.stderr.write(`schema engine panic: ${message}\n`);
  },
};
export const lastEnginePanic = () => lastPanic;

async function loadWasmModule() {
  // The package's ESM entry imports the .wasm file directly, which Node 20 cannot load: instantiate it here.
  const pkgDir = path.dirname(require.resolve('@prisma/schema-engine-wasm'));
  const bg = await import(path.join(pkgDir, 'schema_engine_bg.js'));
  const bytes = fs.readFileSync(path.join(pkgDir, 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return bg;
}

export function schemaFiles() {
  return { files: [{ path: SCHEMA_PATH, content: fs.readFileSync(SCHEMA_PATH, 'utf8') }] };
}

export function migrationsList() {
  const dirs = fs.existsSync(MIGRATIONS_DIR)
    ? fs
        .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(MIGRATIONS_DIR, 'migration_lock.toml');
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: {
      path: 'migration_lock.toml',
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((name) => {
      const file = path.join(MIGRATIONS_DIR, name, 'migration.sql');
      return {
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: fs.existsSync(file)
            ? { tag: 'ok', value: fs.readFileSync(file, 'utf8') }
            : { tag: 'error', value: `${file} is missing` },
        },
      };
    }),
  };
}

/** Runs `fn` with a schema engine bound to the database at `url`, then frees it and its connections. */
export async function withSchemaEngine(url, fn) {
  const bg = await loadWasmModule();
  const factory = new MigrationPgAdapterFactory(url);
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const log = (line) => {
    if (process.env.KIENTOAN_DEBUG_SCHEMA_ENGINE) process.stderr.write(`${line}\n`);
  };
  const datamodel = schemaFiles().files.map((f) => [f.path, f.content]);
  const engine = await bg.SchemaEngine.new({ datamodels: datamodel }, log, adapter);
  try {
    return await fn(engine);
  } finally {
    engine.free();
    await factory.closeAll();
  }
}
