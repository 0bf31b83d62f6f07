/** Where each node of a lineage graph is drawn (pure; the chart only paints it). */
interface Keyed {
  readonly key: string;
}
interface Link {
  readonly source: string;
  readonly target: string;
}

/**
 * Columns by the longest path from a source (the lineage is a DAG: a unit's states in date order, mergers into
 * later states), rows in order within a column: a stable picture, the same on every load.
 */
export const layeredLayout = (nodes: readonly Keyed[], edges: readonly Link[]) => {
  const layer = new Map(nodes.map((n) => [n.key, 0]));
  for (let pass = 0; pass < nodes.length; pass += 1) {
    let moved = false;
    for (const e of edges) {
      const next = (layer.get(e.source) ?? 0) + 1;
      if (layer.has(e.target) && next > (layer.get(e.target) ?? 0)) {
        layer.set(e.target, next);
        moved = true;
      }
    }
    if (!moved) break;
  }
  const rows = new Map<number, number>();
  return new Map(
    nodes.map((n) => {
      const column = layer.get(n.key) ?? 0;
      const row = rows.get(column) ?? 0;
      rows.set(column, row + 1);
      return [n.key, { x: column * 240, y: row * 90 }] as const;
    }),
  );
};
