import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { createRefreshScheduler } from './refresh-scheduler';

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
}
const deferred = <T>(): Deferred<T> => {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A page that shows a procedure (revisioned) and one part of it: every fetch waits until the test answers. */
const givenAPageShowing = (id: string) => {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 60_000 } } });
  const fetches: { key: string; answer: Deferred<unknown> }[] = [];
  const observe = (queryKey: unknown[]) => {
    const observer = new QueryObserver(client, {
      queryKey,
      queryFn: () => {
        const answer = deferred<unknown>();
        fetches.push({ key: queryKey.join('/'), answer });
        return answer.promise;
      },
    });
    observer.subscribe(() => undefined);
    return observer;
  };
  const procedure = observe(['procedure', id]);
  observe(['procedure', id, 'task']);
  return { client, fetches, procedure };
};

describe('live refresh of a procedure page', () => {
  const id = 'p-1';
  const event = (revision: number) => ({ procedureId: id, wardCode: 'w', revision });

  it('given a burst of events while the procedure is being read, then that answer is shown and exactly one more read follows', async () => {
    const page = givenAPageShowing(id);
    // The page's first reads.
    page.fetches.shift()!.answer.resolve({ revision: 1, currentStep: 'committee_approval' });
    page.fetches.shift()!.answer.resolve({ votes: 2 });
    await settle();
    const { changed } = createRefreshScheduler(page.client);

    void changed(event(2));
    await settle();
    void changed(event(3));
    void changed(event(4));
    await settle();
    expect(page.fetches.map((f) => f.key)).toEqual(['procedure/p-1']);

    // The first answer (already closed) arrives: it is shown, not thrown away for the later events.
    page.fetches.shift()!.answer.resolve({ revision: 3, currentStep: 'issue' });
    await settle();
    expect(page.procedure.getCurrentResult().data).toEqual({ revision: 3, currentStep: 'issue' });
    // One more read for the events that came meanwhile, not one per event.
    expect(page.fetches.map((f) => f.key)).toEqual(['procedure/p-1']);
    page.fetches.shift()!.answer.resolve({ revision: 4, currentStep: 'issue' });
    await settle();
    expect(page.procedure.getCurrentResult().data).toEqual({ revision: 4, currentStep: 'issue' });
    // Then the page's parts, once.
    expect(page.fetches.map((f) => f.key)).toEqual(['procedure/p-1/task']);
  });

  it('given an event, then the procedure is read before the parts of its page', async () => {
    const page = givenAPageShowing(id);
    page.fetches.splice(0).forEach((f) => f.answer.resolve({ revision: 1 }));
    await settle();
    void createRefreshScheduler(page.client).changed(event(2));
    await settle();
    expect(page.fetches.map((f) => f.key)).toEqual(['procedure/p-1']);
    page.fetches.shift()!.answer.resolve({ revision: 2 });
    await settle();
    expect(page.fetches.map((f) => f.key)).toEqual(['procedure/p-1/task']);
  });

  it('given an event that carries the new state, then the page shows it at once and still reads the rest', async () => {
    const page = givenAPageShowing(id);
    page.fetches
      .shift()!
      .answer.resolve({ revision: 1, status: 'running', currentStep: 'committee_approval', votes: 2 });
    page.fetches.shift()!.answer.resolve({});
    await settle();
    void createRefreshScheduler(page.client).changed({
      ...event(2),
      status: 'running',
      currentStep: 'issue',
      waitingFor: null,
    });
    await settle();
    // Before any answer: the vote is shown closed.
    expect(page.procedure.getCurrentResult().data).toEqual({
      revision: 1,
      status: 'running',
      currentStep: 'issue',
      waitingFor: null,
      votes: 2,
    });
    expect(page.fetches.map((f) => f.key)).toEqual(['procedure/p-1']);
    page.fetches.shift()!.answer.resolve({ revision: 2, status: 'running', currentStep: 'issue', votes: 3 });
    await settle();
    expect(page.procedure.getCurrentResult().data).toMatchObject({ revision: 2, votes: 3 });
  });

  it('given a read that started before the closing event answers after it, then the page stays closed', async () => {
    const page = givenAPageShowing(id);
    page.fetches
      .shift()!
      .answer.resolve({ revision: 6, status: 'running', currentStep: 'committee_approval' });
    page.fetches.shift()!.answer.resolve({});
    await settle();
    const { changed } = createRefreshScheduler(page.client);
    // The vote is tallied (still the vote's step): a read starts.
    void changed({ ...event(7), status: 'running', currentStep: 'committee_approval', waitingFor: null });
    await settle();
    // The step moves on while that read is under way.
    void changed({ ...event(8), status: 'running', currentStep: 'issue_decision', waitingFor: null });
    await settle();
    expect(page.procedure.getCurrentResult().data).toMatchObject({ currentStep: 'issue_decision' });
    // The first read answers from before the move: the page keeps the newer state.
    page.fetches
      .shift()!
      .answer.resolve({ revision: 7, status: 'running', currentStep: 'committee_approval' });
    await settle();
    expect(page.procedure.getCurrentResult().data).toMatchObject({
      revision: 7,
      currentStep: 'issue_decision',
    });
    // The read after it brings revision 8 itself.
    page.fetches
      .shift()!
      .answer.resolve({ revision: 8, status: 'running', currentStep: 'issue_decision', votes: 3 });
    await settle();
    expect(page.procedure.getCurrentResult().data).toEqual({
      revision: 8,
      status: 'running',
      currentStep: 'issue_decision',
      votes: 3,
    });
  });

  it('given an older event than the page shows, then its state is not shown', async () => {
    const page = givenAPageShowing(id);
    page.fetches.shift()!.answer.resolve({ revision: 5, status: 'completed', currentStep: null });
    page.fetches.shift()!.answer.resolve({});
    await settle();
    void createRefreshScheduler(page.client).changed({
      ...event(4),
      status: 'running',
      currentStep: 'issue',
    });
    await settle();
    expect(page.procedure.getCurrentResult().data).toEqual({
      revision: 5,
      status: 'completed',
      currentStep: null,
    });
  });

  it('given the page already shows the event’s revision, then only the parts are read again', async () => {
    const page = givenAPageShowing(id);
    page.fetches.splice(0).forEach((f) => f.answer.resolve({ revision: 5 }));
    await settle();
    void createRefreshScheduler(page.client).changed(event(5));
    await settle();
    expect(page.fetches.map((f) => f.key)).toEqual(['procedure/p-1/task']);
  });

  it('given a vote recorded at the revision the page shows, then the procedure is read again (its votes changed)', async () => {
    const page = givenAPageShowing(id);
    page.fetches.splice(0).forEach((f) => f.answer.resolve({ revision: 5, round: 1, votes: [] }));
    await settle();
    void createRefreshScheduler(page.client).changed({ ...event(5), status: 'running', votes: 1 });
    await settle();
    expect(page.fetches.map((f) => f.key)).toEqual(['procedure/p-1']);
    const withVote = { revision: 5, round: 1, votes: [{ round: 1, voterId: 'uv-1' }] };
    page.fetches.shift()!.answer.resolve(withVote);
    await settle();
    expect(page.procedure.getCurrentResult().data).toEqual(withVote);
    // Read once: the answer has the vote.
    expect(page.fetches.map((f) => f.key)).toEqual(['procedure/p-1/task']);
  });

  it('given a vote the page already shows, then only the parts are read again', async () => {
    const page = givenAPageShowing(id);
    const shown = { revision: 5, round: 2, votes: [{ round: 1 }, { round: 2 }] };
    page.fetches.splice(0).forEach((f) => f.answer.resolve(shown));
    await settle();
    void createRefreshScheduler(page.client).changed({ ...event(5), status: 'running', votes: 1 });
    await settle();
    expect(page.fetches.map((f) => f.key)).toEqual(['procedure/p-1/task']);
  });

  it('given a read that was already under way answers from before the change, then it is read once more', async () => {
    const page = givenAPageShowing(id);
    page.fetches.splice(0).forEach((f) => f.answer.resolve({ revision: 1 }));
    await settle();
    // A poll starts reading; the event comes while it is on its way.
    void page.procedure.refetch();
    await settle();
    void createRefreshScheduler(page.client).changed(event(2));
    await settle();
    expect(page.fetches.map((f) => f.key)).toEqual(['procedure/p-1']);
    page.fetches.shift()!.answer.resolve({ revision: 1 });
    await settle();
    expect(page.fetches.map((f) => f.key)).toEqual(['procedure/p-1']);
    page.fetches.shift()!.answer.resolve({ revision: 2 });
    await settle();
    expect(page.procedure.getCurrentResult().data).toEqual({ revision: 2 });
  });
});
