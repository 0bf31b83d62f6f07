import { Button, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { useProcedureAction } from './use-action';

/** The secretary ends the procedure before its decision is approved, with a reason. */
export function WithdrawButton({ procedureId }: { procedureId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const withdraw = useProcedureAction(
    procedureId,
    (input: { reason: string }, key: string) =>
      unwrap(
        api.POST('/api/procedures/{id}/withdraw', {
          params: { path: { id: procedureId }, header: { 'idempotency-key': key } },
          body: input,
        }),
      ),
    t('withdraw.done'),
  );
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        {t('withdraw.button')}
      </Button>
      <Modal
        open={open}
        title={t('withdraw.title')}
        okText={t('withdraw.confirm')}
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: withdraw.isPending }}
        cancelText={t('common.cancel')}
        onCancel={() => setOpen(false)}
        onOk={() => withdraw.mutate({ reason }, { onSuccess: () => setOpen(false) })}
      >
        <Input.TextArea
          aria-label={t('withdraw.reason')}
          placeholder={t('withdraw.reason')}
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </>
  );
}
