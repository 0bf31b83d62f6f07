import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Form, Input, Result, Row, Select, Space, Tabs, Typography } from 'antd';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/api-error';
import { unavailableOf, unavailableStore } from '../faults/unavailable';
import { api, unwrap } from '../api/client';
import { useCurrentWard } from '../auth/current-ward';
import { hasRole, useMe } from '../auth/use-me';
import { useErrorText, useFieldErrors } from '../common/error-text';
import { QueryState } from '../common/page-states';
import { type DateFields, ProcedureDatesFields, datesOfFields } from './dates/procedure-dates-fields';
import { PASTE_KINDS, type DraftRow, type PastedKind, parsePastedRows, rowToItem } from './paste-rows';
import { RegistryDiff } from './registry-diff';
import { SheetUpload } from './sheet-upload';
import { rowErrors } from './row-errors';
import { RowsEditor } from './rows/rows-editor';
import { SeriesHelper } from './series/series-helper';
import { BeforeAfterTree } from './tree-diff/before-after-tree';
import { type TreeUnit, UnitTreePicker, flattenTree } from './unit-tree-picker';

interface Header extends DateFields {
  title: string;
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
            ...datesOfFields(header),
            items,
          },
        }),
      ),
    onSuccess: (data) => {
      unavailableStore.clear();
      void navigate(`/procedures/${data.id}`);
    },
    onError: (error, header) => {
      // Answered 409 for our own id: an earlier attempt did start it.
      if (error instanceof ApiError && error.status === 409)
        void navigate(`/procedures/${procedureId.current}`);
      // A part is down: the banner says which; sending again reuses the same id (never two procedures).
      const info = unavailableOf(error);
      if (info) unavailableStore.report({ info, retry: () => start.mutate(header) });
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
          <Col xs={24}>
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
        </Row>
        <ProcedureDatesFields errors={headerErrors} />
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
              {
                key: 'series',
                label: t('series.tab'),
                children: (
                  <QueryState isPending={tree.isPending} error={tree.error}>
                    <SeriesHelper tree={treeUnits} rows={rows} onApply={setRows} />
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
          <RowsEditor
            rows={rows}
            known={known}
            problemOf={problemOf}
            onChange={update}
            onRemove={(index) => setRows((all) => all.filter((_, j) => j !== index))}
          />
        </Card>
        {preview.data ? (
          <Card size="small" title={t('start.preview')} style={{ marginTop: 16 }}>
            <RegistryDiff diff={preview.data} />
            {'entries' in preview.data ? (
              <BeforeAfterTree tree={treeUnits} entries={preview.data.entries} />
            ) : null}
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
