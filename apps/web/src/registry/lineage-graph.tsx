import { Skeleton } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LineageGraph } from './registry-api';

type Node = LineageGraph['nodes'][number];
type Edge = LineageGraph['edges'][number];

/**
 * Columns by the longest path from a source (the lineage is a DAG: a unit's states in date order, mergers into
 * later states), rows in order within a column: a stable picture, the same on every load.
 */
export const layeredLayout = (nodes: readonly Node[], edges: readonly Edge[]) => {
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

/**
 * The lineage drawn with ECharts (graph series), loaded only when a unit page shows it and with only the parts
 * it uses (graph, tooltip, aria, canvas). The text list beside it carries the same facts for screen readers.
 */
export function LineageGraphChart({ graph, label }: { graph: LineageGraph; label: string }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let disposed = false;
    let dispose = () => {};
    void (async () => {
      const { init } = await import('./lineage-echarts');
      if (disposed || !container.current) return;
      const chart = init(container.current, undefined, { renderer: 'canvas' });
      const positions = layeredLayout(graph.nodes, graph.edges);
      chart.setOption({
        aria: { enabled: true, label: { description: label } },
        tooltip: { formatter: '{b}' },
        series: [
          {
            type: 'graph',
            layout: 'none',
            roam: true,
            // Room for the labels under the end nodes, also on a 360 px phone.
            left: 90,
            right: 90,
            top: 30,
            bottom: 40,
            symbolSize: 16,
            edgeSymbol: ['none', 'arrow'],
            edgeSymbolSize: 9,
            label: { show: true, position: 'bottom', width: 150, overflow: 'break', color: '#262626' },
            edgeLabel: { show: true, fontSize: 11, color: '#434343' },
            lineStyle: { color: '#8c8c8c', width: 1.5 },
            data: graph.nodes.map((n) => ({
              id: n.key,
              name: n.name,
              ...positions.get(n.key),
              itemStyle: { color: n.focus ? '#b71c1c' : '#595959' },
            })),
            links: graph.edges.map((e) => ({
              source: e.source,
              target: e.target,
              label: {
                formatter: `${t(`registry.changes.${e.change}`, { defaultValue: e.change })} ${e.effectiveDate.split('-').reverse().join('/')}`,
              },
            })),
          },
        ],
      });
      const observer = new ResizeObserver(() => chart.resize());
      observer.observe(container.current);
      setReady(true);
      dispose = () => {
        observer.disconnect();
        chart.dispose();
      };
    })();
    return () => {
      disposed = true;
      dispose();
    };
  }, [graph, label, t]);

  return (
    <div className="lineage-graph-frame">
      {ready ? null : (
        <Skeleton active paragraph={{ rows: 3 }} aria-label={t('registry.unit.graphLoading')} />
      )}
      <div ref={container} className="lineage-graph" role="img" aria-label={label} />
    </div>
  );
}
