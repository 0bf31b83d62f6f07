import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { api, unwrap } from '../api/client';
import { type ProcedureChanged, createRefreshScheduler } from './refresh-scheduler';

/**
 * Live updates over Server-Sent Events (GET /api/events). EventSource cannot send an Authorization header,
 * so the app first trades its bearer token for a ticket that lives 60 s (POST /api/events/ticket) and
 * opens the stream with it in the query string. Each event names a procedure; the queries that show it
 * (the procedure, the inboxes, the lists) are refreshed, a burst of events without cancelling the answers
 * on their way (refresh-scheduler.ts). While the stream is down, pages poll instead.
 */
type LiveStatus = 'connected' | 'polling';
let status: LiveStatus = 'polling';
const listeners = new Set<() => void>();
const setStatus = (next: LiveStatus) => {
  status = next;
  listeners.forEach((l) => l());
};

/** While the stream is up, events refresh the pages and polling only guards against a missed event. */
const CONNECTED_POLL_MS = 60_000;

/** How often a page should poll: `ms` while the live stream is down, rarely while it is up. */
export const usePollInterval = (ms = 15_000): number =>
  useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => status,
  ) === 'connected'
    ? Math.max(ms, CONNECTED_POLL_MS)
    : ms;

export const useLiveUpdates = (enabled: boolean) => {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const refresh = createRefreshScheduler(queryClient);
    const connect = async () => {
      try {
        const { ticket } = await unwrap(api.POST('/api/events/ticket'));
        if (stopped) return;
        source = new EventSource(`/api/events?ticket=${encodeURIComponent(ticket)}`);
        source.addEventListener('open', () => setStatus('connected'));
        source.addEventListener(
          'procedure_changed',
          (e) => void refresh.changed(JSON.parse((e as MessageEvent<string>).data) as ProcedureChanged),
        );
        source.addEventListener('error', () => {
          // The ticket expires within a minute: reconnect with a new one rather than letting EventSource retry.
          source?.close();
          setStatus('polling');
          if (!stopped) retry = setTimeout(() => void connect(), 5_000);
        });
      } catch {
        setStatus('polling');
        if (!stopped) retry = setTimeout(() => void connect(), 30_000);
      }
    };
    void connect();
    return () => {
      stopped = true;
      refresh.dispose();
      clearTimeout(retry);
      source?.close();
      setStatus('polling');
    };
  }, [enabled, queryClient]);
};
