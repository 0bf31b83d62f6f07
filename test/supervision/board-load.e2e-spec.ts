/**
 * The city board under load: 10,000 synthetic procedures over the 126 wards (running at every step, overdue,
 * stalled, failed, completed this week; each with its step history) inserted into the test database, then the
 * board and the projection read as a supervisor would, five times each. Prints the times; fails beyond 2 s.
 * The synthetic rows are deleted afterwards.
 */
import type { AddressInfo } from 'node:net';
import type { App } from 'supertest/types';
import { DESKTOP, launchChromium } from '../support/browser';
import { dateInVietnam } from '@kientoan/domain';
import { type Client, TEST_PASSWORD, client, login } from '../support/http-client';
import { type TestStack, createTestStack } from '../support/test-app';
import { givenSupervisor } from '../support/factories';

const SYNTHETIC = 'synthetic-board-load';
const PROCEDURES = 10_000;

describe('City board with 10,000 procedures (e2e, load)', () => {
  let stack: TestStack;
  let supervisor: Client;
  let supervisorName: string;

  beforeAll(async () => {
    stack = await createTestStack();
    const http = stack.app.getHttpServer() as App;
    supervisorName = await givenSupervisor(stack.prisma);
    supervisor = client(http, await login(http, supervisorName));
    await stack.prisma.$executeRawUnsafe(`DELETE FROM procedure WHERE title = '${SYNTHETIC}'`);
    // Procedure i: ward i % 126; 70 % running (step i % 5), 5 % failed, 25 % completed (half this week).
    await stack.prisma.$executeRawUnsafe(`
      INSERT INTO procedure (id, ward_code, kind, title, workflow_id, status, current_step, round, waiting_for,
                             due_at, stalled_since, created_at, updated_at, completed_at, failure_code, failure_message)
      SELECT gen_random_uuid(), w.code,
             (ARRAY['establish','rename','renumber','upgrade','merge','dissolve','transfer','appoint'])[1 + i % 8],
             '${SYNTHETIC}', '${SYNTHETIC}-' || i,
             s.status::"ProcedureStatus",
             CASE WHEN s.status = 'running' THEN (ARRAY['review','draft_resolution','committee_approval',
               'issue_decision','announce'])[1 + i % 5]::"ProcedureStepName" END,
             1,
             CASE WHEN s.status = 'running' THEN (ARRAY['reviewer','secretary','committee',NULL,'secretary'])[1 + i % 5] END,
             now() + ((i % 11) - 4) * interval '1 day',
             CASE WHEN s.status = 'running' AND i % 7 = 0 THEN now() - (i % 13) * interval '1 day' END,
             now() - (i % 60) * interval '1 day', now(),
             CASE WHEN s.status = 'completed' THEN now() - (i % 14) * interval '1 day' END,
             CASE WHEN s.status = 'failed' THEN 'SYNTHETIC_FAILURE' END,
             CASE WHEN s.status = 'failed' THEN 'Lỗi tổng hợp để đo tải' END
      FROM generate_series(1, ${PROCEDURES}) AS i
      JOIN ward w ON w.ordinal = 1 + i % 126
      CROSS JOIN LATERAL (SELECT CASE WHEN i % 20 = 0 THEN 'failed'
                                      WHEN i % 4 = 1 THEN 'completed' ELSE 'running' END AS status) s`);
    // Each procedure's steps: the earlier ones completed (0.5 – 4 days each), the current one in progress.
    await stack.prisma.$executeRawUnsafe(`
      INSERT INTO procedure_step (procedure_id, step, round, status, started_at, completed_at)
      SELECT p.id, st.step::"ProcedureStepName", 1,
             CASE WHEN st.n < coalesce(cur.n, 6) THEN 'completed' ELSE 'in_progress' END::"StepStatus",
             p.created_at + (st.n - 1) * interval '2 days',
             CASE WHEN st.n < coalesce(cur.n, 6)
                  THEN p.created_at + (st.n - 1) * interval '2 days' + (0.5 + (hashtext(p.id::text || st.step) & 7) / 2.0) * interval '1 day' END
      FROM procedure p
      CROSS JOIN (VALUES (1, 'review'), (2, 'draft_resolution'), (3, 'committee_approval'),
                         (4, 'issue_decision'), (5, 'announce')) AS st(n, step)
      LEFT JOIN LATERAL (SELECT CASE p.current_step WHEN 'review' THEN 1 WHEN 'draft_resolution' THEN 2
                         WHEN 'committee_approval' THEN 3 WHEN 'issue_decision' THEN 4 WHEN 'announce' THEN 5 END AS n) cur ON true
      WHERE p.title = '${SYNTHETIC}' AND st.n <= coalesce(cur.n, 5)`);
    await stack.prisma.$executeRawUnsafe('ANALYZE procedure; ANALYZE procedure_step');
  });

  afterAll(async () => {
    if (!process.env.KEEP_SYNTHETIC)
      await stack?.prisma.$executeRawUnsafe(`DELETE FROM procedure WHERE title = '${SYNTHETIC}'`);
    await stack?.close();
  });

  const timed = async (url: string) => {
    const times: number[] = [];
    let body: unknown;
    for (let i = 0; i < 5; i += 1) {
      const started = performance.now();
      body = (await supervisor.get(url).expect(200)).body;
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return { body, median: Math.round(times[2]!), max: Math.round(times[4]!) };
  };

  it('loads the board of 126 wards over 10,000 procedures, and the projection, each well within 2 s', async () => {
    const board = await timed('/api/supervision/board');
    // A target three days ahead: most open procedures cannot make it.
    const target = dateInVietnam(new Date(Date.now() + 3 * 86_400_000));
    const projection = await timed(`/api/supervision/board/projection?target=${target}`);
    const byKind = await timed('/api/supervision/board?kind=rename');
    process.stdout.write(
      `Board load with ${PROCEDURES} synthetic procedures (ms, median/max of 5): board ${board.median}/${board.max}, ` +
        `projection ${projection.median}/${projection.max}, board?kind ${byKind.median}/${byKind.max}\n`,
    );
    const b = board.body as { wards: unknown[]; totals: { runningTotal: number; failed: number } };
    expect(b.wards.length).toBeGreaterThanOrEqual(126);
    expect(b.totals.runningTotal).toBeGreaterThanOrEqual(PROCEDURES * 0.65);
    expect(b.totals.failed).toBeGreaterThanOrEqual(PROCEDURES / 20);
    const p = projection.body as {
      openProcedures: number;
      wards: { code: string; reason: { source: string } }[];
    };
    expect(p.openProcedures).toBeGreaterThanOrEqual(PROCEDURES * 0.65);
    expect(p.wards.length).toBeGreaterThan(0);
    // The seeded wards carry the synthetic history (other suites' test wards may be listed too).
    const seeded = p.wards.find((w) => !w.code.startsWith('test-'));
    expect(seeded?.reason.source).toBe('ward');
    expect(board.median).toBeLessThan(2000);
    expect(projection.median).toBeLessThan(2000);
  });

  it('shows the board in Chromium: the 126 wards in the table, then the chart', async () => {
    await stack.app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(stack.app.getHttpServer().address() as AddressInfo).port}`;
    const browser = await launchChromium();
    try {
      const page = await (await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' })).newPage();
      await page.goto(`${base}/`);
      await page.getByLabel('Tên đăng nhập').fill(supervisorName);
      await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL('**/inbox');
      const started = performance.now();
      await page.goto(`${base}/supervision/board`);
      await page.getByRole('link', { name: 'Xem thủ tục của Kim Liên' }).waitFor();
      const table = Math.round(performance.now() - started);
      await page.locator('.board-chart canvas').waitFor();
      const chart = Math.round(performance.now() - started);
      // From the menu (the app and its code already loaded): what a supervisor waits for most days.
      const clicks: number[] = [];
      for (let i = 0; i < 3; i += 1) {
        await page.getByRole('link', { name: 'Việc cần làm' }).first().click();
        await page.waitForURL('**/inbox');
        const clicked = performance.now();
        await page.getByRole('link', { name: 'Bảng theo dõi' }).click();
        await page.locator('.board-table tbody tr.board-row').nth(125).waitFor();
        clicks.push(Math.round(performance.now() - clicked));
      }
      process.stdout.write(
        `Board page in Chromium with ${PROCEDURES} synthetic procedures (ms): full page load: table ${table}, ` +
          `chart ${chart}; from the menu, table: ${clicks.join(', ')}\n`,
      );
      expect(await page.locator('.board-table tbody tr.board-row').count()).toBeGreaterThanOrEqual(126);
      expect(chart).toBeLessThan(15_000);
    } finally {
      await browser.close();
    }
  });
});
