import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { api } from '../api/client';
import type { Actor } from '../auth/use-me';
import { renderWithApp } from '../testing/render';
import type { Procedure } from './use-procedure';
import { VotePanel } from './vote-panel';

const procedure = {
  id: '7d3c1b9e-0000-4000-8000-000000000001',
  status: 'running',
  currentStep: 'committee_approval',
} as unknown as Procedure;
const actor = { memberId: 'uv-1', actingForMembers: [] } as unknown as Actor;
const task = {
  round: 1,
  dueAt: '2026-12-01T10:00:00Z',
  votes: [],
  draft: null,
  diff: { organizationsBefore: 3, organizationsAfter: 3, entries: [] },
};
const ok = (data: unknown) => ({ data, response: { ok: true, status: 200 } as Response });
const failed = (status: number, error: unknown) => ({ error, response: { ok: false, status } as Response });

type Call = [string, { params: { header: Record<string, string> }; body: Record<string, unknown> }];
const keysOf = (post: jest.SpyInstance) =>
  (post.mock.calls as Call[]).map(([, init]) => init.params.header['idempotency-key']);

describe('vote panel', () => {
  let post: jest.SpyInstance;
  beforeEach(() => {
    jest.spyOn(api, 'GET').mockImplementation((() => Promise.resolve(ok(task))) as never);
    post = jest.spyOn(api, 'POST');
  });
  afterEach(() => jest.restoreAllMocks());

  const choose = async (choice: string, comment: string) => {
    fireEvent.click(await screen.findByText(choice));
    fireEvent.change(screen.getByLabelText('Ý kiến kèm theo'), { target: { value: comment } });
  };
  const submit = () => fireEvent.click(screen.getByRole('button', { name: /Gửi biểu quyết/ }));

  it('given a double click, then one vote is sent', async () => {
    let answer: (value: unknown) => void = () => undefined;
    post.mockImplementation((() => new Promise((resolve) => (answer = resolve))) as never);
    renderWithApp(<VotePanel procedure={procedure} actor={actor} />);
    await choose('Đồng ý', 'Nhất trí');
    submit();
    submit();
    await waitFor(() => expect(post).toHaveBeenCalledTimes(1));
    await act(async () => {
      answer(ok({ accepted: true }));
      await Promise.resolve();
    });
    submit();
    // A click after the answer is the same intent: if it is sent at all, it carries the same key.
    await new Promise((r) => setTimeout(r, 50));
    expect(new Set(keysOf(post)).size).toBe(1);
  });

  it('given a network failure, then the retry sends the same idempotency key; another choice a new one', async () => {
    post
      .mockImplementationOnce((() => Promise.reject(new TypeError('Failed to fetch'))) as never)
      .mockImplementation((() => Promise.resolve(ok({ accepted: true }))) as never);
    renderWithApp(<VotePanel procedure={procedure} actor={actor} />);
    await choose('Đồng ý', 'Nhất trí');
    submit();
    await waitFor(() => expect(post).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.getByRole('button', { name: /Gửi biểu quyết/ })).toBeTruthy());
    await new Promise((r) => setTimeout(r, 20));
    submit();
    await waitFor(() => expect(post).toHaveBeenCalledTimes(2));
    const [first, retry] = keysOf(post);
    expect(retry).toBe(first);
    expect(first).toMatch(/^web-[0-9a-f-]{36}$/);

    await choose('Không đồng ý', 'Chưa rõ');
    submit();
    await waitFor(() => expect(post).toHaveBeenCalledTimes(3));
    expect(keysOf(post)[2]).not.toBe(first);
    expect((post.mock.calls as Call[])[2]![1].body).toMatchObject({ choice: 'reject', comment: 'Chưa rõ' });
  });

  it('given a 400 on the comment, then the reason stands under the comment and the typed text stays', async () => {
    post.mockImplementation((() =>
      Promise.resolve(
        failed(400, {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'Dữ liệu không hợp lệ.',
          messageEn: 'Invalid input.',
          errors: [
            {
              field: 'comment',
              reason: 'Ý kiến có ký tự điều khiển không được phép.',
              reasonEn: 'The comment has a control character.',
            },
          ],
        }),
      )) as never);
    renderWithApp(<VotePanel procedure={procedure} actor={actor} />);
    await choose('Đồng ý', 'Ý kiến dài của tôi');
    submit();
    const reason = await screen.findByText('Ý kiến có ký tự điều khiển không được phép.');
    const commentItem = screen.getByLabelText('Ý kiến kèm theo').closest('.ant-form-item') as HTMLElement;
    expect(within(commentItem).getByText('Ý kiến có ký tự điều khiển không được phép.')).toBe(reason);
    expect(screen.getByLabelText<HTMLTextAreaElement>('Ý kiến kèm theo').value).toBe('Ý kiến dài của tôi');
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Đồng ý' }).checked).toBe(true);
  });
});
