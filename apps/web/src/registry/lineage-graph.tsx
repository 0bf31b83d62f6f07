import { Skeleton } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { layeredLayout } from './lineage-layout';
import type { LineageGraph } from './registry-api';

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
