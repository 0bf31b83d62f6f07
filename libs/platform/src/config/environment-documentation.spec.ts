/** The README's configuration table and `.env.example` document exactly the variables the code reads. */
import fs from 'node:fs';
import path from 'node:path';
import { SCRIPT_VARIABLES, environmentSchema } from './environment';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const known = [...Object.keys(environmentSchema.shape), ...SCRIPT_VARIABLES].sort();

/** Every `VARIABLE` named in the first column of the table under "## Configuration". */
const readmeTableVariables = (): string[] => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Configuration'));
  const table = section
    .slice(0, section.indexOf('\n## '))
    .split('\n')
    .filter((l) => l.startsWith('|'));
  const names = table.flatMap((row) => [...(row.split('|')[1] ?? '').matchAll(/`([A-Z][A-Z0-9_]+)`/g)]);
  return [...new Set(names.map((m) => m[1]!))].sort();
};

/** Every variable set or shown commented out in `.env.example`. */
const envExampleVariables = (): string[] => {
  const text = fs.readFileSync(path.join(ROOT, '.env.example'), 'utf8');
  return [...new Set([...text.matchAll(/^#?\s?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!))].sort();
};

describe('configuration documentation', () => {
  it('given the README configuration table, then it lists every variable the code reads and no other', () => {
    expect(readmeTableVariables()).toEqual(known);
  });

  it('given .env.example, then it shows every variable the code reads and no other', () => {
    expect(envExampleVariables()).toEqual(known);
  });
});
