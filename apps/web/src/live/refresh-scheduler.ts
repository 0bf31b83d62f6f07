import type { QueryClient, QueryKey } from '@tanstack/react-query';

/** What a `procedure_changed` event says (the projection's writer sends it with pg_notify). */
export interface ProcedureChanged {
  readonly procedureId: string;
  readonly wardCode: string;
  readonly revision: number;
  /** The projection's state after the change (absent from older writers). */
  readonly status?: string;
  readonly currentStep?: string | null;
  readonly waitingFor?: string | null;
  /** Sent when a vote is recorded (the revision stays): the votes cast in the round so far. */
  readonly votes?: number;
}

interface CachedProcedure {
  readonly revision?: number;
  readonly round?: number;
  readonly votes?: readonly { readonly round: number }[];
  readonly status?: string;
  readonly currentStep?: string | null;
  readonly waitingFor?: string | null;
}

/**
 * Turns live events into refetches without ever cancelling one under way. A vote that closes a round makes
 * the workflow write several views within a second (vote recorded, step moved, issue, announcement): with
 * TanStack Query's default (`cancelRefetch`) each event threw away the answer in flight and asked again, so
 * a page showed the change only after the burst, seconds later. Here a refresh runs to its end and its answer
 * is shown; an event that arrives meanwhile asks for exactly one more refresh after it (the latest state).
 *
 * The event carries the procedure's new status, step and whom it waits for: a page that shows the procedure
 * takes them at once (the vote closed, the next step), then reads the procedure (everything else), then the
 * parts of its page, the inboxes, lists and notifications: the main answer does not wait behind them for
 * the browser's few connections or the server's time.
 */
export const createRefreshScheduler = (queryClient: QueryClient) => {
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();

  const refresh = (name: string, keys: () => readonly QueryKey[], exact = false): Promise<void> => {
    const pending = running.get(name);
    if (pending) {
      again.add(name);
      return pending;
    }
    const run = Promise.all(
      keys().map((queryKey) =>
        queryClient.invalidateQueries({ queryKey, exact }, { cancelRefetch: false, throwOnError: false }),
      ),
    )
      .then(() => undefined)
      .catch(() => undefined)
      .finally(() => {
        running.delete(name);
        if (again.delete(name)) void refresh(name, keys, exact);
      });
    running.set(name, run);
    return run;
  };

  /**
   * The cached procedure already shows this revision or a newer one (an action's own refetch got it). A vote
   * changes the procedure's votes, not its revision: its event is shown once the round's votes are there.
   */
  const upToDate = (event: ProcedureChanged) => {
    const cached = queryClient.getQueryData<CachedProcedure>(['procedure', event.procedureId]);
    if (typeof cached?.revision !== 'number' || cached.revision < event.revision) return false;
    if (event.votes === undefined) return true;
    const cast = cached.votes?.filter((v) => v.round === cached.round).length;
    return cast !== undefined && cast >= event.votes;
  };

  /**
   * The newest state each procedure's events carried, until a read brings that revision: an answer to a read
   * that started before the change (still "voting") must not put the page back to the older state.
   */
  const shownStates = new Map<string, ProcedureChanged>();
  const withState = (cached: CachedProcedure | undefined, event: ProcedureChanged) =>
    cached
      ? {
          ...cached,
          ...(event.status !== undefined ? { status: event.status } : {}),
          ...(event.currentStep !== undefined ? { currentStep: event.currentStep } : {}),
          ...(event.waitingFor !== undefined ? { waitingFor: event.waitingFor } : {}),
        }
      : cached;

  const showsState = (cached: CachedProcedure, event: ProcedureChanged) =>
    (event.status === undefined || cached.status === event.status) &&
    (event.currentStep === undefined || cached.currentStep === event.currentStep) &&
    (event.waitingFor === undefined || cached.waitingFor === event.waitingFor);

  /** The state the event carries, shown before the read (the revision stays: the read still happens). */
  const showState = (event: ProcedureChanged) => {
    // A vote's event carries the state as it was: nothing new to show before the read.
    if (event.status === undefined || event.votes !== undefined || upToDate(event)) return;
    const known = shownStates.get(event.procedureId);
    if (known && known.revision >= event.revision) return;
    shownStates.set(event.procedureId, event);
    queryClient.setQueryData<CachedProcedure>(['procedure', event.procedureId], (cached) =>
      withState(cached, event),
    );
  };

  // Every answer to the procedure's read, as it lands: older than the state shown, it keeps that state.
  const unsubscribe = queryClient.getQueryCache().subscribe((cacheEvent) => {
    if (cacheEvent.type !== 'updated' || cacheEvent.action.type !== 'success') return;
    const key = cacheEvent.query.queryKey as readonly unknown[];
    const [name, procedureId] = key;
    if (name !== 'procedure' || typeof procedureId !== 'string' || key.length !== 2) return;
    const state = shownStates.get(procedureId);
    if (!state) return;
    const data = cacheEvent.query.state.data as CachedProcedure | undefined;
    if (!data) return;
    if (typeof data.revision === 'number' && data.revision >= state.revision) shownStates.delete(procedureId);
    else if (!showsState(data, state)) cacheEvent.query.setData(withState(data, state));
  });

  /** Until no refresh of `name` is running, the one asked for meanwhile included. */
  const settled = async (name: string) => {
    for (let run = running.get(name); run; run = running.get(name)) await run;
  };

  const refreshProcedure = async (event: ProcedureChanged) => {
    if (upToDate(event)) return;
    const name = `procedure:${event.procedureId}`;
    const main = () => refresh(name, () => [['procedure', event.procedureId]], true);
    await main();
    await settled(name);
    // A fetch already under way when the event came (a poll) may have answered from before the change.
    if (!upToDate(event) && queryClient.getQueryState(['procedure', event.procedureId])) {
      await main();
      await settled(name);
    }
  };

  const changed = async (event: ProcedureChanged): Promise<void> => {
    showState(event);
    await refreshProcedure(event);
    await refresh(`parts:${event.procedureId}`, () =>
      queryClient
        .getQueryCache()
        .findAll({ queryKey: ['procedure', event.procedureId] })
        .map((query) => query.queryKey)
        .filter((key) => key.length > 2),
    );
    await refresh('lists', () => [['inbox'], ['procedures'], ['notifications']]);
  };

  return { changed, dispose: unsubscribe };
};
