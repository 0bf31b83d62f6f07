import { useSyncExternalStore } from 'react';

/** The tokens of the signed-in user, kept in localStorage so a reload keeps the session. */
export interface StoredSession {
  readonly accessToken: string;
  readonly refreshToken: string;
  /** Epoch ms when the access token expires. */
  readonly expiresAt: number;
}

const KEY = 'kientoan.session';
const listeners = new Set<() => void>();

const read = (): StoredSession | null => {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as StoredSession) : null;
  } catch {
    return null;
  }
};

let current = read();

const publish = (next: StoredSession | null) => {
  current = next;
  if (next) localStorage.setItem(KEY, JSON.stringify(next));
  else localStorage.removeItem(KEY);
  listeners.forEach((l) => l());
};

export const sessionStore = {
  get: (): StoredSession | null => current,
  set: (session: { accessToken: string; refreshToken: string; expiresIn: number }) =>
    publish({
      accessToken: session.accessToken,
      refreshToken: session.refreshToken,
      expiresAt: Date.now() + session.expiresIn * 1000,
    }),
  clear: () => publish(null),
  subscribe: (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export const useSession = () => useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
