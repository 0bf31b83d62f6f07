/** The search attributes are named once (procedure-search-attributes.json): code, `npm start` and the README agree. */
import fs from 'node:fs';
import path from 'node:path';
import { ProcedureSearchAttributes } from '@kientoan/workflows';
import definitions from '../../libs/workflows/src/procedure/procedure-search-attributes.json';

const ROOT = path.resolve(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const devServer = require('../../scripts/temporal/dev-server.cjs') as {
  SEARCH_ATTRIBUTES: Record<string, string>;
};

const expected = Object.values(definitions).map((a) => `${a.name}=${a.type}`);

describe('search attributes, named once', () => {
  it('given the definitions, then the workflow keys and the dev server registration use them', () => {
    expect(Object.values(ProcedureSearchAttributes).map((a) => a.name)).toEqual(
      Object.values(definitions).map((a) => a.name),
    );
    expect(Object.entries(devServer.SEARCH_ATTRIBUTES).map(([name, type]) => `${name}=${type}`)).toEqual(
      expected,
    );
  });

  it("given the README's registration loop for a production cluster, then it lists the same attributes", () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const loop = /for a in ([^;]+); do/.exec(readme);
    expect(loop?.[1]?.trim().split(/\s+/)).toEqual(expected);
  });
});
