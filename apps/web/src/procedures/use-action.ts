import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../common/error-text';
import { unavailableOf, unavailableStore } from '../faults/unavailable';

/** Automatic retries after a 503 (each after the API's Retry-After); then the banner's button only. */
const AUTO_RETRIES = 3;

/**
 * A human action on a procedure with an idempotency key made by the client per intent: a double click or a
 * retry after a network error sends the same key (the API answers the first result); a new intent (another
 * choice, another text) gets a new key; a second click while the first is under way sends nothing more. The
 * form keeps what was typed when the call fails.
 *
 * When the API answers 503 (a part is down) or does not answer, the banner says which part and whether the
 * action was carried out, and the same input is sent again with the SAME key after Retry-After (a few times,
 * and whenever the user presses "send again"): it is applied at most once whatever happened to the first call.
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
  const retries = useRef<{ input: Input; left: number; timer?: ReturnType<typeof setTimeout> } | null>(null);
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
  const stopRetrying = () => {
    if (retries.current?.timer) clearTimeout(retries.current.timer);
    retries.current = null;
  };
  useEffect(() => stopRetrying, []);
  const mutation = useMutation({
    mutationFn: sendOnce,
    onSuccess: () => {
      if (retries.current) unavailableStore.clear();
      stopRetrying();
      void message.success(successText || t('common.saved'));
      void queryClient.invalidateQueries({ queryKey: ['procedure', procedureId] });
      void queryClient.invalidateQueries({ queryKey: ['inbox'] });
      void queryClient.invalidateQueries({ queryKey: ['procedures'] });
    },
    onError: (error, input) => {
      const unavailable = unavailableOf(error);
      if (!unavailable) {
        stopRetrying();
        void message.error(errorText(error));
        return;
      }
      // A new intent starts its own count; the same input keeps counting down.
      let pending = retries.current;
      if (pending?.input !== input) {
        stopRetrying();
        pending = { input, left: AUTO_RETRIES };
        retries.current = pending;
      }
      if (pending.timer) clearTimeout(pending.timer);
      const again = () => {
        if (pending.timer) clearTimeout(pending.timer);
        pending.timer = undefined;
        mutation.mutate(input);
      };
      if (pending.left > 0) {
        pending.left -= 1;
        const retryAt = Date.now() + unavailable.retryAfterSeconds * 1_000;
        pending.timer = setTimeout(again, unavailable.retryAfterSeconds * 1_000);
        unavailableStore.report({ info: unavailable, retry: again, retryAt });
      } else {
        unavailableStore.report({ info: unavailable, retry: again });
        void message.warning(t('faults.gaveUp'));
      }
    },
  });
  return mutation;
};
