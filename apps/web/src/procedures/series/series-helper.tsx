import { Alert, Button, Form, Input, InputNumber, Radio, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftRow } from '../paste-rows';
import { type TreeUnit, UnitTreePicker, flattenTree } from '../unit-tree-picker';
import {
  MAX_SERIES_WIDTH,
  type SeriesMode,
  type SeriesOrder,
  applySeries,
  inRegistryOrder,
  makeSeries,
  seriesProblem,
  unitsOfRows,
} from './series';

type Source = 'tree' | 'rows';

/**
 * The series helper of the start page: units picked from the tree (or the units of the current rows) get a
 * pattern's name with consecutive numbers ("Chi bộ {n}" → Chi bộ 1…61), previewed before the rename rows
 * replace the rows or join them.
 */
export function SeriesHelper({
  tree,
  rows,
  onApply,
}: {
  tree: readonly TreeUnit[];
  rows: readonly DraftRow[];
  onApply: (rows: DraftRow[]) => void;
}) {
  const { t } = useTranslation();
  const [source, setSource] = useState<Source>(rows.length > 0 ? 'rows' : 'tree');
  const [checked, setChecked] = useState<string[]>([]);
  const [pattern, setPattern] = useState('');
  const [start, setStart] = useState<number | null>(1);
  const [order, setOrder] = useState<SeriesOrder>('registry');
  const [width, setWidth] = useState<number | null>(1);
  const registry = useMemo(() => flattenTree(tree), [tree]);
  const units = source === 'tree' ? inRegistryOrder(registry, checked) : unitsOfRows(rows);
  const input = { units, pattern, start: start ?? Number.NaN, order, width: width ?? Number.NaN };
  const problem = pattern ? seriesProblem(input) : null;
  // Each problem next to its own field; "no units" is said above the preview.
  const patternProblem = problem === 'noPlaceholder' || problem === 'manyPlaceholders' ? problem : null;
  const series = makeSeries(input);
  const changed = series.filter((s) => !s.unchanged).length;
  const apply = (mode: SeriesMode) => {
    onApply(applySeries(rows, series, mode));
    setChecked([]);
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} className="series-helper">
      <Typography.Paragraph type="secondary">{t('series.help')}</Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Form.Item label={t('series.source')}>
          <Radio.Group
            value={source}
            onChange={(e) => setSource(e.target.value as Source)}
            options={[
              { value: 'tree', label: t('series.fromTree') },
              { value: 'rows', label: t('series.fromRows', { count: unitsOfRows(rows).length }) },
            ]}
          />
        </Form.Item>
        {source === 'tree' ? <UnitTreePicker tree={tree} checked={checked} onChange={setChecked} /> : null}
        <Space wrap align="start" style={{ marginTop: 12 }}>
          <Form.Item
            label={t('series.pattern')}
            htmlFor="series-pattern"
            extra={t('series.patternHelp')}
            validateStatus={patternProblem ? 'error' : undefined}
            help={patternProblem ? t(`series.problems.${patternProblem}`) : undefined}
            style={{ minWidth: 260 }}
          >
            <Input
              id="series-pattern"
              value={pattern}
              onChange={(e) => setPattern(e.target.value)}
              placeholder={t('series.patternPlaceholder')}
            />
          </Form.Item>
          <Form.Item
            label={t('series.start')}
            htmlFor="series-start"
            validateStatus={problem === 'badStart' ? 'error' : undefined}
            help={problem === 'badStart' ? t('series.problems.badStart') : undefined}
          >
            <InputNumber id="series-start" min={0} precision={0} value={start} onChange={setStart} />
          </Form.Item>
          <Form.Item
            label={t('series.width')}
            htmlFor="series-width"
            extra={t('series.widthHelp')}
            validateStatus={problem === 'badWidth' ? 'error' : undefined}
            help={
              problem === 'badWidth' ? t('series.problems.badWidth', { max: MAX_SERIES_WIDTH }) : undefined
            }
            style={{ maxWidth: 260 }}
          >
            <InputNumber
              id="series-width"
              min={1}
              max={MAX_SERIES_WIDTH}
              precision={0}
              value={width}
              onChange={setWidth}
            />
          </Form.Item>
          <Form.Item label={t('series.order')}>
            <Radio.Group
              value={order}
              onChange={(e) => setOrder(e.target.value as SeriesOrder)}
              options={[
                { value: 'registry', label: t('series.byRegistry') },
                { value: 'name', label: t('series.byName') },
              ]}
            />
          </Form.Item>
        </Space>
      </Form>
      {units.length === 0 ? (
        <Typography.Text type="secondary">{t('series.problems.noUnits')}</Typography.Text>
      ) : series.length > 0 ? (
        <>
          <Typography.Text strong>{t('series.previewTitle', { count: changed })}</Typography.Text>
          <Table
            size="small"
            className="series-preview"
            rowKey="unitId"
            pagination={series.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            dataSource={series}
            columns={[
              { title: t('series.current'), dataIndex: 'unitName' },
              {
                title: t('series.newName'),
                render: (_, s) =>
                  s.unchanged ? (
                    <Typography.Text type="secondary">{t('series.unchanged')}</Typography.Text>
                  ) : (
                    s.newName
                  ),
              },
            ]}
          />
          {changed < series.length ? (
            <Alert type="info" showIcon message={t('series.skipped', { count: series.length - changed })} />
          ) : null}
          <Space wrap>
            <Button type="primary" onClick={() => apply('replace')} disabled={changed === 0}>
              {t('series.replace', { count: changed })}
            </Button>
            <Button onClick={() => apply('append')} disabled={changed === 0}>
              {t('series.append', { count: changed })}
            </Button>
          </Space>
        </>
      ) : null}
    </Space>
  );
}
