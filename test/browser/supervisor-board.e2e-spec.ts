/**
 * The supervisor's story in a real browser (Chromium) against the real stack: two procedures of one ward wait
 * past the committee's deadline; the supervisor opens the city board, finds the ward in the table, goes to its
 * stalled procedures, sets a target date for the projection, dry-runs a bulk reminder (nothing sent yet), runs
 * it as a job and watches each procedure's result; the committee members' bells then show the reminder. Each
 * page is photographed at 1366 and 360 px (test-results/web) and checked with axe-core.
 */
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { dateInVietnam } from '@kientoan/domain';
import type { App } from 'supertest/types';
import { type TestStack, createTestStack, eventually } from '../support/test-app';
import { givenMeasuredStepDurations, givenSupervisor, givenWardShapedLike } from '../support/factories';
import { TEST_PASSWORD } from '../support/http-client';
import { ProcedureDriver, signIn } from '../support/procedure-driver';
import { DESKTOP, inspectPage, launchChromium, PHONE, SCREENSHOTS } from '../support/browser';

jest.setTimeout(600_000);

const REASON = 'Đề nghị Ban Thường vụ biểu quyết trước thứ Sáu';

describe('The supervisor board in Chromium', () => {
  let stack: TestStack;
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    // A working day of 1 s: the committee's 3 days pass while the test sets up.
    stack = await createTestStack({ workingDayMs: 1000 });
    await stack.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(stack.app.getHttpServer().address() as AddressInfo).port}`;
    await stack.startWorker();
    browser = await launchChromium();
  });

  afterEach(async () => {
    for (const [i, context] of contexts.entries())
      for (const page of context.pages())
        await page
          .screenshot({ path: `${SCREENSHOTS}/supervisor-last-state-${i}.png`, fullPage: true })
          .catch(() => undefined);
  });

  afterAll(async () => {
    process.stdout.write(`Supervisor board timings (ms): ${JSON.stringify(timings)}\n`);
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await stack?.close();
  });

  const signedIn = async (username: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL('**/inbox');
    return page;
  };

  /** Picks an option of an antd Select, clicked in the open list once its animation has settled. */
  const choose = async (page: Page, label: string, option: string) => {
    await page.getByLabel(label, { exact: true }).click();
    const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option });
    await item.first().waitFor();
    await page.waitForTimeout(400);
    await item.first().click();
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
  };

  it('finds the stalled procedures of one ward from the board, dry-runs and runs a reminder; the bells show it', async () => {
    const http = stack.app.getHttpServer() as App;
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', {
      committeeSize: 3,
      onBoard: true,
    });
    // Each step takes this ward two days: the projection to today lists it with its reason.
    await givenMeasuredStepDurations(stack.prisma, ward.code, { days: 2 });
    const as = await signIn(http, ward);
    const driver = new ProcedureDriver(stack);
    const procedures: string[] = [];
    for (const [i, tdp] of [6, 7].entries()) {
      const id = await driver.start(as, ward.code, [
        { kind: 'rename', unitId: `${ward.code}.tdp${tdp}`, newName: `Chi bộ Tổ dân phố số ${34 + i}` },
      ]);
      await driver.toVoting(as, id);
      procedures.push(id);
    }
    await eventually(
      async () =>
        (await stack.prisma.procedure.count({
          where: { id: { in: procedures }, currentStep: 'committee_approval', stalledSince: { not: null } },
        })) === 2 || undefined,
      60_000,
      'both votes to pass their deadline',
    );

    // The board: all wards; this one in the table with its stalled count.
    const supervisor = await signedIn(await givenSupervisor(stack.prisma));
    const started = Date.now();
    await supervisor.getByRole('link', { name: 'Bảng theo dõi' }).click();
    const wardLink = supervisor.getByRole('link', { name: `Xem thủ tục của ${ward.name}` });
    await wardLink.waitFor();
    timings.boardTable = Date.now() - started;
    await supervisor.locator('.board-chart canvas').waitFor();
    timings.boardChart = Date.now() - started;
    const row = supervisor.locator('.board-table tr', { has: wardLink });
    expect(await row.locator('.board-count-stalled').first().textContent()).toBe('2');

    // The projection for today: this ward cannot finish, waiting for its committee.
    await supervisor.getByLabel('Ngày mục tiêu').fill(dateInVietnam(new Date()));
    const projected = supervisor.locator('.board-projection li', { hasText: ward.name });
    await projected.waitFor();
    expect(await projected.textContent()).toMatch(/2\/2 thủ tục trễ/);
    await inspectPage(supervisor, 'supervisor-board');

    // The ward's page: all its procedures (here both, waiting for the committee), filtered by step and
    // overdue; from there its stalled ones.
    await wardLink.click();
    await supervisor.waitForURL(`**/supervision/wards/${ward.code}`);
    await supervisor.getByRole('heading', { name: `Thủ tục của ${ward.name}` }).waitFor();
    const wardRows = supervisor.locator('.ward-procedures-table tbody tr.ant-table-row');
    const runningRows = wardRows.filter({ hasText: 'Đang xử lý' });
    await eventually(
      async () => ((await runningRows.count()) === 2 ? true : undefined),
      20_000,
      'two running',
    );
    // Not only the stalled ones: the ward's completed procedures (its measured step durations) are listed too.
    expect(await wardRows.filter({ hasText: 'Hoàn thành' }).count()).toBeGreaterThan(0);
    await choose(supervisor, 'Bước', 'Rà soát');
    await supervisor.waitForURL(/step=review/);
    await supervisor.getByText('Không có thủ tục nào khớp bộ lọc.').waitFor();
    await choose(supervisor, 'Bước', 'Ban Thường vụ biểu quyết');
    await supervisor.getByLabel('Chỉ thủ tục quá hạn').check();
    await supervisor.waitForURL(/overdue=1/);
    await eventually(
      async () => ((await wardRows.count()) === 2 && (await runningRows.count()) === 2 ? true : undefined),
      20_000,
      'the two overdue',
    );
    await inspectPage(supervisor, 'supervisor-ward');
    // The header at 360 px: one line, the menu in a drawer (opened by a button, with the same links).
    await supervisor.setViewportSize(PHONE);
    const header = await supervisor.locator('.app-header').boundingBox();
    expect(header?.height).toBeLessThanOrEqual(64);
    await supervisor.getByRole('button', { name: 'Mở menu' }).click();
    const drawer = supervisor.locator('.app-menu-drawer');
    await drawer.getByRole('link', { name: 'Bảng theo dõi' }).waitFor();
    await supervisor.waitForTimeout(400); // the drawer slides in
    await supervisor.screenshot({ path: `${SCREENSHOTS}/layout-menu-drawer-360.png` });
    await supervisor.keyboard.press('Escape');
    await drawer.getByRole('link', { name: 'Bảng theo dõi' }).waitFor({ state: 'hidden' });
    await supervisor.setViewportSize(DESKTOP);

    await supervisor.getByRole('link', { name: /^Xem 2 thủ tục chậm, lỗi/ }).click();
    // The ward's stalled procedures, oldest first, waiting for the committee.
    await supervisor.waitForURL(/\/supervision\/stalled\?wardCode=/);
    const rows = supervisor.locator('.stalled-table tbody tr.ant-table-row');
    await eventually(async () => ((await rows.count()) === 2 ? true : undefined), 20_000, 'two stalled rows');
    expect(await rows.first().textContent()).toContain('Ban Thường vụ');
    await inspectPage(supervisor, 'supervisor-stalled');

    // Dry run: the count and the list; nothing is sent.
    await supervisor.getByLabel('Lý do').fill(REASON);
    await supervisor.getByRole('button', { name: 'Chạy thử' }).click();
    await supervisor.getByText('Chạy thử: 2 thủ tục khớp bộ lọc').waitFor();
    expect(await supervisor.locator('.bulk-dry-run li').count()).toBe(2);
    const supervisorReminders = () =>
      stack.prisma.notification.count({
        where: {
          procedureId: { in: procedures },
          kind: 'reminder',
          dedupeKey: { contains: ':bulk-remind:' },
        },
      });
    expect(await supervisorReminders()).toBe(0);
    await inspectPage(supervisor, 'supervisor-bulk-dry-run');

    // The real run: a job on the server, each procedure's result shown.
    await supervisor.getByRole('button', { name: 'Thực hiện cho 2 thủ tục' }).click();
    await supervisor.waitForURL(/job=/);
    await supervisor.getByText('Đã xử lý 2/2: 2 thành công, 0 không thành công. Đã xong.').waitFor({
      timeout: 30_000,
    });
    expect(await supervisor.locator('.job-panel tbody tr.ant-table-row').count()).toBe(2);
    await inspectPage(supervisor, 'supervisor-bulk-job');
    // Left and come back to: the job is still there with its results.
    await supervisor.reload();
    await supervisor.getByText('Đã xử lý 2/2: 2 thành công').first().waitFor();

    // Each committee member's bell shows the supervisor's reminder (one per procedure).
    const member = await signedIn(ward.users.approvers[0]!);
    await member.getByRole('button', { name: /^Thông báo, \d+ chưa đọc$/ }).click();
    const reminder = member.locator('.notification-list li', { hasText: REASON });
    await reminder.first().waitFor();
    expect(await reminder.count()).toBe(2);
    await inspectPage(member, 'supervisor-reminder-bell');
  });
});
