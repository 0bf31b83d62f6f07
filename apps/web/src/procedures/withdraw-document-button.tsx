import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';
import { api, unwrap } from '../api/client';
import { useErrorText, useFieldErrors } from '../common/error-text';

/** The API's lower bound for a reason (withdrawDocumentSchema). */
export const MIN_REASON = 5;

/**
 * The secretary withdraws (thu hồi) one issued document: a reason is required, the dialog says that the number
 * stays taken; a 409 (already withdrawn, or not issued) is explained in the dialog, next to the reason.
 */
export function WithdrawDocumentButton({
  procedureId,
  position,
  symbol,
  withdrawn,
}: {
  procedureId: string;
  position: number;
  symbol: string;
  /** Already withdrawn: no button, but an open dialog stays to explain what happened. */
  withdrawn: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const fieldErrors = useFieldErrors();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const withdraw = useMutation({
    mutationFn: (reason: string) =>
      unwrap(
        api.POST('/api/procedures/{id}/documents/{position}/withdraw', {
          params: { path: { id: procedureId, position } },
          body: { reason },
        }),
      ),
    onSuccess: () => {
      void message.success(t('documentWithdraw.done', { symbol }));
      setOpen(false);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['procedure', procedureId] });
      void queryClient.invalidateQueries({ queryKey: ['register'] });
    },
  });
  const reasonError = fieldErrors(withdraw.error).reason;
  const conflict = withdraw.error instanceof ApiError && withdraw.error.status === 409;
  if (withdrawn && !open) return null;
  return (
    <>
      {withdrawn ? null : (
        <Button size="small" danger onClick={() => setOpen(true)}>
          {t('documentWithdraw.button')}
        </Button>
      )}
      <Modal
        open={open}
        title={t('documentWithdraw.title', { symbol })}
        okText={t('documentWithdraw.confirm')}
        okButtonProps={{ danger: true, loading: withdraw.isPending }}
        cancelText={t('common.cancel')}
        onCancel={() => {
          setOpen(false);
          // After a conflict (withdrawn elsewhere) the set is read again to show it.
          if (conflict) void queryClient.invalidateQueries({ queryKey: ['procedure', procedureId] });
          withdraw.reset();
        }}
        onOk={() => {
          void form
            .validateFields()
            .then(({ reason }) => withdraw.mutate(reason.trim()))
            .catch(() => undefined);
        }}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('documentWithdraw.explain', { symbol })}</Typography.Paragraph>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label={t('documentWithdraw.reason')}
            validateStatus={reasonError ? 'error' : undefined}
            help={reasonError}
            rules={[
              { required: true, whitespace: true, message: t('documentWithdraw.reasonRequired') },
              {
                validator: (_, value: string | undefined) =>
                  !value?.trim() || value.trim().length >= MIN_REASON
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('documentWithdraw.reasonShort', { min: MIN_REASON }))),
              },
            ]}
          >
            <Input.TextArea rows={3} maxLength={2000} autoFocus />
          </Form.Item>
        </Form>
        {withdraw.error && !reasonError ? (
          <Alert
            type="error"
            showIcon
            message={conflict ? t('documentWithdraw.conflict') : errorText(withdraw.error)}
            description={conflict ? errorText(withdraw.error) : undefined}
          />
        ) : null}
      </Modal>
    </>
  );
}
