import { Button, Grid, Input, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyText } from '../../common/page-states';
import { UNIT_KIND_LABELS, UNIT_SETTING_LABELS } from '@kientoan/domain/registry/unit-kind';
import type { DraftRow, KnownUnit } from '../paste-rows';

/** Establish, upgrade, merge: what the sheet says of the new organization, in the user's language. */
function NewOrganization({ row, known }: { row: DraftRow; known: readonly KnownUnit[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const parent = row.parentId ? (known.find((u) => u.id === row.parentId)?.name ?? row.parentId) : undefined;
  const parts = [
    row.unitKind ? UNIT_KIND_LABELS[row.unitKind][lang] : undefined,
    row.setting ? UNIT_SETTING_LABELS[row.setting][lang] : undefined,
    row.fullMembers !== undefined ? t('rowsEditor.members', { count: row.fullMembers }) : undefined,
    parent ? t('rowsEditor.under', { parent }) : undefined,
  ].filter(Boolean);
  return <Typography.Text type="secondary">{parts.join(' · ') || '—'}</Typography.Text>;
}

interface RowsEditorProps {
  rows: readonly DraftRow[];
  known: readonly KnownUnit[];
  problemOf: (index: number) => string | undefined;
  onChange: (index: number, patch: Partial<DraftRow>) => void;
  onRemove: (index: number) => void;
}

/** The input for what changes in a row (new name, new parent, secretary), labelled with the row number. */
function ChangeInput({
  row,
  index,
  known,
  problem,
  onChange,
}: {
  row: DraftRow;
  index: number;
  known: readonly KnownUnit[];
  problem: string | undefined;
  onChange: RowsEditorProps['onChange'];
}) {
  const { t } = useTranslation();
  const label = { row: index + 1 };
  switch (row.kind) {
    case 'rename':
      return (
        <Input
          aria-label={t('start.newNameFor', label)}
          value={row.newName}
          status={problem ? 'error' : undefined}
          onChange={(e) => onChange(index, { newName: e.target.value })}
        />
      );
    case 'transfer':
      return (
        <Select
          showSearch
          aria-label={t('start.parentFor', label)}
          value={row.parentId}
          style={{ width: '100%', minWidth: 200 }}
          optionFilterProp="label"
          status={problem ? 'error' : undefined}
          options={known.map((u) => ({ value: u.id, label: u.name }))}
          onChange={(parentId: string) => onChange(index, { parentId })}
        />
      );
    case 'appoint':
      return (
        <Input
          aria-label={t('start.secretaryFor', label)}
          value={row.secretary}
          status={problem ? 'error' : undefined}
          onChange={(e) => onChange(index, { secretary: e.target.value })}
        />
      );
    case 'establish':
    case 'merge':
      return (
        <>
          <Input
            aria-label={t('rowsEditor.nameFor', label)}
            value={row.name}
            status={problem ? 'error' : undefined}
            onChange={(e) => onChange(index, { name: e.target.value })}
          />
          <NewOrganization row={row} known={known} />
        </>
      );
    case 'upgrade':
      return <NewOrganization row={row} known={known} />;
    default:
      return <span>—</span>;
  }
}

/**
 * The rows of the start page: a table from tablet width up; on a phone one card per row (number, kind,
 * unit, the change, its problem), so nothing needs sideways scrolling.
 */
export function RowsEditor({ rows, known, problemOf, onChange, onRemove }: RowsEditorProps) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const removeButton = (i: number) => (
    <Button size="small" aria-label={t('start.removeRow', { row: i + 1 })} onClick={() => onRemove(i)}>
      {t('start.remove')}
    </Button>
  );
  const problemText = (i: number) => (
    <span className="row-error" role={problemOf(i) ? 'alert' : undefined}>
      {problemOf(i)}
    </span>
  );

  // Before the first measure (and on a phone) `md` is not true: cards.
  if (!screens.md)
    return rows.length === 0 ? (
      <EmptyText text={t('start.noRows')} />
    ) : (
      <ol className="row-cards" aria-label={t('start.rows', { count: rows.length })}>
        {rows.map((row, i) => (
          <li key={i} className={`row-card${problemOf(i) ? ' row-invalid' : ''}`}>
            <div className="row-card-head">
              <Typography.Text strong>
                {t('rowsEditor.rowNumber', { row: i + 1 })} · {t(`kinds.${row.kind}`)}
              </Typography.Text>
              {removeButton(i)}
            </div>
            <div className="row-card-unit">{row.unitName ?? row.unitId}</div>
            <ChangeInput row={row} index={i} known={known} problem={problemOf(i)} onChange={onChange} />
            {problemOf(i) ? <div className="row-card-problem">{problemText(i)}</div> : null}
          </li>
        ))}
      </ol>
    );

  return (
    <Table
      size="small"
      className="rows-table"
      rowKey={(_, i) => String(i)}
      pagination={false}
      tableLayout="fixed"
      dataSource={[...rows]}
      locale={{ emptyText: <EmptyText text={t('start.noRows')} /> }}
      rowClassName={(_, i) => (problemOf(i) ? 'row-invalid' : '')}
      columns={[
        { title: '#', render: (_, __, i) => i + 1, width: 48 },
        { title: t('start.kind'), render: (_, row) => t(`kinds.${row.kind}`), width: 120 },
        { title: t('start.unit'), render: (_, row) => row.unitName ?? row.unitId },
        {
          title: t('start.change'),
          render: (_, row, i) => (
            <ChangeInput row={row} index={i} known={known} problem={problemOf(i)} onChange={onChange} />
          ),
        },
        { title: t('start.problem'), render: (_, __, i) => problemText(i) },
        { title: '', render: (_, __, i) => removeButton(i), width: 72 },
      ]}
    />
  );
}
