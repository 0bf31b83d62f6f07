/**
 * Recognises errors that mean "a dependency is unreachable" (as opposed to a bug), so the HTTP filter can
 * answer 503 instead of 500. Matches on the shapes the drivers really throw (checked against Prisma 7 with
 * @prisma/adapter-pg, node-postgres and @temporalio/client 1.24), following `cause` chains.
 */
import { WorkflowUpdateRPCTimeoutOrCancelledError, isGrpcServiceError } from '@temporalio/client';
import { DATABASE_POOL_BUSY_MESSAGE } from '@kientoan/platform';

/**
 * `workflow`: Temporal is up but the procedure's workflow cannot take an Update now (its task is failing).
 * `database-busy`: PostgreSQL answers, but every pooled connection of this process stayed in use for the whole
 * wait (a burst): not the same answer as an unreachable server.
 */
export type UnavailableDependency = 'database' | 'database-busy' | 'temporal' | 'workflow';

/** Prisma error codes for "cannot reach / lost the server". */
const PRISMA_UNAVAILABLE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017']);
/** Prisma's "timed out fetching a new connection from the connection pool": the pool, not the server. */
const PRISMA_POOL_TIMEOUT_CODE = 'P2024';
/** Prisma's interactive transaction could not get a connection within maxWait. */
const PRISMA_NO_TRANSACTION_IN_TIME = 'Unable to start a transaction in the given time';
/** Driver-adapter error kinds (@prisma/driver-adapter-utils) for the same. */
const ADAPTER_UNAVAILABLE_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);
/** PostgreSQL SQLSTATEs: connection exceptions (class 08), shutdown / starting up (57P01-57P03), too many connections. */
const PG_UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EPIPE',
]);
/** node-postgres raises these as plain Errors (no code) when a connection drops or cannot be made in time. */
const PG_CONNECTION_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
];
const PRISMA_ERROR_NAMES = new Set([
  'PrismaClientKnownRequestError',
  'PrismaClientInitializationError',
  'PrismaClientUnknownRequestError',
  'PrismaClientRustPanicError',
  'DriverAdapterError',
]);
/** gRPC status codes UNAVAILABLE (14) and DEADLINE_EXCEEDED (4): the server is down or did not answer in time. */
const GRPC_UNAVAILABLE = new Set<number>([14, 4]);

type Loose = Record<string, unknown>;
const asRecord = (value: unknown): Loose | undefined =>
  typeof value === 'object' && value !== null ? (value as Loose) : undefined;

const adapterCauseOf = (error: Loose): Loose | undefined => {
  const meta = asRecord(error['meta']);
  const adapterError =
    asRecord(meta?.['driverAdapterError']) ?? (error['name'] === 'DriverAdapterError' ? error : undefined);
  return asRecord(adapterError?.['cause']);
};

/**
 * The pool was busy: our BoundedPool's error (by name, or by its text when a wrapper kept only that), Prisma's
 * pool timeout, or an interactive transaction that found no free connection within maxWait (nothing written;
 * had the server been down, opening a connection would have failed first, as ECONNREFUSED or a connect timeout).
 */
const isDatabaseBusy = (error: Loose): boolean => {
  const name = typeof error['name'] === 'string' ? error['name'] : '';
  const code = typeof error['code'] === 'string' ? error['code'] : undefined;
  const message = typeof error['message'] === 'string' ? error['message'] : '';
  if (name === 'DatabasePoolBusyError' || message.includes(DATABASE_POOL_BUSY_MESSAGE)) return true;
  if (!PRISMA_ERROR_NAMES.has(name)) return false;
  return (
    code === PRISMA_POOL_TIMEOUT_CODE || (code === 'P2028' && message.includes(PRISMA_NO_TRANSACTION_IN_TIME))
  );
};

const isDatabaseUnavailable = (error: Loose): boolean => {
  const name = typeof error['name'] === 'string' ? error['name'] : '';
  const code = typeof error['code'] === 'string' ? error['code'] : undefined;
  const message = typeof error['message'] === 'string' ? error['message'] : '';
  if (PRISMA_ERROR_NAMES.has(name)) {
    if (name === 'PrismaClientInitializationError') return true;
    if (code && PRISMA_UNAVAILABLE_CODES.has(code)) return true;
    const cause = adapterCauseOf(error);
    const kind = cause?.['kind'];
    if (typeof kind === 'string' && ADAPTER_UNAVAILABLE_KINDS.has(kind)) return true;
    if (kind === 'postgres' && typeof cause?.['code'] === 'string')
      return PG_UNAVAILABLE_SQLSTATE.test(cause['code']);
    return false;
  }
  // node-postgres errors: a server error with a SQLSTATE and severity, or a socket error.
  if (code && typeof error['severity'] === 'string') return PG_UNAVAILABLE_SQLSTATE.test(code);
  if (code && typeof error['syscall'] === 'string') return SOCKET_CODES.has(code);
  return PG_CONNECTION_MESSAGES.some((m) => message.startsWith(m));
};

/**
 * The server refuses Updates while the workflow's task is failing or being retried (e.g. just after a worker
 * crash): gRPC FAILED_PRECONDITION (9) with a WorkflowNotReady failure ("Unable to perform workflow execution
 * update due to Workflow Task in failed state"). The Update was not admitted; retrying shortly is safe.
 */
const isWorkflowNotReady = (error: unknown): boolean =>
  isGrpcServiceError(error) && Number(error.code) === 9 && /workflow task|not ready/i.test(error.details);

const isTemporalUnavailable = (error: unknown): boolean =>
  error instanceof WorkflowUpdateRPCTimeoutOrCancelledError ||
  (isGrpcServiceError(error) && GRPC_UNAVAILABLE.has(error.code));

/** Which dependency the error says is unreachable, if any. */
export const unavailableDependencyOf = (error: unknown): UnavailableDependency | undefined => {
  const seen = new Set<unknown>();
  for (let current: unknown = error; current && !seen.has(current);) {
    seen.add(current);
    if (isTemporalUnavailable(current)) return 'temporal';
    if (isWorkflowNotReady(current)) return 'workflow';
    const record = asRecord(current);
    if (!record) return undefined;
    if (isDatabaseBusy(record)) return 'database-busy';
    if (isDatabaseUnavailable(record)) return 'database';
    current = record['cause'];
  }
  return undefined;
};
