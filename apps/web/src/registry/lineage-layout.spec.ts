import { layeredLayout } from './lineage-layout';

describe('Lineage graph layout', () => {
  it('given two cells merged into a unit that is later renamed, then sources share the first column and each step moves one column right', () => {
    const positions = layeredLayout(
      [{ key: 'm@1' }, { key: 'm@2' }, { key: 'a' }, { key: 'b' }],
      [
        { source: 'a', target: 'm@1' },
        { source: 'b', target: 'm@1' },
        { source: 'm@1', target: 'm@2' },
      ],
    );
    expect(Object.fromEntries(positions)).toEqual({
      a: { x: 0, y: 0 },
      b: { x: 0, y: 90 },
      'm@1': { x: 240, y: 0 },
      'm@2': { x: 480, y: 0 },
    });
  });

  it('given an edge to a node not in the graph or a cycle, then every node still gets a place', () => {
    const positions = layeredLayout(
      [{ key: 'x' }, { key: 'y' }],
      [
        { source: 'x', target: 'y' },
        { source: 'y', target: 'x' },
        { source: 'x', target: 'missing' },
      ],
    );
    expect([...positions.keys()]).toEqual(['x', 'y']);
  });
});
