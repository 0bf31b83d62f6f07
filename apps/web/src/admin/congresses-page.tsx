import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  congressTermYears,
  namedTermYears,
  termYearsOn,
  termYearsText,
} from '@kientoan/domain/documents/committee-term';
import { congressOrdinalName } from '@kientoan/domain/documents/ward-congresses';
import { ApiError } from '../api/api-error';
import { api, unwrap } from '../api/client';
import { useErrorText } from '../common/error-text';
import { EmptyText, QueryState } from '../common/page-states';
import { formatDate } from '../format/format';
import { usePlaceFieldErrors } from './form-errors';
import { WardSelect } from './ward-select';

const DAY = 'YYYY-MM-DD';

interface CongressRow {
  name: string;
  closedOn?: Dayjs | null;
}

interface CongressForm {
  congresses: CongressRow[];
}

const dayAfter = (day: Dayjs) => day.add(1, 'day').format(DAY);

/**
 * A ward's congresses (đại hội): the day each closed ends one committee term and the next day starts another,
 * and every term numbers its resolutions and decisions from 01. The admin corrects the assumed first congress
 * (31/8/2025 for every ward) with the real day and adds later ones; a day that would move an already numbered
 * document to another term is refused by the API (409), and the terms with numbered documents are listed here.
 */
export function CongressesPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const placeFieldErrors = usePlaceFieldErrors();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const wardCode = params.get('ward') ?? undefined;
  const setWardCode = (ward: string | undefined) => setParams(ward ? { ward } : {}, { replace: true });
  const [form] = Form.useForm<CongressForm>();
  const view = useQuery({
    queryKey: ['admin', 'congresses', wardCode],
    enabled: wardCode !== undefined,
    queryFn: () =>
      unwrap(
        api.GET('/api/admin/wards/{wardCode}/congresses', {
          params: { path: { wardCode: wardCode ?? '' } },
        }),
      ),
  });
  const save = useMutation({
    mutationFn: (values: CongressForm) =>
      unwrap(
        api.PUT('/api/admin/wards/{wardCode}/congresses', {
          params: { path: { wardCode: wardCode ?? '' } },
          body: {
            congresses: values.congresses.map((c, i) => ({
              ordinal: i + 1,
              name: c.name.trim(),
              closedOn: c.closedOn!.format(DAY),
            })),
          },
        }),
      ),
    onSuccess: (data) => {
      void message.success(t('congresses.saved'));
      queryClient.setQueryData(['admin', 'congresses', wardCode], data);
    },
    onError: (error) => {
      placeFieldErrors(form, error, ['congresses']);
    },
  });
  const data = view.data;
  // The form shows the stored list whenever the ward (or what is stored) changes.
  useEffect(() => {
    if (!data) return;
    form.setFieldsValue({
      congresses: data.congresses.map((c) => ({ name: c.name, closedOn: dayjs(c.closedOn, DAY) })),
    });
  }, [data, form]);
  const conflict = save.error instanceof ApiError && save.error.status === 409;
  const termConflict = save.error instanceof ApiError && save.error.code === 'CONGRESS_RENAMES_NUMBERED_TERM';
  // The term a congress opens, as its documents will cite it: the one its name gives, else five years from
  // the year it closes (libs/domain committee-term.ts, the rule the documents follow).
  const openedTerm = (name: string | undefined, closedOn: Dayjs | null | undefined) => {
    const named = namedTermYears(name ?? '');
    if (named) return termYearsText(named);
    return closedOn ? termYearsText(congressTermYears({ name: '', closedOn: closedOn.format(DAY) })) : null;
  };
  const unplaced =
    save.error && !(save.error instanceof ApiError && save.error.body.errors?.length) ? save.error : null;
  const defaultName = (ordinal: number) =>
    data ? `Đại hội Đảng bộ ${data.wardTitle} ${congressOrdinalName(ordinal)}` : '';
  const termText = (from: string | null, to: string | null) =>
    from === null
      ? t('congresses.termBefore', { to: to ? formatDate(to, i18n.language) : '—' })
      : to === null
        ? t('congresses.termFromOpen', { from: formatDate(from, i18n.language) })
        : t('congresses.termFromTo', {
            from: formatDate(from, i18n.language),
            to: formatDate(to, i18n.language),
          });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('congresses.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('congresses.intro')}</Typography.Paragraph>
      <WardSelect
        aria-label={t('admin.common.ward')}
        style={{ minWidth: 260, maxWidth: '100%' }}
        value={wardCode}
        onChange={setWardCode}
      />
      {wardCode ? (
        <QueryState isPending={view.isPending} error={view.error} onRetry={() => void view.refetch()}>
          {data ? (
            <Flex vertical gap="middle">
              <Card size="small" title={t('congresses.listTitle', { ward: data.wardTitle })}>
                <Form<CongressForm>
                  form={form}
                  layout="vertical"
                  onFinish={(values) => save.mutate(values)}
                  onValuesChange={() => {
                    if (save.error) save.reset();
                  }}
                >
                  <Form.List name="congresses">
                    {(fields, { add, remove }) => (
                      <Flex vertical gap="small">
                        {fields.length === 0 ? (
                          <Typography.Text type="secondary">{t('congresses.none')}</Typography.Text>
                        ) : null}
                        {fields.map((field, index) => (
                          <fieldset
                            key={field.key}
                            style={{
                              border: '1px solid #d9d9d9',
                              borderRadius: 8,
                              padding: '4px 12px 0',
                              margin: 0,
                            }}
                          >
                            <legend
                              style={{ width: 'auto', fontSize: 14, padding: '0 4px', margin: 0, border: 0 }}
                            >
                              {t('congresses.ordinal', { ordinal: congressOrdinalName(index + 1) })}
                            </legend>
                            <Flex wrap gap="small" align="start">
                              <Form.Item
                                name={[field.name, 'name']}
                                label={t('congresses.name')}
                                style={{ flex: '1 1 320px', marginBottom: 8 }}
                                rules={[
                                  { required: true, whitespace: true, message: t('congresses.nameRequired') },
                                ]}
                                extra={
                                  <Form.Item noStyle shouldUpdate>
                                    {({ getFieldValue }) => {
                                      const years = openedTerm(
                                        getFieldValue(['congresses', index, 'name']) as string | undefined,
                                        getFieldValue(['congresses', index, 'closedOn']) as
                                          Dayjs | null | undefined,
                                      );
                                      return years ? t('congresses.termYears', { years }) : null;
                                    }}
                                  </Form.Item>
                                }
                              >
                                <Input maxLength={300} />
                              </Form.Item>
                              <Form.Item
                                name={[field.name, 'closedOn']}
                                label={t('congresses.closedOn')}
                                style={{ flex: '0 1 200px', marginBottom: 8 }}
                                dependencies={index > 0 ? [['congresses', index - 1, 'closedOn']] : []}
                                rules={[
                                  { required: true, message: t('congresses.closedOnRequired') },
                                  ({ getFieldValue }) => ({
                                    validator: (_, value: Dayjs | null | undefined) => {
                                      const before =
                                        index > 0
                                          ? (getFieldValue([
                                              'congresses',
                                              index - 1,
                                              'closedOn',
                                            ]) as Dayjs | null)
                                          : null;
                                      return !value || !before || value.isAfter(before, 'day')
                                        ? Promise.resolve()
                                        : Promise.reject(
                                            new Error(
                                              t('congresses.closedOnOrder', {
                                                before: before.format('DD/MM/YYYY'),
                                              }),
                                            ),
                                          );
                                    },
                                  }),
                                ]}
                                extra={
                                  <Form.Item noStyle shouldUpdate>
                                    {({ getFieldValue }) => {
                                      const day = getFieldValue(['congresses', index, 'closedOn']) as
                                        Dayjs | null | undefined;
                                      return day
                                        ? t('congresses.opens', {
                                            day: formatDate(dayAfter(day), i18n.language),
                                          })
                                        : null;
                                    }}
                                  </Form.Item>
                                }
                              >
                                <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
                              </Form.Item>
                              {index === fields.length - 1 ? (
                                <Button
                                  danger
                                  style={{ marginTop: 30 }}
                                  onClick={() => remove(field.name)}
                                  aria-label={t('congresses.removeNamed', {
                                    ordinal: congressOrdinalName(index + 1),
                                  })}
                                >
                                  {t('congresses.remove')}
                                </Button>
                              ) : null}
                            </Flex>
                          </fieldset>
                        ))}
                        <div>
                          <Button
                            onClick={() => add({ name: defaultName(fields.length + 1), closedOn: null })}
                          >
                            {t('congresses.add')}
                          </Button>
                        </div>
                      </Flex>
                    )}
                  </Form.List>
                  {conflict ? (
                    <Alert
                      type="error"
                      showIcon
                      role="alert"
                      style={{ marginTop: 16 }}
                      message={t(termConflict ? 'congresses.conflictTerm' : 'congresses.conflict')}
                      description={errorText(save.error)}
                    />
                  ) : unplaced ? (
                    <Alert
                      type="error"
                      showIcon
                      role="alert"
                      style={{ marginTop: 16 }}
                      message={errorText(unplaced)}
                    />
                  ) : null}
                  <Flex wrap gap="small" style={{ marginTop: 16 }}>
                    <Button type="primary" htmlType="submit" loading={save.isPending}>
                      {t('congresses.save')}
                    </Button>
                    <Button
                      onClick={() => {
                        form.setFieldsValue({
                          congresses: data.congresses.map((c) => ({
                            name: c.name,
                            closedOn: dayjs(c.closedOn, DAY),
                          })),
                        });
                        save.reset();
                      }}
                    >
                      {t('congresses.undo')}
                    </Button>
                  </Flex>
                </Form>
              </Card>
              <Card size="small" title={t('congresses.numberedTitle')}>
                <Typography.Paragraph type="secondary">{t('congresses.numberedHelp')}</Typography.Paragraph>
                <Table
                  size="small"
                  rowKey="term"
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  dataSource={data.numberedTerms}
                  locale={{ emptyText: <EmptyText text={t('congresses.numberedEmpty')} /> }}
                  columns={[
                    { key: 'term', title: t('congresses.term'), render: (_, r) => termText(r.from, r.to) },
                    {
                      key: 'named',
                      title: t('congresses.named'),
                      render: (_, r) => termYearsText(termYearsOn(data.congresses, r.firstDay)),
                    },
                    { key: 'documents', title: t('congresses.documents'), dataIndex: 'documents' },
                    {
                      key: 'first',
                      title: t('congresses.firstDay'),
                      render: (_, r) => formatDate(r.firstDay, i18n.language),
                    },
                    {
                      key: 'last',
                      title: t('congresses.lastDay'),
                      render: (_, r) => formatDate(r.lastDay, i18n.language),
                    },
                  ]}
                />
              </Card>
            </Flex>
          ) : null}
        </QueryState>
      ) : (
        <EmptyText text={t('congresses.pickWard')} />
      )}
    </Space>
  );
}
