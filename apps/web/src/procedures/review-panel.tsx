import { Button, Card, Form, Input, Radio, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { QueryState } from '../common/page-states';
import { itemSummary } from './item-summary';
import { RegistryDiff } from './registry-diff';
import { useProcedureAction } from './use-action';
import { type Procedure, useProcedurePart } from './use-procedure';

interface ReviewInput {
  decision: 'accept' | 'return';
  reasons: string[];
}

/** The reviewer's task: the proposal, its registry diff and rule results; accept, or return with reasons per row. */
export function ReviewPanel({ procedure }: { procedure: Procedure }) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<'accept' | 'return'>('accept');
  const [rowReasons, setRowReasons] = useState<Record<number, string>>({});
  const [general, setGeneral] = useState('');
  const task = useProcedurePart(procedure.id, 'task', () =>
    unwrap(api.GET('/api/inbox/{procedureId}', { params: { path: { procedureId: procedure.id } } })),
  );
  const review = useProcedureAction(
    procedure.id,
    (input: ReviewInput, key: string) =>
      unwrap(
        api.POST('/api/procedures/{id}/review', {
          params: { path: { id: procedure.id }, header: { 'idempotency-key': key } },
          body: input,
        }),
      ),
    t('review.done'),
  );
  const reasons = [
    ...Object.entries(rowReasons)
      .filter(([, r]) => r.trim())
      .map(([row, r]) => t('review.rowReason', { row: Number(row) + 1, reason: r.trim() })),
    ...(general.trim() ? [general.trim()] : []),
  ];
  const returnWithoutReason = decision === 'return' && reasons.length === 0;
  return (
    <Card title={t('review.title')} className="task-card">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <QueryState isPending={task.isPending} error={task.error}>
          {task.data ? <RegistryDiff diff={task.data.diff} /> : null}
        </QueryState>
        <Form
          layout="vertical"
          onFinish={() => review.mutate({ decision, reasons: decision === 'return' ? reasons : [] })}
        >
          <Form.Item label={t('review.decision')}>
            <Radio.Group
              value={decision}
              onChange={(e) => setDecision(e.target.value as 'accept' | 'return')}
              options={[
                { value: 'accept', label: t('review.accept') },
                { value: 'return', label: t('review.return') },
              ]}
            />
          </Form.Item>
          {decision === 'return' ? (
            <>
              <Table
                size="small"
                rowKey={(_, i) => String(i)}
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={procedure.items}
                columns={[
                  { title: '#', render: (_, __, i) => i + 1 },
                  { title: t('review.item'), render: (_, item) => itemSummary(item, t) },
                  {
                    title: t('review.reason'),
                    render: (_, __, i) => (
                      <Input
                        aria-label={t('review.reasonFor', { row: i + 1 })}
                        value={rowReasons[i] ?? ''}
                        onChange={(e) => setRowReasons((r) => ({ ...r, [i]: e.target.value }))}
                      />
                    ),
                  },
                ]}
              />
              <Form.Item label={t('review.generalReason')} style={{ marginTop: 16 }}>
                <Input.TextArea rows={2} value={general} onChange={(e) => setGeneral(e.target.value)} />
              </Form.Item>
            </>
          ) : null}
          <Button
            type="primary"
            htmlType="submit"
            loading={review.isPending}
            disabled={returnWithoutReason}
            danger={decision === 'return'}
          >
            {decision === 'accept' ? t('review.submitAccept') : t('review.submitReturn')}
          </Button>
        </Form>
      </Space>
    </Card>
  );
}
