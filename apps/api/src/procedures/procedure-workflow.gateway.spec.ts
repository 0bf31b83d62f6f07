import { Logger } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { defineUpdate } from '@temporalio/workflow';
import { type PrismaClient, validateEnvironment } from '@kientoan/platform';
import { ServiceUnavailableError } from '../common/errors/service-unavailable.error';
import type { PollerStatus, TaskQueuePollers } from '../infrastructure/task-queue-pollers';
import { ProcedureWorkflowGateway } from './procedure-workflow.gateway';

const ACTION_WAIT_MS = 4_000;
const update = defineUpdate<string, [{ by: string }]>('review');

/**
 * A Temporal client whose calls obey their deadline like the real one (gRPC DEADLINE_EXCEEDED surfaces as
 * WorkflowUpdateRPCTimeoutOrCancelledError) and whose Update is never accepted: no worker takes it.
 */
const temporalWhereNoWorkerAccepts = (accept?: () => Promise<{ result: () => Promise<unknown> }>) => {
  const sent: string[] = [];
  const client = {
    connection: {
      withDeadline: <T>(deadline: number, call: () => Promise<T>): Promise<T> =>
        Promise.race([
          call(),
          new Promise<T>((_, reject) =>
            setTimeout(
              () =>
                reject(
                  new WorkflowUpdateRPCTimeoutOrCancelledError('Deadline exceeded', {
                    cause: new Error('4 Deadline exceeded'),
                  }),
                ),
              Math.max(0, deadline - Date.now()),
            ),
          ),
        ]),
    },
    workflowService: { getSystemInfo: () => Promise.resolve({}) },
    workflow: {
      getHandle: () => ({
        startUpdate: () => {
          sent.push('startUpdate');
          return accept ? accept() : new Promise<never>(() => undefined);
        },
      }),
    },
  };
  return { client: client as unknown as Client, sent };
};

/** DescribeTaskQueue as slow as `delayMs`, then saying `status` (honours the caller's bound like the real one). */
const pollersAnswering = (status: PollerStatus, delayMs = 0) =>
  ({
    status: ({ withinMs }: { withinMs?: number } = {}) =>
      new Promise<PollerStatus>((resolve) => {
        const bound = withinMs === undefined ? delayMs : Math.min(delayMs, Math.max(0, withinMs));
        setTimeout(() => resolve(bound < delayMs ? { known: false, reachable: true } : status), bound);
      }),
  }) as unknown as TaskQueuePollers;

const gatewayWith = (client: Client, pollers: TaskQueuePollers) => {
  const env = validateEnvironment({ ACTION_WAIT_MS: String(ACTION_WAIT_MS) });
  const config = { get: (key: string) => env[key as keyof typeof env] };
  const prisma = { $queryRaw: () => Promise.resolve([{ one: 1 }]) } as unknown as PrismaClient;
  return new ProcedureWorkflowGateway(client, config as never, pollers, prisma);
};

const answerOf = async (call: Promise<unknown>, since: number) => {
  try {
    await call;
    return { error: undefined, sinceArrivalMs: Date.now() - since };
  } catch (error) {
    return { error: error as ServiceUnavailableError, sinceArrivalMs: Date.now() - since };
  }
};

describe('ProcedureWorkflowGateway: an action is answered within ACTION_WAIT_MS of its arrival', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it('given the request spent most of its budget before the gateway (slow reads under load), when the action is sent, then nothing is sent and it answers 503 SERVER_BUSY at once', async () => {
    const { client, sent } = temporalWhereNoWorkerAccepts();
    const gateway = gatewayWith(client, pollersAnswering({ known: true, polling: 1 }));
    const arrived = Date.now() - 3_000;

    const answer = await answerOf(
      gateway.action('p1', update, { by: 'u' }, 'k', { since: arrived }),
      arrived,
    );

    expect(answer.error).toBeInstanceOf(ServiceUnavailableError);
    expect(answer.error?.code).toBe('SERVER_BUSY');
    expect(answer.error?.details).toMatchObject({ applied: false, mayApplyLater: false });
    expect(sent).toEqual([]);
    expect(answer.sinceArrivalMs).toBeLessThan(3_200);
  });

  it('given a worker is listed but none accepts the Update and the request arrived 1.5 s before the gateway, when it waits, then it answers NO_WORKER_AVAILABLE within the budget from arrival', async () => {
    const { client, sent } = temporalWhereNoWorkerAccepts();
    const gateway = gatewayWith(client, pollersAnswering({ known: true, polling: 1 }));
    const arrived = Date.now() - 1_500;

    const answer = await answerOf(
      gateway.action('p1', update, { by: 'u' }, 'k', { since: arrived }),
      arrived,
    );

    expect(answer.error?.code).toBe('NO_WORKER_AVAILABLE');
    expect(answer.error?.details).toMatchObject({ mayApplyLater: true });
    expect(sent).toEqual(['startUpdate']);
    expect(answer.sinceArrivalMs).toBeLessThanOrEqual(ACTION_WAIT_MS + 100);
  });

  it('given DescribeTaskQueue hangs (a loaded Temporal), when an action arrives, then the poller check is cut to the budget and the answer still comes within ACTION_WAIT_MS', async () => {
    const { client } = temporalWhereNoWorkerAccepts();
    const gateway = gatewayWith(client, pollersAnswering({ known: true, polling: 1 }, 10_000));
    const arrived = Date.now() - 500;

    const answer = await answerOf(
      gateway.action('p1', update, { by: 'u' }, 'k', { since: arrived }),
      arrived,
    );

    expect(answer.error?.code).toBe('NO_WORKER_AVAILABLE');
    expect(answer.sinceArrivalMs).toBeLessThanOrEqual(ACTION_WAIT_MS + 100);
  });

  it('given no worker polls, when an action arrives, then it is refused at once and not sent', async () => {
    const { client, sent } = temporalWhereNoWorkerAccepts();
    const gateway = gatewayWith(client, pollersAnswering({ known: true, polling: 0 }));
    const arrived = Date.now();

    const answer = await answerOf(
      gateway.action('p1', update, { by: 'u' }, 'k', { since: arrived }),
      arrived,
    );

    expect(answer.error?.code).toBe('NO_WORKER_AVAILABLE');
    expect(answer.error?.details).toMatchObject({ mayApplyLater: false });
    expect(sent).toEqual([]);
    expect(answer.sinceArrivalMs).toBeLessThan(500);
  });

  it('given a worker polled a moment ago but none accepts the Update in time (a burst), then NO_WORKER_AVAILABLE says the workers are busy, with a short Retry-After', async () => {
    const { client } = temporalWhereNoWorkerAccepts();
    const gateway = gatewayWith(client, pollersAnswering({ known: true, polling: 1, lastPollAgoMs: 200 }));
    const arrived = Date.now() - 2_000;

    const answer = await answerOf(
      gateway.action('p1', update, { by: 'u' }, 'k', { since: arrived }),
      arrived,
    );

    expect(answer.error?.code).toBe('NO_WORKER_AVAILABLE');
    expect(answer.error?.details).toMatchObject({ applied: false, mayApplyLater: true, busy: true });
    expect(answer.error?.retryAfterSeconds).toBe(3);
    expect(answer.error?.messageVi).toContain('đang bận');
    expect(answer.sinceArrivalMs).toBeLessThanOrEqual(ACTION_WAIT_MS + 100);
  });

  it('given the Update was accepted and polling its result hits a raw gRPC DEADLINE_EXCEEDED (a loaded server), then it answers ACTION_PENDING, not "Temporal unreachable"', async () => {
    const deadlineExceeded = Object.assign(new Error('4 DEADLINE_EXCEEDED: Deadline exceeded'), {
      code: 4,
      details: 'Deadline exceeded',
      metadata: {},
    });
    const { client } = temporalWhereNoWorkerAccepts(() =>
      Promise.resolve({ result: () => Promise.reject(deadlineExceeded) }),
    );
    const gateway = gatewayWith(client, pollersAnswering({ known: true, polling: 1 }));
    const arrived = Date.now();

    const answer = await answerOf(
      gateway.action('p1', update, { by: 'u' }, 'k', { since: arrived }),
      arrived,
    );

    expect(answer.error?.code).toBe('ACTION_PENDING');
    expect(answer.error?.details).toMatchObject({ applied: 'pending', accepted: true });
  });
});
