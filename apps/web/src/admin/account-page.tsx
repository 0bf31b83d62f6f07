import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Popconfirm,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { useMe } from '../auth/use-me';
import { useErrorText } from '../common/error-text';
import { EmptyText, QueryState } from '../common/page-states';
import { formatDateTime } from '../format/format';
import { AccountStatus } from './accounts-page';
import { usePlaceFieldErrors } from './form-errors';
import { TemporaryPasswordModal } from './temporary-password';
import { type AccountView, WARD_ROLES, type WardRoleName } from './use-admin';
import { WardSelect, useAllWards } from './ward-select';

/** One account: disable or enable it, give it a new temporary password, grant and revoke its ward roles. */
export function AccountPage() {
  const { username = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const me = useMe();
  const wardNames = useAllWards();
  const queryClient = useQueryClient();
  const [handOver, setHandOver] = useState<{ username: string; temporaryPassword: string } | null>(null);
  const account = useQuery({
    queryKey: ['admin', 'account', username],
    queryFn: () => unwrap(api.GET('/api/admin/accounts/{username}', { params: { path: { username } } })),
  });
  const changed = (updated: AccountView, text: string) => {
    queryClient.setQueryData(['admin', 'account', username], updated);
    void queryClient.invalidateQueries({ queryKey: ['admin', 'accounts'] });
    void message.success(text);
  };
  const onError = (error: unknown) => void message.error(errorText(error));
  const setDisabled = useMutation({
    mutationFn: (disabled: boolean) =>
      unwrap(
        disabled
          ? api.POST('/api/admin/accounts/{username}/disable', { params: { path: { username } } })
          : api.POST('/api/admin/accounts/{username}/enable', { params: { path: { username } } }),
      ),
    onSuccess: (updated) =>
      changed(updated, t(updated.disabled ? 'admin.account.disabledDone' : 'admin.account.enabledDone')),
    onError,
  });
  const newPassword = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/admin/accounts/{username}/temporary-password', {
          params: { path: { username } },
          body: {},
        }),
      ),
    onSuccess: (answer) => {
      changed(answer.account, t('admin.account.passwordDone'));
      setHandOver({ username, temporaryPassword: answer.temporaryPassword });
    },
    onError,
  });
  const revoke = useMutation({
    mutationFn: (role: { wardCode: string; role: WardRoleName }) =>
      unwrap(
        api.DELETE('/api/admin/accounts/{username}/roles/{wardCode}/{role}', {
          params: { path: { username, ...role } },
        }),
      ),
    onSuccess: (updated) => changed(updated, t('admin.roles.revoked')),
    onError,
  });
  const a = account.data;
  const self = a?.username === me.data?.username;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/admin/accounts">{t('admin.accounts.title')}</Link> },
          { title: username },
        ]}
      />
      <QueryState isPending={account.isPending} error={account.error} onRetry={() => void account.refetch()}>
        {a ? (
          <>
            <Flex justify="space-between" align="center" wrap gap="small">
              <Typography.Title level={2} style={{ margin: 0 }}>
                {a.displayName}
              </Typography.Title>
              <Flex wrap gap="small">
                <Popconfirm
                  title={t('admin.account.passwordConfirm')}
                  okText={t('admin.account.newPassword')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => newPassword.mutate()}
                >
                  <Button loading={newPassword.isPending}>{t('admin.account.newPassword')}</Button>
                </Popconfirm>
                {a.disabled ? (
                  <Button onClick={() => setDisabled.mutate(false)} loading={setDisabled.isPending}>
                    {t('admin.account.enable')}
                  </Button>
                ) : (
                  <Popconfirm
                    title={t('admin.account.disableConfirm')}
                    okText={t('admin.account.disable')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('common.cancel')}
                    onConfirm={() => setDisabled.mutate(true)}
                    disabled={self}
                  >
                    <Button danger disabled={self} loading={setDisabled.isPending}>
                      {t('admin.account.disable')}
                    </Button>
                  </Popconfirm>
                )}
              </Flex>
            </Flex>
            <Descriptions
              bordered
              size="small"
              column={{ xs: 1, sm: 1, md: 2 }}
              items={[
                { key: 'u', label: t('admin.accounts.columns.username'), children: a.username },
                {
                  key: 's',
                  label: t('admin.accounts.columns.status'),
                  children: <AccountStatus account={a} />,
                },
                {
                  key: 'c',
                  label: t('admin.accounts.columns.createdAt'),
                  children: formatDateTime(a.createdAt, i18n.language),
                },
                {
                  key: 'd',
                  label: t('admin.account.disabledAt'),
                  children: formatDateTime(a.disabledAt, i18n.language),
                },
                {
                  key: 'm',
                  label: t('admin.account.member'),
                  children: a.memberId ?? '—',
                },
                {
                  key: 'city',
                  label: t('admin.account.cityRoles'),
                  children:
                    [a.supervisor ? t('roles.supervisor') : null, a.admin ? t('roles.admin') : null]
                      .filter(Boolean)
                      .join(', ') || '—',
                },
              ]}
            />
            <Card title={<h3 className="card-heading">{t('admin.accounts.wardRoles')}</h3>} size="small">
              <Table
                rowKey={(r) => `${r.wardCode}/${r.role}`}
                dataSource={a.wardRoles}
                pagination={false}
                size="small"
                locale={{ emptyText: <EmptyText text={t('admin.roles.none')} /> }}
                columns={[
                  {
                    key: 'ward',
                    title: t('admin.common.ward'),
                    render: (_, r) => wardNames.data?.get(r.wardCode) ?? r.wardCode,
                  },
                  { key: 'role', title: t('admin.roles.role'), render: (_, r) => t(`roles.${r.role}`) },
                  {
                    key: 'revoke',
                    title: <span className="visually-hidden">{t('admin.roles.revoke')}</span>,
                    render: (_, r) => (
                      <Popconfirm
                        title={t('admin.roles.revokeConfirm')}
                        okText={t('admin.roles.revoke')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => revoke.mutate({ wardCode: r.wardCode, role: r.role })}
                      >
                        <Button
                          size="small"
                          danger
                          aria-label={`${t('admin.roles.revoke')}: ${t(`roles.${r.role}`)} · ${wardNames.data?.get(r.wardCode) ?? r.wardCode}`}
                        >
                          {t('admin.roles.revoke')}
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]}
              />
              <GrantRoleForm
                username={a.username}
                onGranted={(updated) => changed(updated, t('admin.roles.granted'))}
              />
            </Card>
          </>
        ) : null}
      </QueryState>
      <TemporaryPasswordModal value={handOver} onClose={() => setHandOver(null)} />
    </Space>
  );
}

function GrantRoleForm({
  username,
  onGranted,
}: {
  username: string;
  onGranted: (account: AccountView) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const placeFieldErrors = usePlaceFieldErrors();
  const [form] = Form.useForm<{ wardCode: string; role: WardRoleName }>();
  const [placed, setPlaced] = useState(false);
  const grant = useMutation({
    mutationFn: (body: { wardCode: string; role: WardRoleName }) =>
      unwrap(api.POST('/api/admin/accounts/{username}/roles', { params: { path: { username } }, body })),
    onSuccess: (updated) => {
      form.resetFields();
      onGranted(updated);
    },
    onError: (error) => setPlaced(placeFieldErrors(form, error, ['wardCode', 'role'])),
  });
  return (
    <Form
      form={form}
      layout="inline"
      className="grant-role-form"
      onFinish={(values) => grant.mutate(values)}
      style={{ marginTop: 16, rowGap: 8 }}
    >
      <Form.Item name="wardCode" rules={[{ required: true, message: t('admin.common.chooseWard') }]}>
        <WardSelect aria-label={t('admin.common.ward')} style={{ minWidth: 220 }} />
      </Form.Item>
      <Form.Item name="role" rules={[{ required: true, message: t('admin.roles.chooseRole') }]}>
        <Select<WardRoleName>
          aria-label={t('admin.roles.role')}
          placeholder={t('admin.roles.chooseRole')}
          style={{ minWidth: 160 }}
          options={WARD_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={grant.isPending}>
        {t('admin.roles.grant')}
      </Button>
      {grant.error && !placed ? (
        <Alert
          type="error"
          showIcon
          message={errorText(grant.error)}
          style={{ marginTop: 8, width: '100%' }}
        />
      ) : null}
    </Form>
  );
}
