/**
 * The story in a real browser (Chromium) against the real stack — the API serving the built web app,
 * a worker, the Temporal dev server, PostgreSQL: a secretary pastes five rename rows (one a duplicate name),
 * sees the violation on that row, fixes it and submits; the reviewer accepts; the secretary edits one
 * article of the draft and submits; three of five committee members approve (one by keyboard alone) and
 * the fourth sees the vote closed (timed: vote → the other approver's page, over the live event stream); the
 * issued decision shows the edited article and its number; the secretary's bell shows the announcement. Every
 * page is photographed at 1366 and 360 px (test-results/web) and checked with axe-core; the first load is
 * timed and its JavaScript weighed (gzip), and the figures printed.
 */
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { type TestStack, createTestStack, eventually } from '../support/test-app';
import { givenWardShapedLike } from '../support/factories';
import { TEST_PASSWORD } from '../support/http-client';
import {
  chromiumPath,
  DESKTOP,
  inspectPage,
  launchChromium,
  PHONE,
  SCREENSHOTS,
  tabUntil,
} from '../support/browser';

jest.setTimeout(900_000);

describe('The web app in Chromium (browser story)', () => {
  let stack: TestStack;
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    stack = await createTestStack();
    await stack.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(stack.app.getHttpServer().address() as AddressInfo).port}`;
    await stack.startWorker();
    const { path, source } = chromiumPath();
    process.stdout.write(`Browser tests use Chromium from ${source}: ${path}\n`);
    browser = await launchChromium();
  });

  // When a step fails, every open page is photographed for the failure report.
  afterEach(async () => {
    for (const [i, context] of contexts.entries())
      for (const page of context.pages())
        await page
          .screenshot({ path: `${SCREENSHOTS}/last-state-${i}.png`, fullPage: true })
          .catch(() => undefined);
  });

  afterAll(async () => {
    process.stdout.write(`Browser story figures (ms, bytes): ${JSON.stringify(timings)}\n`);
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await stack?.close();
  });

  /** A person in their own browser profile, signed in through the sign-in page. */
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

  /** Photographs the page at both widths and expects no serious accessibility violation. */
  /** The workflow moves in the background: reload until the element shows (as a person would). */
  const reloadUntilVisible = async (page: Page, locator: Locator, timeoutMs = 90_000) => {
    await eventually(
      async () => {
        if (await locator.isVisible()) return true;
        await page.reload();
        await page.waitForLoadState('networkidle').catch(() => undefined);
        return (await locator.isVisible()) || undefined;
      },
      timeoutMs,
      `${locator.toString()} on ${page.url()}`,
    );
  };

  it('runs the whole procedure from the browser', async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 5 });

    // First load: the sign-in page of a fresh profile, timed until it can be used; its JavaScript weighed
    // as a server would send it gzip-compressed.
    const probe = await (await browser.newContext()).newPage();
    const scripts: Promise<number>[] = [];
    probe.on('response', (response) => {
      if (response.request().resourceType() === 'script')
        scripts.push(response.body().then((body) => gzipSync(body, { level: 9 }).length));
    });
    const loadStarted = Date.now();
    await probe.goto(`${base}/`);
    await probe.getByLabel('Tên đăng nhập').waitFor();
    timings.firstLoad = Date.now() - loadStarted;
    timings.firstLoadJsGzipBytes = (await Promise.all(scripts)).reduce((sum, n) => sum + n, 0);
    // A generous bound (the machine running the tests may be busy): catches a page that hangs.
    expect(timings.firstLoad).toBeLessThan(15_000);
    await inspectPage(probe, 'sign-in');
    await probe.context().close();

    // The secretary pastes five rename rows; row 3 takes the name of a live sibling.
    const secretary = await signedIn(ward.users.secretary);
    await inspectPage(secretary, 'inbox-secretary');
    await secretary.getByRole('link', { name: 'Khởi tạo thủ tục' }).click();
    await secretary.getByLabel('Trích yếu').fill('Đổi tên 5 chi bộ tổ dân phố');
    // A ceremony date, typed as people write dates (the rules stand next to the field).
    await secretary.getByText('Lễ công bố luôn sau khi ban hành', { exact: false }).waitFor();
    const ceremonyDay = new Date(Date.now() + 30 * 24 * 3600_000);
    const ceremonyIso = ceremonyDay.toISOString().slice(0, 10);
    await secretary.getByLabel('Ngày tổ chức lễ').fill(ceremonyIso.split('-').reverse().join('/'));
    await secretary.getByLabel('Ngày tổ chức lễ').press('Enter');
    const rows = [
      'Tổ chức đảng\tTên mới',
      'Chi bo To dan pho so 1\tChi bộ Tổ dân phố số 101',
      'Chi bộ Tổ dân phố số 2\tChi bộ Tổ dân phố số 102',
      'Chi bộ Tổ dân phố số 3\tChi bộ Tổ dân phố số 12',
      'Chi bộ Tổ dân phố số 4\tChi bộ Tổ dân phố số 104',
      'Chi bộ Tổ dân phố số 5\tChi bộ Tổ dân phố số 105',
    ].join('\n');
    await secretary.getByLabel('Các dòng dán từ bảng tính').fill(rows);
    await secretary.getByRole('button', { name: 'Thêm các dòng đã dán' }).click();
    const invalid = secretary.locator('.rows-table tr.row-invalid');
    await invalid.first().waitFor();
    expect(await invalid.count()).toBe(1);
    expect(await invalid.locator('td').first().textContent()).toBe('3');
    expect(await invalid.textContent()).toContain('Chi bộ Tổ dân phố số 12');
    // The same problem is named above the table, where a phone shows it without scrolling sideways.
    expect(await secretary.locator('.row-problems li').allTextContents()).toEqual([
      expect.stringMatching(/^Dòng 3: /),
    ]);
    await inspectPage(secretary, 'start-procedure-violation');
    // On a phone the rows are cards: the invalid row's problem is on its card, within the screen's width.
    await secretary.setViewportSize(PHONE);
    const card = secretary.locator('.row-card.row-invalid');
    await card.waitFor();
    expect(await card.count()).toBe(1);
    expect(await card.locator('[role="alert"]').textContent()).toMatch(/\S/);
    const box = (await card.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    await secretary.setViewportSize(DESKTOP);

    await secretary.getByLabel('Tên mới của dòng 3').fill('Chi bộ Tổ dân phố số 103');
    await secretary.getByText('Sổ đăng ký trước và sau').waitFor();
    expect(await invalid.count()).toBe(0);
    // The before/after tree marks the renamed units; the after side shows the new name with the old one.
    const afterTree = secretary.locator('.tree-diff-after');
    await afterTree.getByText('Chi bộ Tổ dân phố số 103').waitFor();
    expect(await afterTree.getByText('(trước: Chi bộ Tổ dân phố số 3)').count()).toBe(1);
    expect(await afterTree.locator('.tree-change-tag').count()).toBe(5);
    await inspectPage(secretary, 'start-procedure-preview');
    // The series helper previews a renumbering of the rows' units (not applied: the rows stay as typed).
    await secretary.getByRole('tab', { name: 'Đánh số theo dãy' }).click();
    await secretary.getByLabel('Các tổ chức trong các mục hiện có (5)').check();
    await secretary.getByLabel('Mẫu tên').fill('Chi bộ số {n}');
    await secretary.locator('.series-preview').getByText('Chi bộ số 5').waitFor();
    await inspectPage(secretary, 'start-procedure-series');
    await secretary.getByRole('tab', { name: 'Dán từ bảng tính' }).click();
    await secretary.getByRole('button', { name: 'Gửi đề nghị' }).click();
    await secretary.waitForURL(/\/procedures\/[0-9a-f-]{36}$/);
    const procedureId = secretary.url().split('/').pop()!;
    const started = await stack.prisma.procedure.findUniqueOrThrow({
      where: { id: procedureId },
      select: { ceremonyAt: true },
    });
    expect(started.ceremonyAt?.toISOString()).toBe(new Date(`${ceremonyIso}T08:00:00+07:00`).toISOString());
    await reloadUntilVisible(secretary, secretary.getByText('Chờ văn phòng rà soát').first());
    await inspectPage(secretary, 'procedure-secretary-review');

    // The reviewer accepts.
    const reviewer = await signedIn(ward.users.reviewer);
    await reloadUntilVisible(reviewer, reviewer.getByRole('link', { name: 'Đổi tên 5 chi bộ tổ dân phố' }));
    await inspectPage(reviewer, 'inbox-reviewer');
    await reviewer.getByRole('link', { name: 'Đổi tên 5 chi bộ tổ dân phố' }).click();
    await reviewer.getByText('Rà soát đề nghị').waitFor();
    await inspectPage(reviewer, 'procedure-review-task');
    await reviewer.getByRole('button', { name: 'Chấp nhận đề nghị' }).click();
    await reviewer.getByText('Đã ghi kết quả rà soát').waitFor();

    // The secretary edits article 3 of the decision (its own tab of the set) and submits the draft.
    const decisionTab = secretary.getByRole('tab', { name: 'QĐ 1', exact: true });
    await reloadUntilVisible(secretary, decisionTab);
    await decisionTab.click();
    const decisionEditor = secretary.getByLabel('Nội dung QĐ 1');
    await decisionEditor.waitFor();
    await inspectPage(secretary, 'draft-editor');
    const edited = 'Điều 3. Văn phòng Đảng ủy, Ban Tổ chức Đảng ủy, các chi bộ, đảng bộ trực thuộc';
    const decisionText = await decisionEditor.inputValue();
    expect(decisionText).toContain('Điều 3. Văn phòng Đảng ủy, các chi bộ, đảng bộ trực thuộc');
    await decisionEditor.fill(
      decisionText.replace('Điều 3. Văn phòng Đảng ủy, các chi bộ, đảng bộ trực thuộc', edited),
    );
    await secretary.getByRole('button', { name: 'Trình Ban Thường vụ' }).click();
    await secretary.getByText('Đã trình dự thảo').waitFor();

    // Three of five members approve; the third by keyboard alone.
    const approvers: Page[] = [];
    for (const username of ward.users.approvers.slice(0, 4)) approvers.push(await signedIn(username));
    const voteButton = (page: Page) => page.getByRole('button', { name: 'Gửi biểu quyết' });
    for (const [i, approver] of approvers.slice(0, 2).entries()) {
      await approver.goto(`${base}/procedures/${procedureId}`);
      await reloadUntilVisible(approver, voteButton(approver));
      if (i === 0) await inspectPage(approver, 'vote-task');
      await approver.locator('.vote-form').getByText('Đồng ý', { exact: true }).click();
      await approver.getByLabel('Ý kiến kèm theo').fill('Nhất trí');
      await voteButton(approver).click();
      await approver.getByText('Đã ghi nhận biểu quyết').waitFor();
    }
    const keyboardOnly = approvers[2]!;
    await keyboardOnly.goto(`${base}/procedures/${procedureId}`);
    await reloadUntilVisible(keyboardOnly, voteButton(keyboardOnly));
    await keyboardOnly.locator('body').focus();
    await tabUntil(keyboardOnly, 'input[type="radio"][value="approve"]');
    await keyboardOnly.keyboard.press('Space');
    await tabUntil(keyboardOnly, 'textarea');
    await keyboardOnly.keyboard.type('Đồng ý, biểu quyết bằng bàn phím');
    await tabUntil(keyboardOnly, 'button[type="submit"]');
    // The fourth member has the task open while the deciding vote is cast.
    const fourth = approvers[3]!;
    // Its live stream, seen through DevTools: when the stream opens and when each event arrives.
    const live = { opened: 'no', events: [] as number[], errors: [] as string[] };
    const devtools = await fourth.context().newCDPSession(fourth);
    await devtools.send('Network.enable');
    devtools.on('Network.responseReceived', (e) => {
      if (new URL(e.response.url).pathname === '/api/events') live.opened = String(e.response.status);
    });
    devtools.on('Network.eventSourceMessageReceived', (e) => {
      if (e.eventName === 'procedure_changed') live.events.push(Date.now());
    });
    fourth.on('console', (m) => {
      if (m.type() === 'error') live.errors.push(m.text());
    });
    await fourth.goto(`${base}/procedures/${procedureId}`);
    await fourth.getByText('Biểu quyết', { exact: true }).first().waitFor();
    // When the fourth page re-reads the procedure after the vote.
    const refetches: number[] = [];
    fourth.on('request', (request) => {
      if (new URL(request.url()).pathname === `/api/procedures/${procedureId}`) refetches.push(Date.now());
    });
    let closedRead: number | undefined;
    fourth.on('response', (response) => {
      if (new URL(response.url()).pathname !== `/api/procedures/${procedureId}`) return;
      void response
        .json()
        .then((body: { currentStep?: string | null }) => {
          if (body.currentStep !== 'committee_approval') closedRead ??= Date.now();
        })
        .catch(() => undefined);
    });
    const voted = Date.now();
    // When the workflow's projection leaves the vote (the row the SSE notification comes from): splits the
    // latency into the workflow's part and the live update's part.
    const projected = (async () => {
      while (Date.now() - voted < 120_000) {
        const row = await stack.prisma.procedure.findUnique({
          where: { id: procedureId },
          select: { currentStep: true, status: true },
        });
        if (row && (row.currentStep !== 'committee_approval' || row.status !== 'running')) return Date.now();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return Number.NaN;
    })();
    // The fourth member's page learns the vote is closed without a reload (live events, else polling): watched
    // from before the vote, so the time is when that page changes, not when the voter's own page confirms.
    const fourthClosed = fourth
      .getByText('Biểu quyết đã kết thúc.')
      .waitFor({ timeout: 120_000 })
      .then(() => Date.now());
    await keyboardOnly.keyboard.press('Enter');
    await keyboardOnly.getByText('Đã ghi nhận biểu quyết').waitFor();
    timings.voteToVoterConfirmation = Date.now() - voted;
    const pageUpdated = await fourthClosed;
    timings.voteToOtherApproverPage = pageUpdated - voted;
    timings.voteToProjection = (await projected) - voted;
    timings.projectionToOtherApproverPage = pageUpdated - (await projected);
    const refetch = refetches.find((at) => at >= voted);
    if (refetch) timings.voteToOtherApproverRefetch = refetch - voted;
    if (closedRead) timings.voteToOtherApproverReadsClosed = closedRead - voted;
    const firstEvent = live.events.find((at) => at >= voted);
    if (firstEvent) timings.voteToOtherApproverEvent = firstEvent - voted;
    process.stdout.write(
      `Fourth approver's live stream: ${live.opened}, ${live.events.length} events; console errors: ${JSON.stringify(live.errors)}\n`,
    );
    await inspectPage(fourth, 'vote-closed');

    // The drafts diff shows the edited article; the issued decision carries it and its number.
    const issuedDecision = secretary.getByRole('link', { name: 'Xem / In Số 01-QĐ/ĐU' });
    await reloadUntilVisible(secretary, issuedDecision);
    await secretary.getByRole('tab', { name: 'Dự thảo' }).click();
    await secretary.locator('.diff ins').filter({ hasText: edited }).waitFor();
    await inspectPage(secretary, 'procedure-completed-drafts-diff');
    await issuedDecision.click();
    const document = secretary.frameLocator('iframe.document-frame');
    await document.getByText('Số 01-QĐ/ĐU').first().waitFor();
    const issuedText = (await document.locator('body').textContent())!.replace(/\s+/g, ' ');
    expect(issuedText).toContain(edited);
    await inspectPage(secretary, 'decision-document');

    // The ward's procedures, and the timeline with every human action.
    await secretary.getByRole('link', { name: 'Thủ tục', exact: true }).click();
    await secretary.getByRole('link', { name: 'Đổi tên 5 chi bộ tổ dân phố' }).waitFor();
    await inspectPage(secretary, 'procedures-list');

    // The secretary's bell: the announcement of the decision to each renamed cell.
    const bell = secretary.getByRole('button', { name: /^Thông báo/ });
    await reloadUntilVisible(secretary, bell);
    await bell.click();
    const announcements = secretary
      .locator('.notification-list .ant-list-item')
      .filter({ hasText: 'Quyết định Số 01-QĐ/ĐU: Chi bộ Tổ dân phố số 1' });
    await announcements.first().waitFor();
    expect(await announcements.count()).toBe(5);
    expect(await announcements.first().textContent()).toContain('Lễ công bố và trao quyết định');
    await inspectPage(secretary, 'notifications');
  });
});
