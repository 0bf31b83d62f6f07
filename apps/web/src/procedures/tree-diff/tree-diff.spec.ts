import { allIds, beforeAfterTrees, changedBranches } from './tree-diff';

const tree = [
  {
    id: 'du',
    name: 'Đảng bộ phường',
    children: [
      { id: 'cb1', name: 'Chi bộ 1', children: [] },
      { id: 'cb2', name: 'Chi bộ 2', children: [] },
      { id: 'db', name: 'Đảng bộ cơ sở', children: [{ id: 'cb3', name: 'Chi bộ 3', children: [] }] },
    ],
  },
];
const entry = (change: string, id: string, name: string, parentId: string | null, dissolved = false) => ({
  change,
  after: { id, name, parentId, status: dissolved ? ('dissolved' as const) : ('active' as const) },
});
const shape = (nodes: readonly { id: string; children: readonly unknown[] }[]): unknown =>
  nodes.map((n) => [n.id, shape(n.children as never)]);

describe('before/after tree', () => {
  it('given no entries, then both trees are the ward tree with nothing marked', () => {
    const { before, after } = beforeAfterTrees(tree, []);
    expect(shape(after)).toEqual(shape(before));
    expect(allIds(before)).toEqual(['du', 'cb1', 'cb2', 'db', 'cb3']);
    expect(changedBranches(before)).toEqual([]);
  });

  it('given a rename, a transfer, a dissolution and a new unit, then the after tree shows each in place', () => {
    const { before, after } = beforeAfterTrees(tree, [
      entry('rename', 'cb1', 'Chi bộ Tổ dân phố số 1', 'du'),
      entry('transfer', 'cb2', 'Chi bộ 2', 'db'),
      entry('dissolve', 'cb3', 'Chi bộ 3', 'db', true),
      entry('establish', 'new', 'Chi bộ mới', 'du'),
    ]);
    expect(shape(after)).toEqual([
      [
        'du',
        [
          ['cb1', []],
          [
            'db',
            [
              ['cb2', []],
              ['cb3', []],
            ],
          ],
          ['new', []],
        ],
      ],
    ]);
    const du = after[0]!;
    expect(du.children[0]).toMatchObject({
      name: 'Chi bộ Tổ dân phố số 1',
      previousName: 'Chi bộ 1',
      changes: ['rename'],
    });
    const db = du.children[1]!;
    expect(db.children[0]).toMatchObject({ id: 'cb2', changes: ['transfer'] });
    expect(db.children[0]).not.toHaveProperty('previousName');
    expect(db.children[1]).toMatchObject({ id: 'cb3', dissolved: true, changes: ['dissolve'] });
    // The before tree marks the same units, with their old names and places.
    expect(before[0]!.children.map((c) => [c.id, c.name, c.changes])).toEqual([
      ['cb1', 'Chi bộ 1', ['rename']],
      ['cb2', 'Chi bộ 2', ['transfer']],
      ['db', 'Đảng bộ cơ sở', []],
    ]);
  });

  it('given two items on one unit, then the last after wins and both changes are listed', () => {
    const { after } = beforeAfterTrees(tree, [
      entry('rename', 'cb1', 'Chi bộ A', 'du'),
      entry('transfer', 'cb1', 'Chi bộ A', 'db'),
    ]);
    const moved = after[0]!.children.find((c) => c.id === 'db')!.children.find((c) => c.id === 'cb1');
    expect(moved).toMatchObject({ changes: ['rename', 'transfer'], previousName: 'Chi bộ 1' });
  });

  it('given only changed branches, then unchanged leaves are left out and ancestors kept', () => {
    const { after } = beforeAfterTrees(tree, [entry('rename', 'cb3', 'Chi bộ 3A', 'db')]);
    expect(shape(changedBranches(after))).toEqual([['du', [['db', [['cb3', []]]]]]]);
  });
});
