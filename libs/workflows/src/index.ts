export * from './procedure/procedure.activities-contract';
export * from './procedure/procedure.messages';
export * from './procedure/procedure-search-attributes';
export type { ProcedureWorkflowInput, ProcedureWorkflowResult } from './procedure/procedure.workflow';
