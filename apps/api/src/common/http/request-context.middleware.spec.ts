import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { requestContext } from './request-context.middleware';

const aRequest = () =>
  ({ method: 'POST', path: '/api/procedures/x/review', header: () => undefined }) as unknown as Request;

const aResponse = () =>
  Object.assign(new EventEmitter(), {
    statusCode: 200,
    writableFinished: false,
    setHeader: () => undefined,
  });

describe('requestContext: the request log', () => {
  let warn: jest.SpyInstance;
  let log: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('given the client goes away before the answer, then the request is logged as abandoned', () => {
    const res = aResponse();
    requestContext(aRequest(), res as unknown as Response, () => undefined);

    res.emit('close');

    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/POST \/api\/procedures\/x\/review abandoned by the client after \d+ms/),
    );
  });

  it('given the answer was sent, then it is logged once with its status and not as abandoned', () => {
    const res = aResponse();
    requestContext(aRequest(), res as unknown as Response, () => undefined);

    res.writableFinished = true;
    res.emit('finish');
    res.emit('close');

    expect(log).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/POST \/api\/procedures\/x\/review 200 \d+ms/));
    expect(warn).not.toHaveBeenCalled();
  });
});
