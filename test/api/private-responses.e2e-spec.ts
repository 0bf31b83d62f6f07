/**
 * The API's answers are private to the person who asked: never stored (no-store), no ETag. The web app's
 * hashed assets keep their year-long cache.
 */
import request from 'supertest';
import type { App } from 'supertest/types';
import { type TestStack, createTestStack } from '../support/test-app';
import { givenWard } from '../support/factories';
import { client, login } from '../support/http-client';

describe('Private API responses (e2e)', () => {
  let stack: TestStack;
  let http: App;

  beforeAll(async () => {
    stack = await createTestStack();
    http = stack.app.getHttpServer() as App;
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('given a signed-in read, then the answer is marked no-store and carries no ETag', async () => {
    const ward = await givenWard(stack.prisma);
    const secretary = client(http, await login(http, ward.users.secretary));
    const response = await secretary.get('/api/procedures?limit=5').expect(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers.etag).toBeUndefined();
  });

  it('given an error answer, then it is no-store too', async () => {
    const response = await request(http).get('/api/procedures').expect(401);
    expect(response.headers['cache-control']).toBe('no-store');
  });
});
