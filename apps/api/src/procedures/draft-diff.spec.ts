import { diffDraftLines } from './draft-diff';

describe('diffDraftLines', () => {
  it('given an edited article, then only that line is removed and added', () => {
    expect(diffDraftLines('a\nĐiều 1. cũ\nc', 'a\nĐiều 1. mới\nc')).toEqual({
      wholesale: false,
      lines: [
        { op: 'same', text: 'a' },
        { op: 'removed', text: 'Điều 1. cũ' },
        { op: 'added', text: 'Điều 1. mới' },
        { op: 'same', text: 'c' },
      ],
    });
  });

  it('given identical texts, then every line is the same', () => {
    expect(diffDraftLines('x\ny', 'x\ny').lines.every((l) => l.op === 'same')).toBe(true);
  });

  it('given two unrelated 33,000-line texts, then the answer is a wholesale replacement costing under 200 ms of CPU', () => {
    const old = Array.from({ length: 33_000 }, (_, i) => `Điều ${i}. cũ`).join('\n');
    const next = Array.from({ length: 33_000 }, (_, i) => `Điều ${i}. mới`).join('\n');
    // CPU time, not wall-clock: what the diff costs the event loop, whatever else the machine is doing.
    const started = process.cpuUsage();
    const diff = diffDraftLines(old, next);
    const { user, system } = process.cpuUsage(started);
    expect((user + system) / 1000).toBeLessThan(200);
    expect(diff.wholesale).toBe(true);
    expect(diff.lines).toHaveLength(66_000);
  });

  it('given a 5,000-line draft (the largest accepted) with one line changed, then the diff is exact', () => {
    const lines = Array.from({ length: 5_000 }, (_, i) => `Điều ${i}.`);
    const edited = lines.map((l, i) => (i === 2_500 ? 'Điều mới.' : l));
    const diff = diffDraftLines(lines.join('\n'), edited.join('\n'));
    expect(diff.wholesale).toBe(false);
    expect(diff.lines.filter((l) => l.op !== 'same')).toEqual([
      { op: 'removed', text: 'Điều 2500.' },
      { op: 'added', text: 'Điều mới.' },
    ]);
  });
});
