import type { ArgumentsHost } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { DomainError } from '@kientoan/domain';
import { DatabasePoolBusyError, Prisma } from '@kientoan/platform';
import { HttpErrorFilter } from './http-error.filter';
import { ServiceUnavailable } from './service-unavailable.error';

/** What the filter wrote: status, headers and body. */
const answerTo = (exception: unknown) => {
  const sent: { status?: number; headers: Record<string, string>; body?: Record<string, unknown> } = {
    headers: {},
  };
  const response = {
    setHeader: (name: string, value: string) => (sent.headers[name] = value),
    status: (code: number) => {
      sent.status = code;
      return response;
    },
    json: (body: Record<string, unknown>) => (sent.body = body),
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  new HttpErrorFilter().catch(exception, host);
  return sent;
};

/** The error Prisma 7 (adapter-pg) throws when the server refuses connections, as seen on a stopped PostgreSQL. */
const prismaUnreachable = (code = 'P1001') =>
  new Prisma.PrismaClientKnownRequestError("Can't reach database server at 127.0.0.1:5432", {
    code,
    clientVersion: '7.10.0',
    meta: {
      driverAdapterError: {
        name: 'DriverAdapterError',
        cause: { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 },
      },
    },
  });

/** A gRPC error as @grpc/grpc-js raises it, wrapped in the Temporal client's ServiceError. */
const temporalError = (code: number, details: string) =>
  new ServiceError('Failed to start Workflow', {
    cause: Object.assign(new Error(`${code} ${details}`), { code, details, metadata: {} }),
  });

describe('HttpErrorFilter: unavailable dependencies', () => {
  beforeAll(() => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterAll(() => jest.restoreAllMocks());

  it.each([
    ['a query on an unreachable server (P1001)', prismaUnreachable('P1001')],
    ['a raw query on an unreachable server (P2010 with DatabaseNotReachable)', prismaUnreachable('P2010')],
    [
      'a server shutting down (57P01 admin_shutdown)',
      new Prisma.PrismaClientKnownRequestError('terminating connection due to administrator command', {
        code: 'P2010',
        clientVersion: '7.10.0',
        meta: { driverAdapterError: { cause: { kind: 'postgres', code: '57P01' } } },
      }),
    ],
    ['a connection dropped by node-postgres', new Error('Connection terminated unexpectedly')],
    [
      'a new connection that did not open within the connect timeout',
      new Error('Connection terminated due to connection timeout'),
    ],
    [
      "a pool queue timeout while the pool's connection attempts fail (node-postgres's own text kept)",
      new Error('timeout exceeded when trying to connect'),
    ],
    [
      'a refused socket',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
        code: 'ECONNREFUSED',
        syscall: 'connect',
        errno: -111,
      }),
    ],
  ])(
    'given %s, when it reaches the filter, then it answers 503 DATABASE_UNAVAILABLE with Retry-After',
    (_what, error) => {
      const answer = answerTo(error);

      expect(answer.status).toBe(503);
      expect(answer.headers['Retry-After']).toBe('5');
      expect(answer.body).toMatchObject({
        statusCode: 503,
        code: 'DATABASE_UNAVAILABLE',
        details: { applied: false },
      });
      expect(answer.body!['message']).toContain('chưa được thực hiện');
    },
  );

  it.each([
    ['no pooled connection within the pool wait (BoundedPool)', new DatabasePoolBusyError(3000)],
    [
      'the pool wait wrapped by Prisma (only its text kept)',
      new Prisma.PrismaClientUnknownRequestError(
        `Invalid invocation: ${new DatabasePoolBusyError(3000).message}`,
        { clientVersion: '7.10.0' },
      ),
    ],
    [
      'no pooled connection for a transaction within maxWait (P2028, a burst of starts)',
      new Prisma.PrismaClientKnownRequestError(
        'Transaction API error: Unable to start a transaction in the given time.',
        { code: 'P2028', clientVersion: '7.10.0' },
      ),
    ],
  ])(
    'given %s, when it reaches the filter, then it answers 503 DATABASE_BUSY (not "unreachable") with a short Retry-After',
    (_what, error) => {
      const answer = answerTo(error);

      expect(answer.status).toBe(503);
      expect(answer.headers['Retry-After']).toBe('2');
      expect(answer.body).toMatchObject({
        statusCode: 503,
        code: 'DATABASE_BUSY',
        details: { dependency: 'database', applied: false, busy: true },
      });
      expect(answer.body!['message']).toContain('bận');
      expect(answer.body!['message']).toContain('chưa được thực hiện');
      expect(answer.body!['message']).not.toContain('không truy cập được');
    },
  );

  it.each([
    ['UNAVAILABLE (14)', temporalError(14, 'No connection established')],
    ['DEADLINE_EXCEEDED (4)', temporalError(4, 'Deadline exceeded')],
    [
      'an Update call that timed out',
      new WorkflowUpdateRPCTimeoutOrCancelledError('Deadline exceeded', {
        cause: Object.assign(new Error('4 Deadline exceeded'), { code: 4, details: 'x', metadata: {} }),
      }),
    ],
  ])(
    'given a Temporal error %s, when it reaches the filter, then it answers 503 WORKFLOW_SERVICE_UNAVAILABLE',
    (_what, error) => {
      const answer = answerTo(error);

      expect(answer.status).toBe(503);
      expect(answer.headers['Retry-After']).toBe('5');
      expect(answer.body).toMatchObject({
        code: 'WORKFLOW_SERVICE_UNAVAILABLE',
        details: { applied: false },
      });
    },
  );

  it('given an unavailable answer, then the body carries no driver text (host, port, gRPC details)', () => {
    const answer = answerTo(prismaUnreachable());

    expect(JSON.stringify(answer.body)).not.toMatch(/127\.0\.0\.1|5432|reach database/);
  });

  it('given no worker took an Update that was sent, then it answers 503 NO_WORKER_AVAILABLE saying it may still apply', () => {
    const answer = answerTo(ServiceUnavailable.noWorker(true));

    expect(answer.status).toBe(503);
    expect(answer.headers['Retry-After']).toBe('10');
    expect(answer.body).toMatchObject({
      code: 'NO_WORKER_AVAILABLE',
      details: { applied: false, mayApplyLater: true },
    });
    expect(answer.body!['message']).toContain('Idempotency-Key');
  });

  it('given the server refuses an Update while the workflow task is failing (WorkflowNotReady), then it answers 503 WORKFLOW_NOT_READY', () => {
    const error = temporalError(
      9,
      'Unable to perform workflow execution update due to Workflow Task in failed state.',
    );

    const answer = answerTo(error);

    expect(answer.status).toBe(503);
    expect(answer.headers['Retry-After']).toBe('3');
    expect(answer.body).toMatchObject({ code: 'WORKFLOW_NOT_READY', details: { applied: false } });
  });

  it('given a Temporal error that is not about reachability (NOT_FOUND), then it stays a 500', () => {
    const answer = answerTo(temporalError(5, 'not found'));

    expect(answer.status).toBe(500);
    expect(answer.body).toMatchObject({ code: 'INTERNAL_ERROR' });
  });

  it('given a constraint violation (P2002), then it stays a 500, not an outage', () => {
    const error = new Prisma.PrismaClientKnownRequestError('Unique constraint failed', {
      code: 'P2002',
      clientVersion: '7.10.0',
      meta: { driverAdapterError: { cause: { kind: 'UniqueConstraintViolation' } } },
    });

    expect(answerTo(error).status).toBe(500);
  });

  it('given a domain conflict, then the domain mapping still decides (409)', () => {
    const answer = answerTo(new DomainError('NOT_YOUR_TURN', 'conflict', 'Chưa đến lượt', 'Not your turn'));

    expect(answer.status).toBe(409);
    expect(answer.headers['Retry-After']).toBeUndefined();
  });
});
