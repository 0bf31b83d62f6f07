/**
 * Custom search attributes of procedure workflows, so that the Temporal Web UI and the API can filter
 * procedures by ward, kind, step and stall. Plain key objects (the shape Temporal's SDK expects), so this
 * file needs no import. `npm start` and the test set-up register them on the dev server.
 */
export const ProcedureSearchAttributes = {
  ward: { name: 'KientoanWard', type: 'KEYWORD' as const },
  kind: { name: 'KientoanKind', type: 'KEYWORD' as const },
  step: { name: 'KientoanStep', type: 'KEYWORD' as const },
  stalledSince: { name: 'KientoanStalledSince', type: 'DATETIME' as const },
};
