/** Every error code has one definition, so one Vietnamese message and one HTTP status (the kind decides it). */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return entry.name.endsWith('.ts') && !entry.name.includes('.spec.') ? [relative] : [];
  });

export const errorDefinitions = (text: string): { code: string; kind: string }[] =>
  [...text.matchAll(/new DomainError\(\s*'([A-Z_]+)',\s*'([a-z_]+)'/g)].map((m) => ({
    code: m[1]!,
    kind: m[2]!,
  }));

describe('error codes', () => {
  it('given a definition, then the check reads its code and kind (the check can fail)', () => {
    expect(errorDefinitions(`new DomainError(\n  'WARD_NOT_FOUND',\n  'not_found',`)).toEqual([
      { code: 'WARD_NOT_FOUND', kind: 'not_found' },
    ]);
  });

  it('given every source file, then no code is defined twice', () => {
    const definitions = [...sourceFiles('apps'), ...sourceFiles('libs')].flatMap((file) =>
      errorDefinitions(fs.readFileSync(path.join(ROOT, file), 'utf8')).map((d) => ({ ...d, file })),
    );
    expect(definitions.length).toBeGreaterThan(20);
    const byCode = new Map<string, string[]>();
    for (const d of definitions) byCode.set(d.code, [...(byCode.get(d.code) ?? []), `${d.file} (${d.kind})`]);
    expect([...byCode].filter(([, places]) => places.length > 1)).toEqual([]);
  });
});
