import { useSyncExternalStore } from 'react';
import { ApiError } from '../api/api-error';

/** The part the API named as down (503 details.dependency), or the API itself when it did not answer at all. */
export type DownPart = 'database' | 'temporal' | 'worker' | 'api' | 'server';

/** What a 503 (or no answer) told the user: which part, whether the action may still happen, when to retry. */
export interface Unavailable {
  readonly part: DownPart;
  readonly code: string;
  /** Taken in and will be completed (ACTION_PENDING): a retry with the same key only shows the result. */
  readonly pending: boolean;
  /** Not taken now, but the system may still apply it later (an Update a worker never picked up). */
  readonly mayApplyLater: boolean;
  /** The part is up but overloaded (a burst): the banner says "busy", not "down". */
  readonly busy: boolean;
  readonly retryAfterSeconds: number;
}

const PARTS: readonly DownPart[] = ['database', 'temporal', 'worker'];

/** A 503 from the API (or a request that got no answer) as the user should hear it; otherwise undefined. */
export const unavailableOf = (error: unknown): Unavailable | undefined => {
  // fetch rejects with a TypeError when nothing answers (the API is down or restarting).
  if (error instanceof TypeError)
    return {
      part: 'api',
      code: 'NO_ANSWER',
      pending: false,
      mayApplyLater: false,
      busy: false,
      retryAfterSeconds: 5,
    };
  if (!(error instanceof ApiError)) return undefined;
  if (error.status === 502 || error.status === 504)
    return {
      part: 'api',
      code: error.code,
      pending: false,
      mayApplyLater: false,
      busy: false,
      retryAfterSeconds: 5,
    };
  if (error.status !== 503) return undefined;
  const details = error.body.details ?? {};
  const dependency = details['dependency'];
  const retryAfter = Number(details['retryAfterSeconds']);
  return {
    part: PARTS.includes(dependency as DownPart) ? (dependency as DownPart) : 'server',
    code: error.code,
    pending: details['applied'] === 'pending',
    mayApplyLater: details['mayApplyLater'] === true,
    busy: details['busy'] === true,
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter, 60) : 5,
  };
};

/** What the banner shows: the last unavailable answer, and the action waiting to be sent again (if any). */
export interface UnavailableState {
  readonly info: Unavailable;
  /** Sends the same action again with the same idempotency key. */
  readonly retry?: () => void;
  /** When the automatic retry goes (epoch ms). */
  readonly retryAt?: number;
}

let current: UnavailableState | null = null;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((listener) => listener());

/** One store for the whole app: any request that met a 503 reports it; a success clears it. */
export const unavailableStore = {
  get: (): UnavailableState | null => current,
  report(state: UnavailableState): void {
    current = state;
    emit();
  },
  /** `onlyReads`: a successful read clears a read's banner, never an action still waiting to be sent again. */
  clear({ onlyReads = false }: { onlyReads?: boolean } = {}): void {
    if (!current || (onlyReads && current.retry)) return;
    current = null;
    emit();
  },
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export const useUnavailable = (): UnavailableState | null =>
  useSyncExternalStore(unavailableStore.subscribe, unavailableStore.get, unavailableStore.get);
