/**
 * Shares one run of an expensive read among the requests that ask for it at the same time, without ever
 * answering a request with data read before it arrived: a request that comes while a run is under way waits
 * for the next run, which starts when that one ends and serves everyone who came meanwhile. So N concurrent
 * requests cost at most two runs instead of N runs queueing for the CPU, and each answer is as fresh as a run
 * of its own would be (read-your-writes holds).
 */
export const coalescedRead = <T>(read: () => Promise<T>): (() => Promise<T>) => {
  let running: Promise<T> | undefined;
  let next: Promise<T> | undefined;
  const start = (): Promise<T> => {
    const run = read();
    running = run;
    const done = () => {
      if (running === run) running = undefined;
    };
    run.then(done, done);
    return run;
  };
  return () => {
    if (!running) return start();
    next ??= running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        next = undefined;
        return start();
      });
    return next;
  };
};
