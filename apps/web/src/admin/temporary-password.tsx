import { Alert, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A temporary password, shown once: the admin hands it over; its holder must change it at first sign-in. */
export function TemporaryPasswordModal({
  value,
  onClose,
}: {
  value: { username: string; temporaryPassword: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={value !== null}
      title={t('admin.password.title')}
      onCancel={onClose}
      onOk={onClose}
      okText={t('admin.password.done')}
      cancelButtonProps={{ style: { display: 'none' } }}
      maskClosable={false}
      destroyOnHidden
    >
      {value ? (
        <>
          <Typography.Paragraph>
            {t('admin.password.intro', { username: value.username })}
          </Typography.Paragraph>
          <Typography.Paragraph>
            <Typography.Text
              code
              copyable={{ tooltips: [t('admin.password.copy'), t('admin.password.copied')] }}
              className="temporary-password"
              data-testid="temporary-password"
            >
              {value.temporaryPassword}
            </Typography.Text>
          </Typography.Paragraph>
          <Alert type="warning" showIcon message={t('admin.password.once')} />
        </>
      ) : null}
    </Modal>
  );
}
