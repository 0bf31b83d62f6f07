import { useQuery } from '@tanstack/react-query';
import { Button, Space, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { toApiError } from '../api/api-error';
import { authorizedFetch } from '../api/client';
import { QueryState } from '../common/page-states';

/** An issued decision or resolution, as the API renders it (printable HTML), with a print button. */
export function DocumentPage() {
  const { id = '', type = 'decision' } = useParams();
  const { t } = useTranslation();
  const frame = useRef<HTMLIFrameElement>(null);
  const doc = useQuery({
    queryKey: ['procedure', id, 'document', type],
    queryFn: async () => {
      const response = await authorizedFetch(
        `/api/procedures/${encodeURIComponent(id)}/documents/${encodeURIComponent(type)}?format=html`,
      );
      if (!response.ok) throw toApiError(response.status, await response.json().catch(() => null));
      return response.text();
    },
  });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Link to={`/procedures/${id}`}>← {t('documents.back')}</Link>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {/^\d+$/.test(type)
            ? t('documentSet.document', { position: type })
            : t(`documents.${type === 'resolution' ? 'resolution' : 'decision'}`)}
        </Typography.Title>
        <Button onClick={() => frame.current?.contentWindow?.print()} disabled={!doc.data}>
          {t('documents.print')}
        </Button>
      </Space>
      <QueryState isPending={doc.isPending} error={doc.error}>
        <iframe
          ref={frame}
          title={t('documents.frameTitle')}
          className="document-frame"
          srcDoc={doc.data}
          sandbox="allow-modals allow-same-origin"
        />
      </QueryState>
    </Space>
  );
}
