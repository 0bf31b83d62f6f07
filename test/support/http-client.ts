/** HTTP calls as a signed-in account (bearer token), or anonymously. */
import request from 'supertest';
import type { App } from 'supertest/types';

export interface Client {
  get(url: string): request.Test;
  post(url: string): request.Test;
  patch(url: string): request.Test;
  put(url: string): request.Test;
  delete(url: string): request.Test;
}

export const client = (http: App, token?: string): Client => {
  const auth = (test: request.Test) => (token ? test.set('Authorization', `Bearer ${token}`) : test);
  return {
    get: (url) => auth(request(http).get(url)),
    post: (url) => auth(request(http).post(url)),
    patch: (url) => auth(request(http).patch(url)),
    put: (url) => auth(request(http).put(url)),
    delete: (url) => auth(request(http).delete(url)),
  };
};

export const TEST_PASSWORD = 'mat-khau-thu-nghiem';

/** Signs in through the real login endpoint. */
export const login = async (http: App, username: string, password = TEST_PASSWORD): Promise<string> => {
  const response = await request(http).post('/api/auth/login').send({ username, password });
  if (response.status !== 200)
    throw new Error(`login ${username}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.accessToken as string;
};
