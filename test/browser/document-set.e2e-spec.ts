/**
 * The document set in a real browser (Chromium) against the real stack: before issue the procedure page lists
 * the planned set (the resolution and a decision per new unit plus the collective one, unnumbered, each draft text
 * expandable); once issued it lists every document with its number and the units it goes to, opens one for
 * printing, and downloads its PDF. Photographed at 1366 and 360 px (test-results/web), checked with axe-core.
 */
import type { AddressInfo } from 'node:net';
import type { App } from 'supertest/types';
import type { Browser, BrowserContext } from 'playwright-core';
import type { ResolutionItem } from '@kientoan/domain';
import { type TestStack, createTestStack } from '../support/test-app';
import { givenWardShapedLike } from '../support/factories';
import { TEST_PASSWORD } from '../support/http-client';
import { ProcedureDriver, signIn } from '../support/procedure-driver';
import { DESKTOP, inspectPage, launchChromium, SCREENSHOTS } from '../support/browser';

jest.setTimeout(600_000);

describe('The document set in Chromium', () => {
  let stack: TestStack;
  let browser: Browser;
  let base: string;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    stack = await createTestStack();
    await stack.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(stack.app.getHttpServer().address() as AddressInfo).port}`;
    await stack.startWorker();
    browser = await launchChromium();
  });

  afterEach(async () => {
    for (const page of context?.pages() ?? [])
      await page
        .screenshot({ path: `${SCREENSHOTS}/document-set-last-state.png`, fullPage: true })
        .catch(() => undefined);
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await stack?.close();
  });

  it('given a procedure that establishes two cells and renames one, then its page lists the planned set, and once issued NQ 01, QĐ 01–02 (founding) and QĐ 03 (collective), viewable and downloadable', async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 5 });
    const as = await signIn(stack.app.getHttpServer() as App, ward);
    const driver = new ProcedureDriver(stack);
    const items: ResolutionItem[] = [
      ...['Chi bộ Trạm Y tế phường', 'Chi bộ Trường Tiểu học Ô Chợ Dừa'].map((name): ResolutionItem => ({
        kind: 'establish',
        name,
        unitKind: 'grassroots_cell',
        setting: 'health_station',
        parentId: ward.committeeId,
        fullMembers: 8,
      })),
      { kind: 'rename', unitId: `${ward.code}.tdp6`, newName: 'Chi bộ Tổ dân phố số 34' },
    ];
    const id = await driver.start(as, ward.code, items, { title: 'kiện toàn tổ chức đảng trực thuộc' });
    await driver.toVoting(as, id);

    context = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN', acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.getByLabel('Tên đăng nhập').fill(ward.users.secretary);
    await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL('**/inbox');

    // Before issue: the set the committee votes on, without numbers.
    await page.goto(`${base}/procedures/${id}`);
    await page.getByRole('tab', { name: 'Bộ văn bản' }).click();
    await page.getByText('Bộ văn bản theo dự thảo phiên bản 1 (4 văn bản)').waitFor();
    const planned = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect(planned.count()).resolves.toBe(4);
    await expect(planned.nth(1).textContent()).resolves.toContain('V/v thành lập Chi bộ Trạm Y tế phường');
    await expect(planned.nth(3).textContent()).resolves.toContain('Quyết định (kèm danh sách)');
    await planned
      .nth(1)
      .getByRole('button', { name: /mở rộng|expand/i })
      .click();
    await page.getByText('[[số nghị quyết]]').first().waitFor();
    await inspectPage(page, 'document-set-planned');

    for (const voter of ward.voters.slice(0, 3)) await driver.vote(as, id, voter).expect(200);
    await driver.handle(id).result();

    // Issued: every document numbered, in the set's order, with the units it goes to.
    await page.reload();
    await page.getByRole('tab', { name: 'Bộ văn bản' }).click();
    await page.getByText('Đã ban hành 4 văn bản').waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    const texts = await rows.allTextContents();
    expect(texts.map((t) => /Số \d+-(NQ|QĐ)\/ĐU/.exec(t)?.[0])).toEqual([
      'Số 01-NQ/ĐU',
      'Số 01-QĐ/ĐU',
      'Số 02-QĐ/ĐU',
      'Số 03-QĐ/ĐU',
    ]);
    expect(texts[3]).toContain('Chi bộ Tổ dân phố số 34');
    await inspectPage(page, 'document-set-issued');

    const download = page.waitForEvent('download');
    await rows.nth(2).getByRole('button', { name: 'PDF' }).click();
    expect((await download).suggestedFilename()).toBe('02-QĐ-ĐU.pdf');

    await rows.nth(2).getByRole('link', { name: 'Xem / In' }).click();
    await page.waitForURL(`**/procedures/${id}/documents/2`);
    await page.getByRole('heading', { name: 'Văn bản số thứ tự 2' }).waitFor();
    const frame = page.frameLocator('iframe.document-frame');
    await frame.getByText('Số 02-QĐ/ĐU').first().waitFor();
    await frame.getByText('về việc thành lập Chi bộ Trường Tiểu học Ô Chợ Dừa').waitFor();
    await inspectPage(page, 'document-set-decision');
  });
});
