'use strict';
// Where Prisma's native schema engine would be if this machine has it (downloaded by Prisma on a
// connected machine, or named by PRISMA_SCHEMA_ENGINE_BINARY). Used by prisma.config.ts and migrate.mjs.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const STUB = path.join(__dirname, 'schema-engine-stub.sh');

function findNativeSchemaEngine() {
  const fromEnv = process.env.PRISMA_SCHEMA_ENGINE_BINARY;
  if (fromEnv && fromEnv !== STUB && fs.existsSync(fromEnv)) return fromEnv;
  for (const dir of ['node_modules/@prisma/engines', 'node_modules/prisma']) {
    const abs = path.join(root, dir);
    if (!fs.existsSync(abs)) continue;
    const hit = fs.readdirSync(abs).find((f) => f.startsWith('schema-engine-') && !f.endsWith('.d.ts'));
    if (hit) return path.join(abs, hit);
  }
  return undefined;
}

/** True when the user asked Prisma to fetch its own engine (connected machines only). */
function wantsDownload() {
  return process.env.KIENTOAN_PRISMA_ENGINE === 'download';
}

module.exports = { findNativeSchemaEngine, wantsDownload, STUB };
