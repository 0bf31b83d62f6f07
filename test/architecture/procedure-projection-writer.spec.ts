/**
 * The procedure row's projection columns have ONE writer: apps/worker/src/activities/procedure-projection.ts
 * (called only by the `projectProcedure` activity and, for runs started before it existed, the deprecated
 * legacy activities). This test reads every source file and fails on any other write to those columns.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const WRITER = 'apps/worker/src/activities/procedure-projection.ts';
const PROJECTED = [
  'status',
  'deciderStatus',
  'currentStep',
  'round',
  'waitingFor',
  'dueAt',
  'stalledSince',
  'returnReasons',
  'endedBy',
  'endedReason',
  'completedAt',
  'failureCode',
  'failureMessage',
  'revision',
];

const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return entry.name.endsWith('.ts') && !entry.name.includes('.spec.') ? [relative] : [];
  });

/** The argument text of a call starting at `open` (the index of its "("), brackets balanced. */
const callArgument = (text: string, open: number): string => {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    if (text[i] === '(') depth += 1;
    if (text[i] === ')' && --depth === 0) return text.slice(open, i + 1);
  }
  return text.slice(open);
};

/** Every write to a projection column in `text`, described. */
export const projectionWrites = (text: string): string[] => {
  const found: string[] = [];
  if (/\b(UPDATE\s+procedure|INSERT\s+INTO\s+procedure)\b(?!_)/i.test(text)) found.push('raw SQL write');
  for (const call of text.matchAll(/\.procedure\.(update|updateMany|upsert|create|createMany)\s*\(/g)) {
    const argument = callArgument(text, call.index + call[0].length - 1);
    const data = argument.slice(argument.search(/\b(data|update|create)\s*:/));
    const fields = PROJECTED.filter((field) => new RegExp(`\\b${field}\\s*:`).test(data));
    if (fields.length) found.push(`procedure.${call[1]} of ${fields.join(', ')}`);
  }
  return found;
};

describe('the procedure projection has one writer', () => {
  it('given a write of a projection column, when checked, then it is found (the check can fail)', () => {
    expect(
      projectionWrites(`await tx.procedure.updateMany({ where: { id }, data: { stalledSince: now } });`),
    ).toEqual(['procedure.updateMany of stalledSince']);
    expect(projectionWrites('this.prisma.$executeRaw`UPDATE procedure SET status = 1`')).toEqual([
      'raw SQL write',
    ]);
    expect(projectionWrites(`tx.procedure.update({ where: { id }, data: { items } })`)).toEqual([]);
  });

  it('given every source file of the apps and libs, then only the projection writer writes those columns', () => {
    const offenders = [...sourceFiles('apps'), ...sourceFiles('libs')]
      .filter((file) => file !== WRITER)
      .flatMap((file) =>
        projectionWrites(fs.readFileSync(path.join(ROOT, file), 'utf8')).map((w) => `${file}: ${w}`),
      );
    expect(offenders).toEqual([]);
    expect(projectionWrites(fs.readFileSync(path.join(ROOT, WRITER), 'utf8'))).toContain('raw SQL write');
  });
});
