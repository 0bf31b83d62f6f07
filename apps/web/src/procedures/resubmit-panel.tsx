import { Alert, Button, Card, Input, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { useFieldErrors } from '../common/error-text';
import { type ResolutionItem, itemSummary } from './item-summary';
import { rowErrors } from './row-errors';
import { useProcedureAction } from './use-action';
import type { Procedure } from './use-procedure';

/** A returned proposal: the reasons, the items to correct (new names editable, rows removable), resubmit. */
export function ResubmitPanel({ procedure }: { procedure: Procedure }) {
  const { t } = useTranslation();
  const fieldErrors = useFieldErrors();
  const [items, setItems] = useState<ResolutionItem[]>(procedure.items);
  const resubmit = useProcedureAction(
    procedure.id,
    (input: { items: ResolutionItem[] }, key: string) =>
      unwrap(
        api.POST('/api/procedures/{id}/resubmit', {
          params: { path: { id: procedure.id }, header: { 'idempotency-key': key } },
          body: input,
        }),
      ),
    t('resubmit.done'),
  );
  const byRow = rowErrors(fieldErrors(resubmit.error));
  const reasons = Array.isArray(procedure.returnReasons)
    ? (procedure.returnReasons as unknown[]).map(String)
    : [];
  return (
    <Card title={t('resubmit.title')} className="task-card">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {reasons.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            message={t('resubmit.reasons')}
            description={
              <ul>
                {reasons.map((r, i) => (
                  <li key={i}>{r}</li>
                ))}
              </ul>
            }
          />
        ) : null}
        <Table
          size="small"
          rowKey={(_, i) => String(i)}
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={items}
          columns={[
            { title: '#', render: (_, __, i) => i + 1 },
            { title: t('review.item'), render: (_, item) => itemSummary(item, t) },
            {
              title: t('start.newName'),
              render: (_, item, i) =>
                item.kind === 'rename' ? (
                  <Input
                    aria-label={t('start.newNameFor', { row: i + 1 })}
                    value={item.newName}
                    status={byRow.get(i) ? 'error' : undefined}
                    onChange={(e) =>
                      setItems((all) =>
                        all.map((it, j) =>
                          j === i && it.kind === 'rename' ? { ...it, newName: e.target.value } : it,
                        ),
                      )
                    }
                  />
                ) : null,
            },
            {
              title: t('start.problem'),
              render: (_, __, i) => <span className="row-error">{byRow.get(i)}</span>,
            },
            {
              title: '',
              render: (_, __, i) => (
                <Button
                  size="small"
                  onClick={() => setItems((all) => all.filter((_, j) => j !== i))}
                  aria-label={t('start.removeRow', { row: i + 1 })}
                >
                  {t('start.remove')}
                </Button>
              ),
            },
          ]}
        />
        <Button
          type="primary"
          disabled={items.length === 0}
          loading={resubmit.isPending}
          onClick={() => resubmit.mutate({ items })}
        >
          {t('resubmit.submit')}
        </Button>
      </Space>
    </Card>
  );
}
