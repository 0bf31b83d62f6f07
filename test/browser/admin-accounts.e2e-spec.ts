/**
 * Issue 11's admin story in a real browser (Chromium) against the real stack: an admin creates a secretary
 * with a temporary password and a ward role; the secretary signs in, is made to change the password before
 * anything else (the rules explained, a weak password refused next to its field), then starts a procedure and
 * delegates the role for a week. The admin pages on the way (accounts, an account, committee, import with a
 * dry run, audit log) and the secretary's pages are photographed at 1366 and 360 px and checked with axe-core.
 */
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type TestStack, createTestStack } from '../support/test-app';
import { givenAdmin, givenWardShapedLike } from '../support/factories';
import { TEST_PASSWORD } from '../support/http-client';
import {
  DESKTOP,
  SCREENSHOTS,
  chromiumPath,
  launchChromium,
  screenshots,
  seriousAccessibilityViolations,
} from '../support/browser';

jest.setTimeout(600_000);

describe('Administration in Chromium (admin story)', () => {
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

  afterEach(async () => {
    for (const [i, context] of contexts.entries())
      for (const page of context.pages())
        await page
          .screenshot({ path: `${SCREENSHOTS}/admin-last-state-${i}.png`, fullPage: true })
          .catch(() => undefined);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await stack?.close();
  });

  const newPage = async (): Promise<Page> => {
    const context = await browser.newContext({
      viewport: DESKTOP,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    contexts.push(context);
    return context.newPage();
  };

  const signIn = async (page: Page, username: string, password: string) => {
    await page.goto(`${base}/`);
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
  };

  const inspect = async (page: Page, name: string) => {
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await screenshots(page, name);
    expect({ page: name, violations: await seriousAccessibilityViolations(page) }).toEqual({
      page: name,
      violations: [],
    });
  };

  /** Picks an option of an antd Select: typed and taken with Enter (searchable), or clicked in the open list. */
  const choose = async (page: Page, label: string, option: string, search?: string) => {
    await page.getByLabel(label, { exact: true }).click();
    const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option });
    if (search) {
      await page.keyboard.type(search);
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option-active', { hasText: option })
        .waitFor();
      await page.keyboard.press('Enter');
    } else {
      await item.first().waitFor();
      // The list opens with a short animation: click once it has settled.
      await page.waitForTimeout(400);
      await item.first().click();
    }
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
  };

  it('an admin creates a secretary who changes the temporary password, starts a procedure and delegates', async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 3 });
    const suffix = ward.code.slice(-8);
    const username = `bithu-moi-${suffix}`;

    // The admin creates the secretary with a ward role; the temporary password is shown once.
    const admin = await newPage();
    await signIn(admin, await givenAdmin(stack.prisma), TEST_PASSWORD);
    await admin.getByRole('link', { name: 'Quản trị' }).click();
    await admin.waitForURL('**/admin/accounts');
    await admin.locator('.accounts-table tbody tr.ant-table-row').first().waitFor();
    await inspect(admin, 'admin-accounts');
    await admin.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('Tên đăng nhập').fill(username);
    await dialog.getByLabel('Họ tên').fill('Nguyễn Thị Bí Thư');
    await choose(admin, 'Xã, phường của vai trò 1', `Mã ${ward.code}`, ward.code);
    await choose(admin, 'Vai trò 1', 'Bí thư');
    await inspect(admin, 'admin-account-create');
    await dialog.getByRole('button', { name: 'Tạo', exact: true }).click();
    const shown = admin.getByTestId('temporary-password');
    await shown.waitFor();
    const temporaryPassword = (await shown.locator('code').textContent())?.trim() ?? '';
    expect(temporaryPassword).toMatch(/^[A-Za-z0-9_-]{16}$/);
    await inspect(admin, 'admin-temporary-password');
    await admin.getByRole('button', { name: 'Đã ghi lại' }).click();

    // The list finds the new account by search; its page shows the ward role and the pending change.
    await admin.getByLabel('Tìm theo tên đăng nhập hoặc họ tên').fill(username);
    await admin.keyboard.press('Enter');
    await admin.getByRole('link', { name: username }).click();
    await admin.getByText('Chờ đổi mật khẩu').first().waitFor();
    expect(await admin.locator('.ant-table').textContent()).toContain(ward.code);
    await inspect(admin, 'admin-account');

    // The ward's standing committee, an import checked by a dry run (a bad row named), the audit log.
    await admin.getByRole('link', { name: 'Ban Thường vụ' }).click();
    await admin.waitForURL('**/admin/committee');
    await admin.goto(`${base}/admin/committee?ward=${ward.code}`);
    await admin.locator('.committee-table tbody tr.ant-table-row', { hasText: 'Ủy viên 1' }).waitFor();
    expect(await admin.locator('.committee-table tbody tr.ant-table-row').count()).toBe(3);
    await inspect(admin, 'admin-committee');
    await admin.getByRole('link', { name: 'Nhập từ tệp' }).click();
    await admin
      .getByLabel('Hoặc dán nội dung CSV vào đây')
      .fill(
        `ten_dang_nhap,ho_ten,vai_tro\nnhap-${suffix},Người nhập,reviewer@${ward.code}\n${username},Trùng tên,\n`,
      );
    await admin.getByRole('button', { name: 'Dùng nội dung đã dán' }).click();
    await admin.getByRole('button', { name: 'Kiểm tra thử (không lưu)' }).click();
    // The dry run is a job on the server: its id goes into the address, the rows fill in with their results.
    await admin.locator('.import-job-progress', { hasText: 'Đã dừng: không dòng nào được lưu.' }).waitFor();
    expect(admin.url()).toMatch(/[?&]job=[0-9a-f-]{36}/);
    const problem = admin.locator('.import-rows tbody tr.ant-table-row', { hasText: 'Lỗi' });
    expect(await problem.count()).toBe(1);
    expect(await problem.locator('td').first().textContent()).toBe('3');
    await inspect(admin, 'admin-import-dry-run');
    expect(await stack.prisma.userAccount.count({ where: { username: `nhap-${suffix}` } })).toBe(0);
    await admin.getByRole('link', { name: 'Nhật ký' }).click();
    await admin
      .locator('.audit-table tbody tr.ant-table-row', { hasText: 'Tạo tài khoản' })
      .first()
      .waitFor();
    await inspect(admin, 'admin-audit');

    // The secretary signs in with the temporary password and must change it before anything else.
    const secretary = await newPage();
    await signIn(secretary, username, temporaryPassword);
    await secretary.waitForURL('**/change-password');
    await secretary.getByText('Ít nhất 12 ký tự').waitFor();
    await inspect(secretary, 'password-change-required');
    await secretary.goto(`${base}/inbox`);
    await secretary.waitForURL('**/sign-in');
    await signIn(secretary, username, temporaryPassword);
    await secretary.waitForURL('**/change-password');
    await secretary.getByLabel('Mật khẩu mới', { exact: true }).fill('ngan-qua');
    await secretary.getByLabel('Nhập lại mật khẩu mới').fill('ngan-qua');
    await secretary.getByRole('button', { name: 'Đổi mật khẩu và đăng nhập' }).click();
    const explain = secretary.locator('.ant-form-item-has-error .ant-form-item-explain-error');
    await explain.first().waitFor();
    expect(await explain.first().textContent()).toBe('Mật khẩu mới chưa đáp ứng các yêu cầu bên dưới.');
    await inspect(secretary, 'password-change-rules');
    const newPassword = 'mat-khau-moi-cua-bi-thu';
    await secretary.getByLabel('Mật khẩu mới', { exact: true }).fill(newPassword);
    await secretary.getByLabel('Nhập lại mật khẩu mới').fill(newPassword);
    await secretary.getByRole('button', { name: 'Đổi mật khẩu và đăng nhập' }).click();
    await secretary.waitForURL('**/inbox');
    expect(
      await stack.prisma.userAccount.findUniqueOrThrow({
        where: { username },
        select: { mustChangePassword: true },
      }),
    ).toEqual({ mustChangePassword: false });

    // Then the secretary starts a procedure.
    await secretary.getByRole('link', { name: 'Khởi tạo thủ tục' }).click();
    await secretary.getByLabel('Trích yếu').fill('Đổi tên chi bộ tổ dân phố số 1');
    await secretary
      .getByLabel('Các dòng dán từ bảng tính')
      .fill('Tổ chức đảng\tTên mới\nChi bộ Tổ dân phố số 1\tChi bộ Tổ dân phố số 101');
    await secretary.getByRole('button', { name: 'Thêm các dòng đã dán' }).click();
    await secretary.getByText('Sổ đăng ký trước và sau').waitFor();
    await secretary.getByRole('button', { name: 'Gửi đề nghị' }).click();
    await secretary.waitForURL(/\/procedures\/[0-9a-f-]{36}$/);
    const procedureId = secretary.url().split('/').pop()!;
    expect(await stack.prisma.procedure.findUniqueOrThrow({ where: { id: procedureId } })).toMatchObject({
      wardCode: ward.code,
      initiatedBy: username,
    });
    await secretary.getByText('Đổi tên chi bộ tổ dân phố số 1').first().waitFor();

    // And delegates the secretary role to the ward's reviewer for a week, then revokes it.
    await secretary.getByRole('link', { name: 'Ủy quyền' }).click();
    await secretary.getByText('dài nhất 90 ngày').waitFor();
    await choose(secretary, 'Vai trò', 'Bí thư');
    await secretary.getByLabel('Tên đăng nhập người được ủy quyền').fill(ward.users.reviewer);
    await secretary.getByRole('button', { name: 'Ủy quyền', exact: true }).click();
    const given = secretary.locator('.delegations-given tbody tr.ant-table-row', {
      hasText: ward.users.reviewer,
    });
    await given.waitFor();
    expect(await given.textContent()).toContain('Đang hiệu lực');
    await inspect(secretary, 'delegations');
    await given.getByRole('button', { name: /Thu hồi/ }).click();
    await secretary.locator('.ant-popconfirm').getByRole('button', { name: 'Thu hồi' }).click();
    await given.getByText('Đã kết thúc sớm').waitFor();
  });
});
