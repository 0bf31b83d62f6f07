#!/usr/bin/env node
// Architecture check: libs/domain is pure (imports nothing but its own files: no Nest, Prisma, Temporal,
// Node I/O, apps or infrastructure), and libs/workflows imports only @temporalio/workflow, the domain, its
// own files, and other packages for types only.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, listFiles } from './lib/run.mjs';

const IMPORT =
  /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/gm;

function imports(file) {
  const text = fs.readFileSync(file, 'utf8');
  const found = [];
  for (const m of text.matchAll(IMPORT)) {
    found.push({ specifier: m[3] ?? m[4] ?? m[5], typeOnly: Boolean(m[2]) });
  }
  return found;
}

const problems = [];
const source = (dir) => listFiles(path.join(ROOT, dir), (f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));

for (const file of source('libs/domain/src')) {
  for (const { specifier } of imports(file)) {
    if (!specifier.startsWith('.'))
      problems.push(`${path.relative(ROOT, file)} imports "${specifier}": libs/domain must stay pure`);
  }
}
for (const file of source('libs/workflows/src')) {
  for (const { specifier, typeOnly } of imports(file)) {
    const allowed =
      specifier.startsWith('.') || specifier === '@temporalio/workflow' || specifier === '@kientoan/domain';
    if (!allowed && !typeOnly)
      problems.push(
        `${path.relative(ROOT, file)} imports "${specifier}": workflow code may import only @temporalio/workflow, @kientoan/domain and types`,
      );
  }
}

if (problems.length) {
  console.error(`Dependency check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `Dependency check passed: libs/domain (${source('libs/domain/src').length} files) is pure; libs/workflows (${source('libs/workflows/src').length} files) is sandbox-safe`,
);
