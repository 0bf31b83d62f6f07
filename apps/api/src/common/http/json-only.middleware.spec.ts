/** The API reads JSON bodies (and multipart uploads); any other body is refused before a handler sees it. */
import type { Request, Response } from 'express';
import { jsonOnly } from './json-only.middleware';

const givenRequest = (method: string, headers: Record<string, string>) => {
  const res = { status: jest.fn().mockReturnThis(), json: jest.fn().mockReturnThis() };
  const next = jest.fn();
  jsonOnly({ method, headers } as unknown as Request, res as unknown as Response, next);
  return { res, next };
};

describe('jsonOnly', () => {
  it.each([
    ['JSON', 'application/json; charset=utf-8'],
    ['a JSON variant', 'application/merge-patch+json'],
    ['an upload', 'multipart/form-data; boundary=x'],
  ])('given a body sent as %s, then the request goes on', (_, type) => {
    const { next, res } = givenRequest('POST', { 'content-type': type, 'content-length': '12' });
    expect(next).toHaveBeenCalled();
    expect(res.status).not.toHaveBeenCalled();
  });

  it.each([
    ['plain text', 'text/plain', 'text/plain'],
    ['a form', 'application/x-www-form-urlencoded', 'application/x-www-form-urlencoded'],
    ['no type at all', '', 'không rõ'],
  ])('given a body sent as %s, then 415 says JSON is needed', (_, type, shown) => {
    const { next, res } = givenRequest('POST', { 'content-type': type, 'content-length': '5' });
    expect(next).not.toHaveBeenCalled();
    expect(res.status).toHaveBeenCalledWith(415);
    expect(res.json).toHaveBeenCalledWith(
      expect.objectContaining({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining(shown) }),
    );
  });

  it('given an action with no body, then the request goes on whatever its type', () => {
    expect(
      givenRequest('POST', { 'content-type': 'text/plain', 'content-length': '0' }).next,
    ).toHaveBeenCalled();
  });

  it('given a read, then the request goes on', () => {
    expect(
      givenRequest('GET', { 'content-type': 'text/plain', 'content-length': '5' }).next,
    ).toHaveBeenCalled();
  });
});
