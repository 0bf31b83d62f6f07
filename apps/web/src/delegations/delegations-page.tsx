import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import type { paths } from '../api/schema';
import { useCurrentWard } from '../auth/current-ward';
import { useMe } from '../auth/use-me';
import { useErrorText } from '../common/error-text';
import { EmptyText, QueryState } from '../common/page-states';
import { formatDateTime } from '../format/format';
import { useAllWards } from '../admin/ward-select';
import { usePlaceFieldErrors } from '../admin/form-errors';

type Delegation =
  paths['/api/delegations']['get']['responses'][200]['content']['application/json']['given'][number];
type Role = Delegation['role'];

interface GrantForm {
  wardCode: string;
  role: Role;
  toUsername: string;
  period: [Dayjs, Dayjs];
  reason?: string;
}

/** The start as the API will take it: a start already past is now. */
const notBeforeNow = (day: Dayjs) => (day.isBefore(dayjs()) ? dayjs() : day);

/** In force, still to come, over, or ended early. */
const stateOf = (d: Delegation, now = Date.now()) =>
  d.revokedAt
    ? 'revoked'
    : new Date(d.validTo).getTime() <= now
      ? 'expired'
      : new Date(d.validFrom).getTime() > now
        ? 'scheduled'
        : 'active';
const STATE_COLORS = { active: 'green', scheduled: 'blue', expired: 'default', revoked: 'default' } as const;

/**
 * Delegations: the holder of a ward role names an acting secretary, reviewer or approver for a period (from now
 * on, at most DELEGATION_MAX_DAYS); the delegations given and received, and revoking one given.
 */
export function DelegationsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const placeFieldErrors = usePlaceFieldErrors();
  const me = useMe();
  const currentWard = useCurrentWard(me.data);
  const wardNames = useAllWards();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<GrantForm>();
  const [placed, setPlaced] = useState(false);
  const list = useQuery({ queryKey: ['delegations'], queryFn: () => unwrap(api.GET('/api/delegations')) });
  const maxDays = list.data?.maxDays ?? 90;
  const wards = me.data ? Object.keys(me.data.wardRoles) : [];
  const ward = Form.useWatch('wardCode', form) ?? currentWard ?? undefined;
  const rolesHere = (ward && me.data?.wardRoles[ward]) || [];
  const start = Form.useWatch('period', form)?.[0];

  const grant = useMutation({
    mutationFn: (values: GrantForm) => {
      // "From today" means from now: a start already past is sent as now (the API refuses a start in the past).
      const from = notBeforeNow(values.period[0]);
      return unwrap(
        api.POST('/api/delegations', {
          body: {
            wardCode: values.wardCode,
            role: values.role,
            toUsername: values.toUsername.trim().toLowerCase(),
            validFrom: from.toISOString(),
            validTo: values.period[1].toISOString(),
            ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
          },
        }),
      );
    },
    onSuccess: () => {
      void message.success(t('delegations.granted'));
      void queryClient.invalidateQueries({ queryKey: ['delegations'] });
      form.resetFields(['toUsername', 'reason']);
      setPlaced(false);
    },
    onError: (error) => {
      const fields = ['wardCode', 'role', 'toUsername', 'reason'];
      const isPeriod = placeFieldErrors(form, error, fields);
      // validFrom / validTo belong to the one period field.
      const periodErrors = periodErrorsOf(error, i18n.language);
      if (periodErrors.length) form.setFields([{ name: 'period', errors: periodErrors }]);
      setPlaced(isPeriod || periodErrors.length > 0);
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/delegations/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      void message.success(t('delegations.revoked'));
      void queryClient.invalidateQueries({ queryKey: ['delegations'] });
    },
    onError: (error) => void message.error(errorText(error)),
  });

  const columns = (direction: 'given' | 'received') => [
    {
      key: 'who',
      title: direction === 'given' ? t('delegations.to') : t('delegations.from'),
      render: (_: unknown, d: Delegation) => (direction === 'given' ? d.toUserId : d.fromUserId),
    },
    {
      key: 'role',
      title: t('delegations.role'),
      render: (_: unknown, d: Delegation) =>
        `${t(`roles.${d.role}`)} · ${wardNames.data?.get(d.wardCode) ?? d.wardCode}`,
    },
    {
      key: 'period',
      title: t('delegations.period'),
      render: (_: unknown, d: Delegation) =>
        `${formatDateTime(d.validFrom, i18n.language)} → ${formatDateTime(d.validTo, i18n.language)}`,
    },
    {
      key: 'state',
      title: t('delegations.state'),
      render: (_: unknown, d: Delegation) => {
        const state = stateOf(d);
        return (
          <Space direction="vertical" size={0}>
            <Tag color={STATE_COLORS[state]}>{t(`delegations.states.${state}`)}</Tag>
            {d.revokedReason ? (
              <Typography.Text type="secondary">
                {t(`delegations.reasons.${d.revokedReason}`, { defaultValue: d.revokedReason })}
              </Typography.Text>
            ) : null}
          </Space>
        );
      },
    },
    { key: 'reason', title: t('delegations.reason'), render: (_: unknown, d: Delegation) => d.reason ?? '—' },
    ...(direction === 'given'
      ? [
          {
            key: 'revoke',
            title: <span className="visually-hidden">{t('delegations.revoke')}</span>,
            render: (_: unknown, d: Delegation) =>
              stateOf(d) === 'active' || stateOf(d) === 'scheduled' ? (
                <Popconfirm
                  title={t('delegations.revokeConfirm')}
                  okText={t('delegations.revoke')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={() => revoke.mutate(d.id)}
                >
                  <Button size="small" danger aria-label={`${t('delegations.revoke')}: ${d.toUserId}`}>
                    {t('delegations.revoke')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('delegations.title')}
      </Typography.Title>
      <Card title={<h3 className="card-heading">{t('delegations.grantTitle')}</h3>} size="small">
        {wards.length === 0 ? (
          <Alert type="info" showIcon message={t('delegations.noRoles')} />
        ) : (
          <Form<GrantForm>
            form={form}
            layout="vertical"
            name="delegation"
            initialValues={{
              wardCode: currentWard ?? wards[0],
              period: [dayjs(), dayjs().add(7, 'day').endOf('day')],
            }}
            onFinish={(values) => grant.mutate(values)}
            onValuesChange={(changed: Partial<GrantForm>) => {
              if (changed.wardCode) form.setFieldValue('role', undefined);
            }}
          >
            <Typography.Paragraph type="secondary">
              {t('delegations.rules', { max: maxDays })}
            </Typography.Paragraph>
            <Flex gap="small" wrap>
              <Form.Item
                label={t('delegations.ward')}
                name="wardCode"
                style={{ flex: '1 1 220px' }}
                rules={[{ required: true, message: t('delegations.required') }]}
              >
                <Select
                  options={wards.map((code) => ({ value: code, label: wardNames.data?.get(code) ?? code }))}
                />
              </Form.Item>
              <Form.Item
                label={t('delegations.role')}
                name="role"
                style={{ flex: '1 1 180px' }}
                rules={[{ required: true, message: t('delegations.required') }]}
              >
                <Select<Role>
                  placeholder={t('delegations.chooseRole')}
                  options={rolesHere.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
                />
              </Form.Item>
              <Form.Item
                label={t('delegations.toUsername')}
                name="toUsername"
                style={{ flex: '1 1 220px' }}
                rules={[{ required: true, whitespace: true, message: t('delegations.required') }]}
              >
                <Input autoComplete="off" />
              </Form.Item>
            </Flex>
            <Form.Item
              label={t('delegations.period')}
              name="period"
              rules={[
                { required: true, message: t('delegations.required') },
                {
                  validator: (_, period: [Dayjs, Dayjs] | undefined) => {
                    if (!period) return Promise.resolve();
                    if (period[1].isBefore(dayjs()))
                      return Promise.reject(new Error(t('delegations.endInPast')));
                    if (period[1].diff(notBeforeNow(period[0]), 'day', true) > maxDays)
                      return Promise.reject(new Error(t('delegations.tooLong', { max: maxDays })));
                    return Promise.resolve();
                  },
                },
              ]}
            >
              <DatePicker.RangePicker
                showTime={{ format: 'HH:mm' }}
                format="DD/MM/YYYY HH:mm"
                style={{ width: '100%', maxWidth: 460 }}
                placeholder={[t('delegations.validFrom'), t('delegations.validTo')]}
                disabledDate={(day, info) =>
                  day.isBefore(dayjs(), 'day') ||
                  (info.from !== undefined && day.isAfter(info.from.add(maxDays, 'day'), 'day')) ||
                  (start !== undefined && day.isAfter(notBeforeNow(start).add(maxDays, 'day'), 'day'))
                }
              />
            </Form.Item>
            <Form.Item label={t('delegations.reason')} name="reason">
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            {grant.error && !placed ? (
              <Alert type="error" showIcon message={errorText(grant.error)} style={{ marginBottom: 16 }} />
            ) : null}
            <Button type="primary" htmlType="submit" loading={grant.isPending}>
              {t('delegations.grant')}
            </Button>
          </Form>
        )}
      </Card>
      <QueryState isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()}>
        <Card title={<h3 className="card-heading">{t('delegations.given')}</h3>} size="small">
          <Table<Delegation>
            className="delegations-given"
            rowKey="id"
            dataSource={list.data?.given ?? []}
            pagination={false}
            size="small"
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <EmptyText text={t('delegations.noneGiven')} /> }}
            columns={columns('given')}
          />
        </Card>
        <Card
          title={<h3 className="card-heading">{t('delegations.received')}</h3>}
          size="small"
          style={{ marginTop: 16 }}
        >
          <Table<Delegation>
            className="delegations-received"
            rowKey="id"
            dataSource={list.data?.received ?? []}
            pagination={false}
            size="small"
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <EmptyText text={t('delegations.noneReceived')} /> }}
            columns={columns('received')}
          />
        </Card>
      </QueryState>
    </Space>
  );
}

const periodErrorsOf = (error: unknown, language: string): string[] => {
  const body = (error as { body?: { errors?: { field: string; reason: string; reasonEn: string }[] } }).body;
  return (body?.errors ?? [])
    .filter((e) => e.field === 'validFrom' || e.field === 'validTo')
    .map((e) => (language === 'en' ? e.reasonEn : e.reason));
};
