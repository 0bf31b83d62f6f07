/**
 * Custom search attributes of procedure workflows, so that the Temporal Web UI and the API can filter
 * procedures by ward, kind, step and stall. Named once, in procedure-search-attributes.json, which
 * `npm start` and the test set-up (scripts/temporal/dev-server.cjs) read to register them on the dev server;
 * test/architecture checks that the README's registration loop lists the same. Plain key objects (the shape
 * Temporal's SDK expects), so this file needs no import but the JSON.
 */
import definitions from './procedure-search-attributes.json';

type IndexedType = 'Keyword' | 'Datetime';
const SDK_TYPE = { Keyword: 'KEYWORD', Datetime: 'DATETIME' } as const;

const key = <T extends IndexedType>(definition: { name: string; type: string }, type: T) => {
  if (definition.type !== type) throw new Error(`Search attribute ${definition.name} is not a ${type}`);
  return { name: definition.name, type: SDK_TYPE[type] };
};

export const ProcedureSearchAttributes = {
  ward: key(definitions.ward, 'Keyword'),
  kind: key(definitions.kind, 'Keyword'),
  step: key(definitions.step, 'Keyword'),
  stalledSince: key(definitions.stalledSince, 'Datetime'),
};
