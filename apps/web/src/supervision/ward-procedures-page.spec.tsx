/**
 * @jest-environment jsdom
 *
 * A ward's page for supervisors: every procedure of the ward through GET /api/procedures (its filters and
 * keyset cursor), the board's numbers for the ward with the way to its stalled and failed procedures.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { api } from '../api/client';
import { sessionStore } from '../auth/session-store';
import { renderWithApp } from '../testing/render';
import { WardProceduresPage } from './ward-procedures-page';

const ok = (data: unknown) => ({ data, response: { ok: true, status: 200 } as Response });
const WARD = 'phuong-kim-lien';
const running = (i: number) => ({
  id: `7d3c1b9e-0000-4000-8000-00000000000${i}`,
  title: `Đổi tên chi bộ ${i}`,
  kind: 'rename',
  ward: { code: WARD, name: 'Kim Liên' },
  status: 'running',
  currentStep: 'committee_approval',
  waitingFor: 'committee',
  round: 1,
  dueAt: '2026-12-01T10:00:00Z',
  stalledSince: '2026-12-01T10:00:00Z',
  createdAt: `2026-11-2${i}T10:00:00Z`,
  completedAt: null,
  decisionSymbol: null,
});
const zeros = { review: 0, draft_resolution: 0, committee_approval: 0, issue_decision: 0, announce: 0 };
const board = {
  asOf: '2026-12-06T00:00:00Z',
  weekStart: '2026-11-30',
  wards: [
    {
      code: WARD,
      name: 'Kim Liên',
      ordinal: 1,
      area: null,
      running: { ...zeros, committee_approval: 3 },
      runningTotal: 3,
      overdue: 2,
      stalled: 2,
      failed: 1,
      completedThisWeek: 4,
    },
  ],
};

type Init = { params?: { query?: Record<string, unknown> } };

describe('ward procedures page', () => {
  let get: jest.SpyInstance;
  const calls = () =>
    (get.mock.calls as [string, Init][])
      .filter(([path]) => path === '/api/procedures')
      .map(([, init]) => init.params?.query ?? {});

  beforeEach(() => {
    sessionStore.set({ accessToken: 'access', refreshToken: 'refresh', expiresIn: 900 });
    get = jest.spyOn(api, 'GET').mockImplementation(((path: string, init: Init) => {
      if (path === '/api/auth/me')
        return Promise.resolve(ok({ username: 'giamsat', supervisor: true, admin: false, wardRoles: {} }));
      if (path === '/api/registry/wards')
        return Promise.resolve(ok({ items: [{ code: WARD, name: 'Kim Liên' }], next: null }));
      if (path === '/api/supervision/board') return Promise.resolve(ok(board));
      if (path === '/api/procedures') {
        const q = init.params?.query ?? {};
        if (q.step === 'review') return Promise.resolve(ok({ items: [], next: null }));
        return Promise.resolve(
          q.after
            ? ok({ items: [running(3)], next: null })
            : ok({ items: [running(1), running(2)], next: `2026-11-22T10:00:00.000Z|${running(2).id}` }),
        );
      }
      return Promise.reject(new Error(`unexpected ${path}`));
    }) as never);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    sessionStore.clear();
  });

  const renderAt = (url: string) =>
    renderWithApp(
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path="/supervision/wards/:wardCode" element={<WardProceduresPage />} />
        </Routes>
      </MemoryRouter>,
    );

  it('given a ward, then all its procedures are listed a page at a time, with its numbers and stalled link', async () => {
    renderAt(`/supervision/wards/${WARD}`);
    await screen.findByRole('heading', { name: 'Thủ tục của Kim Liên' });
    await screen.findByRole('link', { name: 'Đổi tên chi bộ 1' });
    expect(calls()[0]).toMatchObject({ wardCode: WARD, sort: 'created_desc', limit: 25 });
    const stalled = await screen.findByRole('link', { name: /^Xem 3 thủ tục chậm, lỗi/ });
    expect(stalled.getAttribute('href')).toBe(`/supervision/stalled?wardCode=${WARD}`);

    fireEvent.click(screen.getByRole('button', { name: 'Xem thêm' }));
    await screen.findByRole('link', { name: 'Đổi tên chi bộ 3' });
    expect(calls().at(-1)).toMatchObject({ after: `2026-11-22T10:00:00.000Z|${running(2).id}` });
    expect(screen.queryByRole('button', { name: 'Xem thêm' })).toBeNull();
  });

  it('given "overdue only" in the address, then it asks for running procedures due before now', async () => {
    const before = Date.now();
    renderAt(`/supervision/wards/${WARD}?overdue=1&step=committee_approval`);
    await screen.findByRole('link', { name: 'Đổi tên chi bộ 1' });
    const query = calls()[0]!;
    expect(query).toMatchObject({ wardCode: WARD, status: 'running', step: 'committee_approval' });
    const dueBefore = Date.parse(String(query.dueBefore));
    expect(dueBefore).toBeGreaterThanOrEqual(before);
    expect(dueBefore).toBeLessThanOrEqual(Date.now());
  });

  it('given a filter nothing matches, then the table says so', async () => {
    renderAt(`/supervision/wards/${WARD}?step=review`);
    const empty = await screen.findByText('Không có thủ tục nào khớp bộ lọc.');
    expect(within(empty.closest('table')!).queryAllByRole('link')).toHaveLength(0);
  });

  it('given a code that names no ward, then the page says so', async () => {
    renderAt('/supervision/wards/khong-co');
    await waitFor(() => expect(screen.getByText(/Không có xã, phường mã "khong-co"/)).toBeTruthy());
  });
});
