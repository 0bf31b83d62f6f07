import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../common/error-text';

/**
 * A human action on a procedure with an idempotency key made by the client per intent: a double click or a
 * retry after a network error sends the same key (the API answers the first result); a new intent (another
 * choice, another text) gets a new key; a second click while the first is under way sends nothing more. The
 * form keeps what was typed when the call fails.
 */
export const useProcedureAction = <Input, Output>(
  procedureId: string,
  send: (input: Input, idempotencyKey: string) => Promise<Output>,
  successText: string,
) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const intent = useRef<{ fingerprint: string; key: string } | null>(null);
  const keyFor = (input: Input) => {
    const fingerprint = JSON.stringify(input);
    if (intent.current?.fingerprint !== fingerprint)
      intent.current = { fingerprint, key: `web-${crypto.randomUUID()}` };
    return intent.current.key;
  };
  // The same intent while its request is under way (a double click) joins that request: one is sent.
  const inFlight = useRef(new Map<string, Promise<Output>>());
  const sendOnce = (input: Input): Promise<Output> => {
    const key = keyFor(input);
    const running = inFlight.current.get(key);
    if (running) return running;
    const request = send(input, key).finally(() => inFlight.current.delete(key));
    inFlight.current.set(key, request);
    return request;
  };
  return useMutation({
    mutationFn: sendOnce,
    onSuccess: () => {
      void message.success(successText || t('common.saved'));
      void queryClient.invalidateQueries({ queryKey: ['procedure', procedureId] });
      void queryClient.invalidateQueries({ queryKey: ['inbox'] });
      void queryClient.invalidateQueries({ queryKey: ['procedures'] });
    },
    onError: (error) => void message.error(errorText(error)),
  });
};
