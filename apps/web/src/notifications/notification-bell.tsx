import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, List, Popover, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyText } from '../common/page-states';
import { authorizedFetch } from '../api/client';
import { formatDateTime } from '../format/format';
import type { paths } from '../api/schema';
import { usePollInterval } from '../live/use-live-updates';

/** A page of GET /api/notifications, as the API's OpenAPI document describes it (generated types). */
type NotificationPage = paths['/api/notifications']['get']['responses'][200]['content']['application/json'];

const NOT_AVAILABLE = 'not-available';

export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const poll = usePollInterval(30_000);
  const notifications = useQuery({
    queryKey: ['notifications'],
    refetchInterval: poll,
    retry: false,
    queryFn: async (): Promise<NotificationPage | typeof NOT_AVAILABLE> => {
      const response = await authorizedFetch('/api/notifications');
      if (response.status === 404) return NOT_AVAILABLE;
      if (!response.ok) throw new Error(`notifications ${response.status}`);
      return (await response.json()) as NotificationPage;
    },
  });
  const markRead = useMutation({
    mutationFn: (id: string) =>
      authorizedFetch(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
  const page = notifications.data;
  if (!page || page === NOT_AVAILABLE) return null;
  const content = (
    <List
      className="notification-list"
      size="small"
      dataSource={[...page.items]}
      locale={{ emptyText: <EmptyText text={t('notifications.empty')} /> }}
      renderItem={(item) => (
        <List.Item
          actions={
            item.readAt
              ? []
              : [
                  <Button key="read" size="small" type="link" onClick={() => markRead.mutate(item.id)}>
                    {t('notifications.markRead')}
                  </Button>,
                ]
          }
        >
          <List.Item.Meta
            title={<Typography.Text strong={!item.readAt}>{item.subject}</Typography.Text>}
            description={
              <>
                <div>{item.body}</div>
                <Typography.Text type="secondary">
                  {formatDateTime(item.createdAt, i18n.language)}
                </Typography.Text>
              </>
            }
          />
        </List.Item>
      )}
    />
  );
  return (
    <Popover content={content} title={t('notifications.title')} trigger="click" placement="bottomRight">
      <Badge count={page.unread} size="small">
        <Button
          size="small"
          shape="circle"
          icon={<BellOutlined />}
          aria-label={t('notifications.open', { count: page.unread })}
        />
      </Badge>
    </Popover>
  );
}
