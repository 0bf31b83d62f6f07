import { coalescedRead } from './coalesced-read';

/** A read whose runs the test finishes one by one. */
const givenAControlledRead = () => {
  const runs: { finish: (value: number) => void; fail: (error: Error) => void }[] = [];
  const read = coalescedRead(
    () =>
      new Promise<number>((resolve, reject) => {
        runs.push({ finish: resolve, fail: reject });
      }),
  );
  return { read, runs };
};
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('coalescedRead', () => {
  it('given no run under way, when a request comes, then it starts a run of its own', async () => {
    const { read, runs } = givenAControlledRead();
    const answer = read();
    expect(runs).toHaveLength(1);
    runs[0]!.finish(1);
    await expect(answer).resolves.toBe(1);
  });

  it('given a run under way, when more requests come, then they share one next run started after it ends', async () => {
    const { read, runs } = givenAControlledRead();
    const first = read();
    const second = read();
    const third = read();
    expect(runs).toHaveLength(1);

    runs[0]!.finish(1);
    await expect(first).resolves.toBe(1);
    await settle();
    expect(runs).toHaveLength(2);
    runs[1]!.finish(2);

    await expect(second).resolves.toBe(2);
    await expect(third).resolves.toBe(2);
  });

  it('given the run under way fails, then the requests that waited still get the next run', async () => {
    const { read, runs } = givenAControlledRead();
    const first = read();
    const second = read();
    runs[0]!.fail(new Error('database busy'));
    await expect(first).rejects.toThrow('database busy');
    await settle();
    runs[1]!.finish(3);
    await expect(second).resolves.toBe(3);
  });

  it('given every run ended, when a request comes, then a new run starts', async () => {
    const { read, runs } = givenAControlledRead();
    const first = read();
    runs[0]!.finish(1);
    await first;
    const later = read();
    expect(runs).toHaveLength(2);
    runs[1]!.finish(4);
    await expect(later).resolves.toBe(4);
  });
});
