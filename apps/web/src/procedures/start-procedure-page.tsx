import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Result,
  Row,
  Select,
  Space,
  Table,
  Tabs,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/api-error';
import { api, unwrap } from '../api/client';
import { useCurrentWard } from '../auth/current-ward';
import { hasRole, useMe } from '../auth/use-me';
import { useErrorText, useFieldErrors } from '../common/error-text';
import { EmptyText, QueryState } from '../common/page-states';
import { PASTE_KINDS, type DraftRow, type PastedKind, parsePastedRows, rowToItem } from './paste-rows';
import { RegistryDiff } from './registry-diff';
import { SheetUpload } from './sheet-upload';
import { rowErrors } from './row-errors';
import { type TreeUnit, UnitTreePicker, flattenTree } from './unit-tree-picker';

interface Header {
  title: string;
  effectiveDate?: Dayjs | null;
}

/** The secretary starts a procedure: rows pasted or picked from the tree, a live preview, then submit. */
export function StartProcedurePage() {
  const { t } = useTranslation();
  const me = useMe();
  const ward = useCurrentWard(me.data);
  if (!ward || !hasRole(me.data, ward, 'secretary'))
    return <Result status="403" title={t('start.notSecretary')} />;
  return <StartProcedureForm ward={ward} />;
}

function StartProcedureForm({ ward }: { ward: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const fieldErrors = useFieldErrors();
  const [form] = Form.useForm<Header>();
  const [rows, setRows] = useState<DraftRow[]>([]);
  const [pasted, setPasted] = useState('');
  const [kind, setKind] = useState<PastedKind>('rename');
  const [checked, setChecked] = useState<string[]>([]);
  // One id per procedure being started: a retried submit cannot start it twice (the API answers 409).
  const procedureId = useRef(crypto.randomUUID());

  const tree = useQuery({
    queryKey: ['tree', ward],
    staleTime: 300_000,
    queryFn: () =>
      unwrap(api.GET('/api/registry/wards/{wardCode}/tree', { params: { path: { wardCode: ward } } })),
  });
  const treeUnits = (tree.data?.tree ?? []) as TreeUnit[];
  const known = useMemo(() => flattenTree(treeUnits), [treeUnits]);
  const nameOf = useMemo(() => new Map(known.map((u) => [u.id, u.name])), [known]);

  const items = useMemo(() => rows.map(rowToItem), [rows]);
  const deferredItems = useDeferredValue(items);
  const preview = useQuery({
    queryKey: ['preview', ward, deferredItems],
    enabled: deferredItems.length > 0,
    retry: false,
    staleTime: 60_000,
    queryFn: () =>
      unwrap(api.POST('/api/registry/preview', { body: { wardCode: ward, items: deferredItems } })),
  });
  const start = useMutation({
    mutationFn: (header: Header) =>
      unwrap(
        api.POST('/api/procedures', {
          body: {
            id: procedureId.current,
            wardCode: ward,
            title: header.title,
            ...(header.effectiveDate ? { effectiveDate: header.effectiveDate.format('YYYY-MM-DD') } : {}),
            items,
          },
        }),
      ),
    onSuccess: (data) => void navigate(`/procedures/${data.id}`),
    onError: (error) => {
      // Answered 409 for our own id: an earlier attempt did start it.
      if (error instanceof ApiError && error.status === 409)
        void navigate(`/procedures/${procedureId.current}`);
    },
  });

  const previewRowErrors = rowErrors(fieldErrors(preview.error));
  const submitRowErrors = rowErrors(fieldErrors(start.error));
  const headerErrors = fieldErrors(start.error);
  const problemOf = (i: number) => rows[i]?.problem ?? submitRowErrors.get(i) ?? previewRowErrors.get(i);
  const violations = rows.filter((_, i) => problemOf(i)).length;

  const addPasted = () => {
    const parsed = parsePastedRows(pasted, known, kind);
    setRows((r) => [...r, ...parsed]);
    setPasted('');
  };
  const addChecked = () => {
    setRows((r) => [
      ...r,
      ...checked.map((unitId): DraftRow => ({
        kind,
        unitId,
        unitName: nameOf.get(unitId) ?? unitId,
        ...(kind === 'rename' ? { newName: '' } : {}),
      })),
    ]);
    setChecked([]);
  };
  const update = (index: number, patch: Partial<DraftRow>) =>
    // An edited row's problem as read from a sheet is gone; the preview checks it again.
    setRows((all) => all.map((row, i) => (i === index ? { ...row, ...patch, problem: undefined } : row)));

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('start.title')}</Typography.Title>
      <Form<Header>
        form={form}
        layout="vertical"
        onFinish={(header) => start.mutate(header)}
        disabled={start.isPending}
      >
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item
              name="title"
              label={t('start.procedureTitle')}
              rules={[{ required: true, message: t('start.titleRequired') }]}
              validateStatus={headerErrors.title ? 'error' : undefined}
              help={headerErrors.title}
            >
              <Input maxLength={500} placeholder={t('start.titlePlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="effectiveDate"
              label={t('start.effectiveDate')}
              extra={t('start.effectiveDateHelp')}
              validateStatus={headerErrors.effectiveDate ? 'error' : undefined}
              help={headerErrors.effectiveDate}
            >
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Card size="small" title={t('start.addRows')}>
          <Space wrap style={{ marginBottom: 12 }}>
            <Typography.Text id="kind-label">{t('start.kind')}</Typography.Text>
            <Select
              aria-labelledby="kind-label"
              value={kind}
              onChange={setKind}
              style={{ minWidth: 180 }}
              options={PASTE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            />
          </Space>
          <Tabs
            items={[
              {
                key: 'paste',
                label: t('start.paste'),
                children: (
                  <Space direction="vertical" style={{ width: '100%' }}>
                    <Typography.Paragraph type="secondary">{t('start.pasteHelp')}</Typography.Paragraph>
                    <Input.TextArea
                      aria-label={t('start.pasteLabel')}
                      rows={6}
                      value={pasted}
                      onChange={(e) => setPasted(e.target.value)}
                      placeholder={t('start.pastePlaceholder')}
                      className="paste-area"
                    />
                    <Button onClick={addPasted} disabled={!pasted.trim() || tree.isPending}>
                      {t('start.addPasted')}
                    </Button>
                    <SheetUpload
                      wardCode={ward}
                      kind={kind}
                      onRows={(r) => setRows((all) => [...all, ...r])}
                    />
                  </Space>
                ),
              },
              {
                key: 'tree',
                label: t('start.pickFromTree'),
                children: (
                  <QueryState isPending={tree.isPending} error={tree.error}>
                    <UnitTreePicker tree={treeUnits} checked={checked} onChange={setChecked} />
                    <Button onClick={addChecked} disabled={checked.length === 0} style={{ marginTop: 8 }}>
                      {t('start.addChecked', { count: checked.length })}
                    </Button>
                  </QueryState>
                ),
              },
            ]}
          />
        </Card>
        <Card size="small" title={t('start.rows', { count: rows.length })} style={{ marginTop: 16 }}>
          {violations > 0 ? (
            <Alert
              type="error"
              showIcon
              message={t('start.violations', { count: violations })}
              // Each row's problem also stands here, above the table: on a phone the table's problem
              // column is scrolled out of view.
              description={
                <ul className="row-problems">
                  {rows.map((_, i) => {
                    const problem = problemOf(i);
                    return problem ? <li key={i}>{t('start.rowProblem', { row: i + 1, problem })}</li> : null;
                  })}
                </ul>
              }
              style={{ marginBottom: 12 }}
            />
          ) : null}
          <Table
            size="small"
            className="rows-table"
            rowKey={(_, i) => String(i)}
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={rows}
            locale={{ emptyText: <EmptyText text={t('start.noRows')} /> }}
            rowClassName={(_, i) => (problemOf(i) ? 'row-invalid' : '')}
            columns={[
              { title: '#', render: (_, __, i) => i + 1, width: 48 },
              { title: t('start.kind'), render: (_, row) => t(`kinds.${row.kind}`) },
              { title: t('start.unit'), render: (_, row) => row.unitName ?? row.unitId },
              {
                title: t('start.change'),
                render: (_, row, i) =>
                  row.kind === 'rename' ? (
                    <Input
                      aria-label={t('start.newNameFor', { row: i + 1 })}
                      value={row.newName}
                      status={problemOf(i) ? 'error' : undefined}
                      onChange={(e) => update(i, { newName: e.target.value })}
                    />
                  ) : row.kind === 'transfer' ? (
                    <Select
                      showSearch
                      aria-label={t('start.parentFor', { row: i + 1 })}
                      value={row.parentId}
                      style={{ minWidth: 240 }}
                      optionFilterProp="label"
                      options={known.map((u) => ({ value: u.id, label: u.name }))}
                      onChange={(parentId: string) => update(i, { parentId })}
                    />
                  ) : row.kind === 'appoint' ? (
                    <Input
                      aria-label={t('start.secretaryFor', { row: i + 1 })}
                      value={row.secretary}
                      onChange={(e) => update(i, { secretary: e.target.value })}
                    />
                  ) : (
                    '—'
                  ),
              },
              {
                title: t('start.problem'),
                render: (_, __, i) => (
                  <span className="row-error" role={problemOf(i) ? 'alert' : undefined}>
                    {problemOf(i)}
                  </span>
                ),
              },
              {
                title: '',
                render: (_, __, i) => (
                  <Button
                    size="small"
                    aria-label={t('start.removeRow', { row: i + 1 })}
                    onClick={() => setRows((all) => all.filter((_, j) => j !== i))}
                  >
                    {t('start.remove')}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
        {preview.data ? (
          <Card size="small" title={t('start.preview')} style={{ marginTop: 16 }}>
            <RegistryDiff diff={preview.data} />
          </Card>
        ) : preview.error && previewRowErrors.size === 0 ? (
          <Alert type="error" showIcon message={errorText(preview.error)} style={{ marginTop: 16 }} />
        ) : null}
        {start.error && !(start.error instanceof ApiError && start.error.status === 409) ? (
          <Alert type="error" showIcon message={errorText(start.error)} style={{ marginTop: 16 }} />
        ) : null}
        <Button
          type="primary"
          htmlType="submit"
          style={{ marginTop: 16 }}
          loading={start.isPending}
          disabled={rows.length === 0 || violations > 0 || preview.isFetching}
        >
          {t('start.submit')}
        </Button>
      </Form>
    </Space>
  );
}
