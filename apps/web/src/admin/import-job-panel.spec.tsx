/**
 * @jest-environment jsdom
 *
 * An import job on the import page: its progress while it runs (counts, rows filling in), a rejected job with
 * each bad row named, and a finished accounts import opened without the starting tab's key — the passwords
 * are no longer shown and a new temporary password is issued per account. The recent imports, empty.
 */
import { fireEvent, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { api } from '../api/client';
import { sessionStore } from '../auth/session-store';
import { renderWithApp } from '../testing/render';
import { ImportJobPanel, RecentImports } from './import-job-panel';

const ok = (data: unknown) => ({ data, response: { ok: true, status: 200 } as Response });
const ID = '3f0c7a52-1111-4000-8000-000000000001';
const job = (over: Record<string, unknown>) => ({
  id: ID,
  kind: 'accounts',
  dryRun: false,
  status: 'running',
  stage: 'checking',
  createdBy: 'quan-tri',
  createdAt: '2026-12-06T01:00:00Z',
  finishedAt: null,
  total: 45,
  done: 5,
  failed: 0,
  applied: 0,
  fileProblems: [],
  mine: true,
  rows: [],
  nextFrom: null,
  ...over,
});
const account = (i: number, status: string) => ({
  position: i,
  line: i + 2,
  status,
  problems: [],
  result: { username: `nguoi-${i}`, displayName: `Người ${i}`, wardRoles: [] },
  sealedPassword: null,
});

describe('import job panel', () => {
  let answer: ReturnType<typeof job>;
  beforeEach(() => {
    sessionStore.set({ accessToken: 'access', refreshToken: 'refresh', expiresIn: 900 });
    jest.spyOn(api, 'GET').mockImplementation(((path: string) => {
      if (path === '/api/admin/imports/{id}') return Promise.resolve(ok(answer));
      if (path === '/api/admin/imports') return Promise.resolve(ok({ items: [] }));
      return Promise.reject(new Error(`unexpected ${path}`));
    }) as never);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    sessionStore.clear();
  });

  const renderPanel = () =>
    renderWithApp(
      <MemoryRouter>
        <ImportJobPanel id={ID} />
      </MemoryRouter>,
    );

  it('given a job being checked, then its counts, stage and the rows so far show', async () => {
    answer = job({ rows: [0, 1, 2, 3, 4].map((i) => account(i, 'valid')) });
    renderPanel();
    const status = await screen.findByRole('status');
    expect(status.textContent).toContain('Đã kiểm tra 5/45 dòng · 0 dòng lỗi · 0 dòng đã lưu.');
    expect(status.textContent).toContain('Có thể rời trang và quay lại sau');
    expect(screen.getAllByText('Hợp lệ')).toHaveLength(5);
    expect(screen.getByText('nguoi-0')).toBeTruthy();
  });

  it('given a rejected job, then nothing-stored is said and each bad row shows its problem', async () => {
    answer = job({
      status: 'rejected',
      stage: 'finished',
      total: 2,
      done: 2,
      failed: 1,
      rows: [
        account(0, 'valid'),
        {
          ...account(1, 'invalid'),
          result: null,
          problems: [{ line: 3, field: 'username', message: 'Tên đăng nhập đã có.', messageEn: 'Taken.' }],
        },
      ],
    });
    renderPanel();
    await screen.findByText('Có 1 lỗi: không dòng nào được lưu.');
    expect(screen.getByText('Hợp lệ (không lưu)')).toBeTruthy();
    expect(screen.getByText('username: Tên đăng nhập đã có.')).toBeTruthy();
  });

  it('given a finished import opened without the starting tab, then a new temporary password per account', async () => {
    answer = job({
      status: 'done',
      stage: 'finished',
      total: 2,
      done: 2,
      applied: 2,
      rows: [account(0, 'applied'), account(1, 'applied')],
    });
    const post = jest
      .spyOn(api, 'POST')
      .mockResolvedValue(ok({ account: { username: 'nguoi-1' }, temporaryPassword: 'Mk-tam-thoi-1234' }));
    renderPanel();
    await screen.findByText(/nay không còn hiển thị/);
    fireEvent.click(screen.getByRole('button', { name: 'Cấp mật khẩu tạm thời mới cho nguoi-1' }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByText('Mk-tam-thoi-1234');
    expect(post).toHaveBeenCalledWith(
      '/api/admin/accounts/{username}/temporary-password',
      expect.objectContaining({ params: { path: { username: 'nguoi-1' } } }),
    );
  });

  it('given no import yet, then the recent list says so', async () => {
    renderWithApp(<RecentImports onOpen={() => undefined} />);
    await screen.findByText('Chưa có lần nhập nào.');
  });
});
