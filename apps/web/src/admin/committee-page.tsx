import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Segmented,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { useErrorText } from '../common/error-text';
import { EmptyText, QueryState } from '../common/page-states';
import { formatDate } from '../format/format';
import { usePlaceFieldErrors } from './form-errors';
import type { MemberView } from './use-admin';
import { WardSelect } from './ward-select';

const DAY = 'YYYY-MM-DD';
const today = () => dayjs().format(DAY);

interface MemberForm {
  fullName: string;
  position: string;
  servedFrom?: Dayjs;
  servedTo?: Dayjs | null;
  username?: string;
}

/**
 * The standing committee of a ward — the voters of every committee vote (members whose term covers the day
 * the vote opens): serving today or everyone ever, add a member with a position and a term, change a member,
 * end a term.
 */
export function CommitteePage() {
  const { t, i18n } = useTranslation();
  // The ward is in the address (`?ward=<code>`): a committee can be linked to and survives a reload.
  const [params, setParams] = useSearchParams();
  const wardCode = params.get('ward') ?? undefined;
  const setWardCode = (ward: string | undefined) => setParams(ward ? { ward } : {}, { replace: true });
  const [scope, setScope] = useState<'serving' | 'all'>('serving');
  const [editing, setEditing] = useState<MemberView | 'new' | null>(null);
  const list = useInfiniteQuery({
    queryKey: ['admin', 'committee', wardCode, scope],
    enabled: wardCode !== undefined,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/admin/wards/{wardCode}/committee', {
          params: {
            path: { wardCode: wardCode ?? '' },
            query: {
              limit: 50,
              ...(scope === 'serving' ? { servingOn: today() } : {}),
              ...(pageParam ? { after: pageParam } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('admin.committee.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('admin.committee.intro')}</Typography.Paragraph>
      <Flex wrap gap="small" align="center">
        <WardSelect
          aria-label={t('admin.common.ward')}
          style={{ minWidth: 260 }}
          value={wardCode}
          onChange={setWardCode}
        />
        <Segmented<'serving' | 'all'>
          aria-label={t('admin.committee.scope')}
          value={scope}
          onChange={setScope}
          options={[
            { value: 'serving', label: t('admin.committee.serving') },
            { value: 'all', label: t('admin.committee.all') },
          ]}
        />
        <Button type="primary" disabled={!wardCode} onClick={() => setEditing('new')}>
          {t('admin.committee.add')}
        </Button>
      </Flex>
      {wardCode ? (
        <QueryState isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()}>
          <Table<MemberView>
            className="committee-table"
            rowKey="id"
            dataSource={items}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <EmptyText text={t('admin.committee.empty')} /> }}
            columns={[
              { key: 'name', title: t('admin.committee.fullName'), dataIndex: 'fullName' },
              { key: 'position', title: t('admin.committee.position'), dataIndex: 'position' },
              {
                key: 'term',
                title: t('admin.committee.term'),
                render: (_, m) =>
                  t('admin.committee.termRange', {
                    from: formatDate(m.servedFrom, i18n.language),
                    to: m.servedTo ? formatDate(m.servedTo, i18n.language) : t('admin.committee.open'),
                  }),
              },
              {
                key: 'state',
                title: t('admin.committee.state'),
                render: (_, m) =>
                  isServing(m) ? (
                    <Tag color="green">{t('admin.committee.servingNow')}</Tag>
                  ) : (
                    <Tag>{t('admin.committee.notServing')}</Tag>
                  ),
              },
              {
                key: 'account',
                title: t('admin.committee.account'),
                render: (_, m) => m.username ?? '—',
              },
              {
                key: 'edit',
                title: <span className="visually-hidden">{t('admin.committee.edit')}</span>,
                render: (_, m) => (
                  <Button
                    size="small"
                    onClick={() => setEditing(m)}
                    aria-label={`${t('admin.committee.edit')}: ${m.fullName}`}
                  >
                    {t('admin.committee.edit')}
                  </Button>
                ),
              },
            ]}
          />
          {list.hasNextPage ? (
            <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          ) : null}
        </QueryState>
      ) : (
        <Alert type="info" showIcon message={t('admin.committee.chooseWard')} />
      )}
      {wardCode && editing ? (
        <MemberModal
          wardCode={wardCode}
          member={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Space>
  );
}

/** Serving today: the term started and has not ended (`servedTo` is the first day after the term). */
const isServing = (m: MemberView) => m.servedFrom <= today() && (!m.servedTo || m.servedTo > today());

const FIELDS = ['fullName', 'position', 'servedFrom', 'servedTo', 'username', 'id'];

function MemberModal({
  wardCode,
  member,
  onClose,
}: {
  wardCode: string;
  member: MemberView | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const placeFieldErrors = usePlaceFieldErrors();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<MemberForm>();
  const [placed, setPlaced] = useState(false);
  const save = useMutation({
    mutationFn: (values: MemberForm) =>
      member
        ? unwrap(
            api.PATCH('/api/admin/wards/{wardCode}/committee/{memberId}', {
              params: { path: { wardCode, memberId: member.id } },
              body: {
                fullName: values.fullName,
                position: values.position,
                servedTo: values.servedTo ? values.servedTo.format(DAY) : null,
              },
            }),
          )
        : unwrap(
            api.POST('/api/admin/wards/{wardCode}/committee', {
              params: { path: { wardCode } },
              body: {
                fullName: values.fullName,
                position: values.position,
                servedFrom: (values.servedFrom ?? dayjs()).format(DAY),
                ...(values.servedTo ? { servedTo: values.servedTo.format(DAY) } : {}),
                ...(values.username ? { username: values.username } : {}),
              },
            }),
          ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['admin', 'committee', wardCode] });
      void message.success(t('common.saved'));
      onClose();
    },
    onError: (error) => setPlaced(placeFieldErrors(form, error, FIELDS)),
  });
  return (
    <Modal
      open
      title={member ? t('admin.committee.editTitle', { name: member.fullName }) : t('admin.committee.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('admin.committee.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
    >
      <Form<MemberForm>
        form={form}
        layout="vertical"
        name="committee-member"
        initialValues={
          member
            ? {
                fullName: member.fullName,
                position: member.position,
                servedFrom: dayjs(member.servedFrom),
                servedTo: member.servedTo ? dayjs(member.servedTo) : null,
              }
            : { servedFrom: dayjs() }
        }
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item
          label={t('admin.committee.fullName')}
          name="fullName"
          rules={[{ required: true, whitespace: true, message: t('admin.common.required') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('admin.committee.position')}
          name="position"
          rules={[{ required: true, whitespace: true, message: t('admin.common.required') }]}
        >
          <Input autoComplete="off" placeholder={t('admin.committee.positionExample')} />
        </Form.Item>
        <Flex gap="small" wrap>
          <Form.Item
            label={t('admin.committee.servedFrom')}
            name="servedFrom"
            style={{ flex: '1 1 160px' }}
            rules={[{ required: true, message: t('admin.common.required') }]}
          >
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} disabled={member !== null} />
          </Form.Item>
          <Form.Item
            label={t('admin.committee.servedTo')}
            name="servedTo"
            style={{ flex: '1 1 160px' }}
            extra={t('admin.committee.servedToHelp')}
            dependencies={['servedFrom']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value: Dayjs | null | undefined) => {
                  const from = getFieldValue('servedFrom') as Dayjs | undefined;
                  if (!value || !from || value.isAfter(from, 'day')) return Promise.resolve();
                  return Promise.reject(new Error(t('admin.committee.termOrder')));
                },
              }),
            ]}
          >
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        {member ? null : (
          <Form.Item
            label={t('admin.committee.account')}
            name="username"
            extra={t('admin.committee.accountHelp')}
          >
            <Input autoComplete="off" />
          </Form.Item>
        )}
        {member && member.servedTo === null ? (
          <Alert type="info" showIcon message={t('admin.committee.endTermHelp')} />
        ) : null}
        {save.error && !placed ? (
          <Alert type="error" showIcon message={errorText(save.error)} style={{ marginTop: 16 }} />
        ) : null}
      </Form>
    </Modal>
  );
}
