/**
 * The admin page of a ward's congresses (Quản trị → Đại hội, nhiệm kỳ) in a real browser (Chromium) against the
 * real stack: the assumed first congress is shown with the term it opens; a second congress closing before the first is
 * refused next to its date (nothing sent); a day that would move the ward's already numbered documents to another
 * term is refused by the API (409) and the page says why, as is a name giving those documents' term other years;
 * the terms holding numbered documents are listed with the term their documents cite.
 * Photographed at 1366 and 360 px (test-results/web), checked with axe-core.
 */
import type { AddressInfo } from 'node:net';
import type { App } from 'supertest/types';
import type { Browser, BrowserContext } from 'playwright-core';
import { type TestStack, createTestStack } from '../support/test-app';
import { givenAdmin, givenWardShapedLike } from '../support/factories';
import { TEST_PASSWORD, client, login } from '../support/http-client';
import { ProcedureDriver, signIn } from '../support/procedure-driver';
import { DESKTOP, inspectPage, launchChromium, SCREENSHOTS } from '../support/browser';

jest.setTimeout(600_000);

describe('Congresses of a ward in Chromium (admin)', () => {
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
        .screenshot({ path: `${SCREENSHOTS}/congresses-last-state.png`, fullPage: true })
        .catch(() => undefined);
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await stack?.close();
  });

  it('given a ward with an issued procedure, when the admin adds a second congress, then a date out of order is named next to the field, a date crossing numbered documents is refused with the reason, and the list is saved', async () => {
    const http = stack.app.getHttpServer() as App;
    const adminName = await givenAdmin(stack.prisma);
    const admin = client(http, await login(http, adminName));
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 3 });
    await admin
      .put(`/api/admin/wards/${ward.code}/congresses`)
      .send({
        congresses: [{ ordinal: 1, name: 'Đại hội Đảng bộ phường lần thứ Nhất', closedOn: '2025-08-31' }],
      })
      .expect(200);
    const as = await signIn(http, ward);
    const driver = new ProcedureDriver(stack);
    const id = await driver.start(as, ward.code, [
      { kind: 'rename', unitId: `${ward.code}.tdp6`, newName: 'Chi bộ Tổ dân phố số 34' },
    ]);
    await driver.toCompletion(as, id, ward.voters);

    context = await browser.newContext({
      viewport: DESKTOP,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.getByLabel('Tên đăng nhập').fill(adminName);
    await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('link', { name: 'Quản trị' }).click();
    await page.getByRole('link', { name: 'Đại hội, nhiệm kỳ' }).click();
    await page.waitForURL('**/admin/congresses');
    await page.getByText('Chọn xã, phường để xem các kỳ đại hội.').waitFor();
    await page.goto(`${base}/admin/congresses?ward=${ward.code}`);

    const first = page.getByRole('group', { name: 'Đại hội lần thứ Nhất' });
    await first.getByLabel('Ngày bế mạc').waitFor();
    await expect(first.getByLabel('Ngày bế mạc').inputValue()).resolves.toBe('31/08/2025');
    // Dates as the app writes them (Intl, vi-VN medium).
    await page.getByText('Nhiệm kỳ mới bắt đầu từ 1 thg 9, 2025.').waitFor();
    // The term with today's two documents (NQ and QĐ) is listed.
    const numbered = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect(numbered.count()).resolves.toBe(1);
    await expect(numbered.first().textContent()).resolves.toContain('Từ 1 thg 9, 2025');
    // The term the documents cite: the congress's name gives none, so five years from its closing year.
    await expect(numbered.first().textContent()).resolves.toContain('2025 - 2030');
    await first
      .getByText('Văn bản của nhiệm kỳ này ghi căn cứ Quy chế làm việc nhiệm kỳ 2025 - 2030.')
      .waitFor();
    await inspectPage(page, 'congresses');

    // A second congress closing before the first: named next to its date, nothing sent.
    await page.getByRole('button', { name: 'Thêm kỳ đại hội' }).click();
    const second = page.getByRole('group', { name: 'Đại hội lần thứ Hai' });
    await expect(second.getByLabel('Tên đại hội').inputValue()).resolves.toBe(
      `Đại hội Đảng bộ phường ${ward.name} lần thứ Hai`,
    );
    const date = second.getByLabel('Ngày bế mạc');
    await date.click();
    await date.fill('15/08/2025');
    await date.press('Enter');
    await page.getByRole('button', { name: 'Lưu các kỳ đại hội' }).click();
    await second.getByText('Phải sau ngày bế mạc của đại hội trước (31/08/2025).').waitFor();

    // A second congress closing yesterday would move today's documents into its term: 409, explained.
    const yesterday = new Date(Date.now() - 86_400_000).toLocaleDateString('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    await date.click();
    await date.fill(yesterday);
    await date.press('Enter');
    await page.getByRole('button', { name: 'Lưu các kỳ đại hội' }).click();
    await page.getByText('Không lưu được: ngày mới vượt qua văn bản đã được đánh số').waitFor();
    await page.getByText(/Không đổi được ngày đại hội: văn bản Số 01-NQ\/ĐU/).waitFor();
    await inspectPage(page, 'congresses-conflict');

    // Removed again (the last congress can be removed): the list is saved as it stands.
    // A name giving the first term other years than its documents cite: 409, explained.
    await page.getByRole('button', { name: 'Xóa đại hội lần thứ Hai' }).click();
    const firstName = first.getByLabel('Tên đại hội');
    await firstName.fill('Đại hội Đảng bộ phường lần thứ Nhất, nhiệm kỳ 2026 - 2031');
    await first
      .getByText('Văn bản của nhiệm kỳ này ghi căn cứ Quy chế làm việc nhiệm kỳ 2026 - 2031.')
      .waitFor();
    await page.getByRole('button', { name: 'Lưu các kỳ đại hội' }).click();
    await page
      .getByText('Không lưu được: tên đại hội đổi nhiệm kỳ mà văn bản đã ban hành ghi căn cứ')
      .waitFor();
    await page.getByText(/ghi căn cứ nhiệm kỳ 2025 - 2030/).waitFor();
    await firstName.fill('Đại hội Đảng bộ phường lần thứ Nhất');
    await page.getByRole('button', { name: 'Lưu các kỳ đại hội' }).click();
    await page.getByText('Đã lưu các kỳ đại hội').waitFor();
    const stored = await admin.get(`/api/admin/wards/${ward.code}/congresses`).expect(200);
    expect(stored.body.congresses).toEqual([
      { ordinal: 1, name: 'Đại hội Đảng bộ phường lần thứ Nhất', closedOn: '2025-08-31' },
    ]);
  });
});
