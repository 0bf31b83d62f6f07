/**
 * Issue 11's long imports in a real browser (Chromium) against the real stack: an admin checks a file of
 * accounts by a dry run and imports it as a background job whose id is in the address; the temporary
 * passwords show once in that tab; after a reload the job and its rows are still there, the passwords are no
 * longer shown and a new temporary password can be issued per account; a job opened from the recent list
 * shows its progress and result too. Photographed at 1366 and 360 px and checked with axe-core.
 */
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext } from 'playwright-core';
import { type TestStack, createTestStack } from '../support/test-app';
import { givenAdmin, givenWard } from '../support/factories';
import { TEST_PASSWORD } from '../support/http-client';
import { chromiumPath, inspectPage, launchChromium, signInThroughBrowser } from '../support/browser';

jest.setTimeout(300_000);

describe('Imports as jobs in Chromium', () => {
  let stack: TestStack;
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    stack = await createTestStack();
    await stack.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(stack.app.getHttpServer().address() as AddressInfo).port}`;
    const { path, source } = chromiumPath();
    process.stdout.write(`Browser tests use Chromium from ${source}: ${path}\n`);
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await stack?.close();
  });

  it('an admin imports accounts as a job, sees the passwords once, reloads and issues a new one', async () => {
    const ward = await givenWard(stack.prisma, { committeeSize: 1 });
    const suffix = ward.code.slice(-6);
    const names = Array.from({ length: 30 }, (_, i) => `nhapviec${i}-${suffix}`);
    const csv = `ten_dang_nhap,ho_ten,vai_tro\n${names.map((n, i) => `${n},Người nhập ${i},reviewer@${ward.code}`).join('\n')}\n`;
    const admin = await signInThroughBrowser(
      browser,
      base,
      await givenAdmin(stack.prisma),
      TEST_PASSWORD,
      contexts,
    );
    await admin.goto(`${base}/admin/import`);
    await admin.getByText('Chọn tệp rồi bấm "Kiểm tra thử"', { exact: false }).waitFor();
    await admin.getByLabel('Hoặc dán nội dung CSV vào đây').fill(csv);
    await admin.getByRole('button', { name: 'Dùng nội dung đã dán' }).click();
    await admin.getByRole('button', { name: 'Kiểm tra thử (không lưu)' }).click();
    await admin.waitForURL(/[?&]job=[0-9a-f-]{36}/);
    await admin.getByText('Kiểm tra xong: 30 dòng hợp lệ', { exact: false }).waitFor();
    await admin.getByText('Đã kiểm tra 30/30 dòng', { exact: false }).waitFor();
    await inspectPage(admin, 'admin-import-job-dry-run');
    expect(await stack.prisma.userAccount.count({ where: { username: { in: names } } })).toBe(0);

    const dryRunUrl = admin.url();
    // The real import, by keyboard: a new job, its passwords shown once in this tab.
    await admin.getByRole('button', { name: 'Nhập tất cả' }).focus();
    await admin.keyboard.press('Enter');
    await admin.getByText('Đã nhập 30 dòng.').waitFor();
    await admin.locator('.import-accounts code').first().waitFor();
    expect(await admin.locator('.import-accounts code').count()).toBe(30);
    expect((await admin.locator('.import-accounts code').first().textContent())?.trim()).toMatch(
      /^[A-Za-z0-9_-]{16}$/,
    );
    await inspectPage(admin, 'admin-import-job-passwords');
    expect(await stack.prisma.userAccount.count({ where: { username: { in: names } } })).toBe(30);
    const jobUrl = admin.url();
    expect(jobUrl).not.toBe(dryRunUrl);

    // Reload: the job is still there; the passwords are no longer shown; a new one per account.
    await admin.reload();
    await admin.getByText('Đã nhập 30 dòng.').waitFor();
    await admin.getByText('nay không còn hiển thị', { exact: false }).waitFor();
    expect(await admin.locator('.import-accounts code').count()).toBe(0);
    await admin.getByRole('button', { name: `Cấp mật khẩu tạm thời mới cho ${names[0]}` }).click();
    const shown = admin.getByTestId('temporary-password');
    await shown.waitFor();
    expect((await shown.locator('code').textContent())?.trim()).toMatch(/^[A-Za-z0-9_-]{16}$/);
    await admin.getByRole('button', { name: 'Đã ghi lại' }).click();
    await inspectPage(admin, 'admin-import-job-after-reload');

    // Leave and come back: the recent imports list opens the dry run again with its rows.
    await admin.goto(`${base}/admin/import`);
    await admin.locator('.import-recent .ant-list-item', { hasText: 'kiểm tra thử' }).first().waitFor();
    await admin
      .locator('.import-recent .ant-list-item', { hasText: 'kiểm tra thử' })
      .first()
      .getByRole('button', { name: 'Xem' })
      .click();
    await admin.getByText('Kiểm tra xong: 30 dòng hợp lệ', { exact: false }).waitFor();
    expect(await admin.locator('.import-rows tbody tr.ant-table-row').count()).toBeGreaterThan(0);
  });
});
