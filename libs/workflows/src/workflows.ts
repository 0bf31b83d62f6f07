// Entry of the workflow bundle: every function exported here is registered as a workflow type.
export { procedureWorkflow } from './procedure/procedure.workflow';
