/**
 * @jest-environment jsdom
 *
 * A 503 while an action is sent: the banner names the part that is down in Vietnamese and says the action was
 * not carried out, what the user typed stays in the form, and sending again uses the SAME idempotency key.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp, Button, Input } from 'antd';
import i18n from 'i18next';
import { useState } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { ApiError } from '../api/api-error';
import { useProcedureAction } from '../procedures/use-action';
import vi from '../i18n/vi.json';
import faultsVi from '../i18n/features/faults.vi.json';
import { UnavailableBanner } from './unavailable-banner';
import { unavailableStore } from './unavailable';

const unavailable = (code: string, dependency: string, extra: Record<string, unknown> = {}) =>
  new ApiError(503, {
    statusCode: 503,
    code,
    message: 'Tạm thời không truy cập được. Thao tác chưa được thực hiện.',
    messageEn: 'Temporarily unreachable. The action was not carried out.',
    details: { dependency, applied: false, retryAfterSeconds: 5, ...extra },
  });

/** A panel as the procedure pages have them: a text the user types, sent by an action. */
const ReturnPanel = ({ send }: { send: (input: { reason: string }, key: string) => Promise<unknown> }) => {
  const [reason, setReason] = useState('');
  const action = useProcedureAction('p-1', send, 'Đã gửi');
  return (
    <>
      <UnavailableBanner />
      <Input aria-label="Lý do" value={reason} onChange={(e) => setReason(e.target.value)} />
      <Button onClick={() => action.mutate({ reason })}>Gửi</Button>
    </>
  );
};

const renderPanel = async (send: (input: { reason: string }, key: string) => Promise<unknown>) => {
  const texts = i18n.createInstance().use(initReactI18next);
  await texts.init({ lng: 'vi', resources: { vi: { translation: { ...vi, ...faultsVi } } } });
  const queries = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  return render(
    <I18nextProvider i18n={texts}>
      <QueryClientProvider client={queries}>
        <AntApp>
          <ReturnPanel send={send} />
        </AntApp>
      </QueryClientProvider>
    </I18nextProvider>,
  );
};

beforeAll(() => {
  // antd reads media queries; jsdom has none.
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
});

afterEach(() => {
  act(() => unavailableStore.clear());
  jest.useRealTimers();
});

describe('UnavailableBanner with useProcedureAction', () => {
  it('given the database is down, when the user sends, then the banner says so in Vietnamese, the text stays, and "send again" uses the same key', async () => {
    const keys: string[] = [];
    const send = jest.fn((_input: { reason: string }, key: string) => {
      keys.push(key);
      if (keys.length === 1) return Promise.reject(unavailable('DATABASE_UNAVAILABLE', 'database'));
      return Promise.resolve({ status: 'running' });
    });
    await renderPanel(send);

    fireEvent.change(screen.getByLabelText('Lý do'), { target: { value: 'Thiếu biên bản họp chi bộ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi' }));

    const banner = await screen.findByTestId('unavailable-banner');
    expect(banner.textContent).toContain('Cơ sở dữ liệu tạm thời không truy cập được');
    expect(banner.textContent).toContain('Thao tác chưa được thực hiện.');
    expect(banner.textContent).toContain('Nội dung bạn đã nhập vẫn được giữ nguyên.');
    expect(banner.textContent).toMatch(/Tự động gửi lại \(cùng mã chống trùng lặp\) sau [1-5] giây/);
    expect(screen.getByLabelText<HTMLInputElement>('Lý do').value).toBe('Thiếu biên bản họp chi bộ');

    fireEvent.click(screen.getByRole('button', { name: 'Gửi lại ngay' }));

    await waitFor(() => expect(screen.queryByTestId('unavailable-banner')).toBeNull());
    expect(send).toHaveBeenCalledTimes(2);
    expect(send.mock.calls[1]![0]).toEqual({ reason: 'Thiếu biên bản họp chi bộ' });
    expect(keys[1]).toBe(keys[0]);
    expect(keys[0]).toMatch(/^web-/);
  });

  it('given an action taken but not finished (ACTION_PENDING), then the banner says it will be completed, and the automatic retry after Retry-After reuses the key', async () => {
    jest.useFakeTimers();
    const keys: string[] = [];
    const send = jest.fn((_input: { reason: string }, key: string) => {
      keys.push(key);
      if (keys.length === 1)
        return Promise.reject(
          unavailable('ACTION_PENDING', 'worker', {
            applied: 'pending',
            accepted: true,
            retryAfterSeconds: 2,
          }),
        );
      return Promise.resolve({ status: 'running' });
    });
    await renderPanel(send);
    fireEvent.change(screen.getByLabelText('Lý do'), { target: { value: 'Đủ điều kiện' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi' }));

    const banner = await screen.findByTestId('unavailable-banner');
    expect(banner.textContent).toContain('Bộ xử lý quy trình tạm thời không hoạt động');
    expect(banner.textContent).toContain('sẽ được hoàn tất');
    expect(send).toHaveBeenCalledTimes(1);

    await act(async () => {
      await jest.advanceTimersByTimeAsync(2_100);
    });

    expect(send).toHaveBeenCalledTimes(2);
    expect(keys[1]).toBe(keys[0]);
    await waitFor(() => expect(screen.queryByTestId('unavailable-banner')).toBeNull());
  });

  it('given a different text after a 503, then it is a new intent with a new key', async () => {
    const keys: string[] = [];
    const send = jest.fn((_input: { reason: string }, key: string) => {
      keys.push(key);
      return Promise.reject(unavailable('WORKFLOW_SERVICE_UNAVAILABLE', 'temporal'));
    });
    await renderPanel(send);
    fireEvent.change(screen.getByLabelText('Lý do'), { target: { value: 'A' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi' }));
    expect((await screen.findByTestId('unavailable-banner')).textContent).toContain('Temporal');
    fireEvent.change(screen.getByLabelText('Lý do'), { target: { value: 'B' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi' }));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    expect(keys[1]).not.toBe(keys[0]);
  });

  it('given a busy database (a burst, not an outage), then the banner says busy, not down, and nothing was done', async () => {
    const send = jest.fn(() =>
      Promise.reject(unavailable('DATABASE_BUSY', 'database', { busy: true, retryAfterSeconds: 2 })),
    );
    await renderPanel(send);
    fireEvent.change(screen.getByLabelText('Lý do'), { target: { value: 'A' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi' }));
    const banner = await screen.findByTestId('unavailable-banner');
    expect(banner.textContent).toContain('đang quá tải');
    expect(banner.textContent).not.toContain('không truy cập được');
    expect(banner.textContent).toContain('Thao tác chưa được thực hiện.');
  });
});
