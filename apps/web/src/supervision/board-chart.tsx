import { Skeleton } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardWard } from '@kientoan/domain/supervision/city-board';
import { STEPS } from '../procedures/labels';
import type { init } from './echarts-parts';

type Chart = ReturnType<typeof init>;

/** Step colours light to dark (the procedure moves right), overdue orange, stalled and failed red. */
const STEP_COLORS = ['#91caff', '#4096ff', '#0958d9', '#10239e', '#030852'];
const OVERDUE = '#d46b08';
const STALLED = '#cf1322';

/**
 * Running procedures by step per ward (stacked bars) with the overdue and stalled-or-failed counts beside
 * them. ECharts is loaded only when the chart is drawn. The canvas is described for screen readers; the
 * table below it has the same numbers.
 */
export function BoardChart({
  wards,
  summary,
  onWard,
}: {
  wards: readonly BoardWard[];
  summary: string;
  onWard: (code: string) => void;
}) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<Chart | null>(null);
  const [loaded, setLoaded] = useState(false);
  const onWardRef = useRef(onWard);
  onWardRef.current = onWard;
  const wardsRef = useRef(wards);
  wardsRef.current = wards;

  useEffect(() => {
    let disposed = false;
    const resize = () => chart.current?.resize();
    void import('./echarts-parts').then(({ init }) => {
      if (disposed || !element.current) return;
      chart.current = init(element.current);
      chart.current.on('click', (params) => {
        const ward = wardsRef.current[params.dataIndex];
        if (ward) onWardRef.current(ward.code);
      });
      window.addEventListener('resize', resize);
      setLoaded(true);
    });
    return () => {
      disposed = true;
      window.removeEventListener('resize', resize);
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (!loaded || !chart.current) return;
    const many = wards.length > 40;
    chart.current.setOption(
      {
        animation: false,
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0, type: 'scroll' },
        grid: { left: 40, right: 16, top: 56, bottom: many ? 110 : 80, containLabel: false },
        xAxis: {
          type: 'category',
          data: wards.map((w) => w.name),
          axisLabel: { rotate: 60, interval: many ? 'auto' : 0, fontSize: 11 },
        },
        yAxis: { type: 'value', minInterval: 1 },
        dataZoom: many
          ? [
              { type: 'slider', bottom: 8, startValue: 0, endValue: 39 },
              { type: 'inside', startValue: 0, endValue: 39 },
            ]
          : [],
        series: [
          ...STEPS.map((step, i) => ({
            name: t(`steps.${step}`),
            type: 'bar' as const,
            stack: 'running',
            itemStyle: { color: STEP_COLORS[i] },
            data: wards.map((w) => w.running[step]),
          })),
          {
            name: t('board.totals.overdue'),
            type: 'bar' as const,
            itemStyle: { color: OVERDUE },
            data: wards.map((w) => w.overdue),
          },
          {
            name: `${t('board.totals.stalled')} + ${t('board.totals.failed')}`,
            type: 'bar' as const,
            itemStyle: { color: STALLED },
            data: wards.map((w) => w.stalled + w.failed),
          },
        ],
      },
      { notMerge: true },
    );
  }, [loaded, wards, t]);

  return (
    <div className="board-chart-frame">
      {loaded ? null : <Skeleton active aria-label={t('board.chart.loading')} />}
      <div ref={element} className="board-chart" role="img" aria-label={summary} />
    </div>
  );
}
