/**
 * The ward's tree before and after the proposed items (the live preview's registry entries): each changed
 * unit is marked with what happens to it, in both trees. Renamed units show their old name in the after
 * tree, transferred ones sit under their new parent, dissolved ones stay in place, struck through, and new
 * ones appear under their parent. Pure.
 */
import type { TreeUnit } from '../unit-tree-picker';

export interface EntryAfter {
  readonly id: string;
  readonly name: string;
  readonly parentId: string | null;
  readonly status: 'active' | 'dissolved';
}

export interface PreviewEntry {
  readonly change: string;
  readonly after: EntryAfter;
}

export interface DiffNode {
  readonly id: string;
  readonly name: string;
  /** The kinds of change of this unit (item order), empty when unchanged. */
  readonly changes: readonly string[];
  /** In the after tree: the name before, when it changes. */
  readonly previousName?: string;
  readonly dissolved: boolean;
  readonly children: readonly DiffNode[];
}

interface Flat {
  id: string;
  name: string;
  parentId: string | null;
  dissolved: boolean;
  order: number;
}

const flatten = (nodes: readonly TreeUnit[], parentId: string | null, into: Map<string, Flat>) => {
  for (const node of nodes) {
    into.set(node.id, { id: node.id, name: node.name, parentId, dissolved: false, order: into.size });
    flatten(node.children, node.id, into);
  }
  return into;
};

const build = (
  units: Map<string, Flat>,
  changes: Map<string, string[]>,
  previous: Map<string, string>,
): DiffNode[] => {
  const byParent = new Map<string | null, Flat[]>();
  for (const unit of units.values()) {
    const parent = unit.parentId !== null && units.has(unit.parentId) ? unit.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), unit]);
  }
  const visited = new Set<string>();
  const nodesUnder = (parent: string | null): DiffNode[] =>
    (byParent.get(parent) ?? [])
      .sort((a, b) => a.order - b.order)
      .filter((unit) => !visited.has(unit.id))
      .map((unit) => {
        visited.add(unit.id);
        const before = previous.get(unit.id);
        return {
          id: unit.id,
          name: unit.name,
          changes: changes.get(unit.id) ?? [],
          ...(before !== undefined && before !== unit.name ? { previousName: before } : {}),
          dissolved: unit.dissolved,
          children: nodesUnder(unit.id),
        };
      });
  return nodesUnder(null);
};

/** The two trees with the changed units marked. */
export const beforeAfterTrees = (
  tree: readonly TreeUnit[],
  entries: readonly PreviewEntry[],
): { before: DiffNode[]; after: DiffNode[] } => {
  const before = flatten(tree, null, new Map());
  const after = new Map([...before].map(([id, unit]) => [id, { ...unit }]));
  const changes = new Map<string, string[]>();
  for (const { change, after: next } of entries) {
    changes.set(next.id, [...(changes.get(next.id) ?? []), change]);
    const unit = after.get(next.id);
    if (unit) {
      unit.name = next.name;
      unit.parentId = next.parentId;
      unit.dissolved = next.status === 'dissolved';
    } else
      after.set(next.id, {
        id: next.id,
        name: next.name,
        parentId: next.parentId,
        dissolved: next.status === 'dissolved',
        order: after.size,
      });
  }
  const names = new Map([...before].map(([id, unit]) => [id, unit.name]));
  return { before: build(before, changes, new Map()), after: build(after, changes, names) };
};

/** Only the changed units and their ancestors (a ward has hundreds of units; the changes are what matter). */
export const changedBranches = (nodes: readonly DiffNode[]): DiffNode[] =>
  nodes.flatMap((node) => {
    const children = changedBranches(node.children);
    return node.changes.length > 0 || children.length > 0 ? [{ ...node, children }] : [];
  });

/** Every node id (to expand a tree fully). */
export const allIds = (nodes: readonly DiffNode[]): string[] =>
  nodes.flatMap((n) => [n.id, ...allIds(n.children)]);
