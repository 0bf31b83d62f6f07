/* global AbortController, TextDecoder, fetch */
// Live updates as the web app gets them: a ticket (POST /api/events/ticket, with the bearer token), then the
// Server-Sent Events stream GET /api/events?ticket=… of `procedure_changed` events ({procedureId, wardCode,
// revision, status, currentStep, waitingFor}). The P1 lane waits on these instead of polling, and the
// freshness part times them.
import { performance } from 'node:perf_hooks';

/**
 * Opens the account's event stream. Answers undefined when the API has no such stream (older versions), so
 * callers fall back to polling. `keepArrivals` keeps every event with its arrival time (freshness).
 */
export async function openEventStream(api, token, { keepArrivals = false } = {}) {
  const issued = await api.request('POST', '/api/events/ticket', { token });
  if (issued.status !== 200 || typeof issued.body?.ticket !== 'string') return undefined;
  const controller = new AbortController();
  let response;
  try {
    response = await fetch(`${api.baseUrl}/api/events?ticket=${encodeURIComponent(issued.body.ticket)}`, {
      headers: { accept: 'text/event-stream' },
      signal: controller.signal,
    });
  } catch {
    return undefined;
  }
  if (response.status !== 200 || !response.headers.get('content-type')?.includes('text/event-stream')) {
    controller.abort();
    return undefined;
  }

  /** The newest change seen per procedure (highest revision: events may be read out of order). */
  const latest = new Map();
  const arrivals = [];
  const waiters = new Set();
  const deliver = (change) => {
    const held = latest.get(change.procedureId);
    if (!held || (change.revision ?? 0) >= (held.revision ?? 0)) latest.set(change.procedureId, change);
    if (keepArrivals) arrivals.push({ at: performance.now(), change });
    for (const waiter of waiters) if (waiter.id === change.procedureId) waiter.wake(change);
  };
  const parseBlock = (block) => {
    let type = 'message';
    const data = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) type = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    if (type !== 'procedure_changed' || !data.length) return;
    try {
      deliver(JSON.parse(data.join('\n')));
    } catch {
      // not JSON: not ours
    }
  };
  let open = true;
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk, { stream: true }).replace(/\r\n/g, '\n');
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          parseBlock(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // aborted at the end
    } finally {
      open = false;
      for (const waiter of waiters) waiter.wake(undefined);
    }
  })();

  return {
    isOpen: () => open,
    /** The newest change seen for the procedure, or undefined. */
    latest: (id) => latest.get(id),
    /** The next change naming the procedure, or undefined after `timeoutMs` (or when the stream ends). */
    next(id, timeoutMs) {
      if (!open) return Promise.resolve(undefined);
      return new Promise((resolve) => {
        const waiter = {
          id,
          wake: (change) => {
            clearTimeout(timer);
            waiters.delete(waiter);
            resolve(change);
          },
        };
        const timer = setTimeout(() => waiter.wake(undefined), timeoutMs);
        waiters.add(waiter);
      });
    },
    /** When the first event naming the procedure arrived at or after `after` (performance.now()). */
    async firstAfter(id, after, timeoutMs = 10_000) {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        const hit = arrivals.find((a) => a.at >= after && a.change.procedureId === id);
        if (hit) return hit.at;
        const left = deadline - performance.now();
        if (left <= 0 || !(await this.next(id, left))) return undefined;
      }
    },
    close: () => controller.abort(),
  };
}
