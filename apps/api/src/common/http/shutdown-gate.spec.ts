import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ShutdownGate } from './shutdown-gate';

const through = (gate: ShutdownGate, method: string) => {
  const sent: { status?: number; headers: Record<string, string>; body?: unknown; passed: boolean } = {
    headers: {},
    passed: false,
  };
  const res = {
    setHeader: (name: string, value: string) => (sent.headers[name] = value),
    status: (code: number) => {
      sent.status = code;
      return res;
    },
    json: (body: unknown) => (sent.body = body),
  } as unknown as Response;
  const next: NextFunction = () => {
    sent.passed = true;
  };
  gate.middleware({ method } as Request, res, next);
  return sent;
};

describe('ShutdownGate', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it('given the API is running, when an action arrives, then it passes', () => {
    expect(through(new ShutdownGate(), 'POST').passed).toBe(true);
  });

  it('given SIGTERM was received, when an action arrives, then it is refused with 503 SERVICE_SHUTTING_DOWN and Retry-After', () => {
    const gate = new ShutdownGate();
    gate.beforeApplicationShutdown('SIGTERM');

    const answer = through(gate, 'POST');

    expect(answer.passed).toBe(false);
    expect(answer.status).toBe(503);
    expect(answer.headers['Retry-After']).toBe('5');
    expect(answer.body).toMatchObject({ code: 'SERVICE_SHUTTING_DOWN', details: { applied: false } });
  });

  it('given SIGTERM was received, when a read arrives, then it still passes', () => {
    const gate = new ShutdownGate();
    gate.beforeApplicationShutdown('SIGTERM');

    expect(through(gate, 'GET').passed).toBe(true);
  });
});
