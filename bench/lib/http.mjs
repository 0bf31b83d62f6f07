/* global fetch */
// The product over HTTP, as people use it: sign in once per account, then bearer-token requests.
// Tokens live 15 minutes: `fresh()` signs in again when one is older than 10.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { PASSWORD } from './fixtures.mjs';

const TOKEN_MAX_AGE_MS = 10 * 60_000;

export function apiClient(baseUrl) {
  const tokens = new Map();

  async function request(method, path, { token, body, headers = {} } = {}) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    let parsed;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    const retryAfter = Number(response.headers.get('retry-after'));
    return {
      status: response.status,
      body: parsed,
      ms,
      bytes: text.length,
      ...(retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
    };
  }

  async function login(username) {
    const r = await request('POST', '/api/auth/login', { body: { username, password: PASSWORD } });
    if (r.status !== 200 && r.status !== 201)
      throw new Error(`login ${username} answered ${r.status}: ${JSON.stringify(r.body)}`);
    tokens.set(username, { token: r.body.accessToken, at: Date.now() });
    return r.body.accessToken;
  }

  /** A token for the account, signing in when there is none or it is old. */
  async function token(username) {
    const held = tokens.get(username);
    if (held && Date.now() - held.at < TOKEN_MAX_AGE_MS) return held.token;
    return login(username);
  }

  /** Signs in every account now (outside any timed section), a few at a time. */
  async function fresh(usernames, parallel = 4) {
    const queue = [...new Set(usernames)];
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        for (let u = queue.shift(); u; u = queue.shift()) await token(u);
      }),
    );
  }

  return { baseUrl, request, login, token, fresh, idempotencyKey: () => `bench-${randomUUID()}` };
}

/** Throws with the answer when the status is not the expected one. */
export function expectStatus(response, expected, what) {
  const ok = Array.isArray(expected) ? expected.includes(response.status) : response.status === expected;
  if (!ok)
    throw new Error(`${what} answered ${response.status}: ${JSON.stringify(response.body)?.slice(0, 400)}`);
  return response;
}
