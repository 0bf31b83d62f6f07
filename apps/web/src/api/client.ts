import createClient, { type Middleware } from 'openapi-fetch';
import { sessionStore } from '../auth/session-store';
import { toApiError } from './api-error';
import { unavailableOf, unavailableStore } from '../faults/unavailable';
import type { paths } from './schema';

/** The typed API client (types generated from the OpenAPI document; same origin as the web app). */
export const api = createClient<paths>({ baseUrl: window.location.origin });

const SESSION_PATHS = /\/api\/auth\/(login|refresh)$/;
let refreshing: Promise<void> | null = null;

/** One refresh at a time, shared by every request that finds the access token about to expire. */
export const refreshSession = (): Promise<void> => {
  refreshing ??= (async () => {
    const session = sessionStore.get();
    if (!session) return;
    const { data, response } = await api.POST('/api/auth/refresh', {
      body: { refreshToken: session.refreshToken },
    });
    if (data) sessionStore.set(data);
    else if (response.status === 401 || response.status === 400) sessionStore.clear();
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
};

const bearer: Middleware = {
  async onRequest({ request }) {
    if (SESSION_PATHS.test(new URL(request.url).pathname)) return request;
    let session = sessionStore.get();
    if (session && session.expiresAt - Date.now() < 30_000) {
      await refreshSession();
      session = sessionStore.get();
    }
    if (session) request.headers.set('Authorization', `Bearer ${session.accessToken}`);
    return request;
  },
  async onResponse({ request, response }) {
    // An access token the server no longer accepts: back to the sign-in page.
    if (response.status === 401 && !SESSION_PATHS.test(new URL(request.url).pathname)) sessionStore.clear();
    // A part of the system is down: the banner says which (actions report their own, with their retry).
    if (response.status === 503 && request.method === 'GET') {
      const body: unknown = await response
        .clone()
        .json()
        .catch(() => undefined);
      const info = unavailableOf(toApiError(response.status, body));
      if (info) unavailableStore.report({ info });
    } else if (response.ok) unavailableStore.clear({ onlyReads: true });
    return response;
  },
};
api.use(bearer);

/** The data of a call, or an ApiError carrying the API's stable code and messages. */
export const unwrap = async <T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> => {
  const { data, error, response } = await call;
  if (!response.ok) throw toApiError(response.status, error);
  return data as T;
};

/** A request outside the generated types (HTML documents, endpoints other branches add). */
export const authorizedFetch = async (path: string, init: RequestInit = {}): Promise<Response> => {
  let session = sessionStore.get();
  if (session && session.expiresAt - Date.now() < 30_000) {
    await refreshSession();
    session = sessionStore.get();
  }
  const headers = new Headers(init.headers);
  if (session) headers.set('Authorization', `Bearer ${session.accessToken}`);
  return fetch(path, { ...init, headers });
};
