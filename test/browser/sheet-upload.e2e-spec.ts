/**
 * The start page's spreadsheet upload in real Chromium against the real API and PostgreSQL: the secretary
 * reaches the upload by keyboard, chooses an .xlsx with one bad row, sees the rows in the table with the
 * problem on its row (and listed by row and column), removes it and gets the live preview; a .csv from
 * Excel adds its rows; the template downloads with the Vietnamese headings. Screenshots at 1366 and 360 px,
 * axe-core with no serious violation.
 */
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import type { Browser, FileChooser } from 'playwright-core';
import { type TestStack, createTestStack } from '../support/test-app';
import { givenWardShapedLike } from '../support/factories';
import { TEST_PASSWORD } from '../support/http-client';
import { DESKTOP, inspectPage, launchChromium, tabUntil } from '../support/browser';

jest.setTimeout(300_000);

describe('Uploading a spreadsheet on the start page (browser)', () => {
  let stack: TestStack;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    stack = await createTestStack();
    await stack.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(stack.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('fills the rows table from an uploaded .xlsx and .csv, with each bad row named on its row', async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua');
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN', acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.getByLabel('Tên đăng nhập').fill(ward.users.secretary);
    await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL('**/inbox');
    await page.getByRole('link', { name: 'Khởi tạo thủ tục' }).click();
    // Beside the paste box (no tab of its own: three tabs would not fit a phone's width).
    await page.getByText('Hoặc tải lên tệp bảng tính').waitFor();

    // The template downloads with the headings the import reads.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải mẫu .csv' }).click();
    const template = await download;
    expect(template.suggestedFilename()).toBe('mau-nhap-danh-sach-kien-toan.csv');
    const chunks: Buffer[] = [];
    for await (const chunk of (await template.createReadStream()) as AsyncIterable<Buffer>)
      chunks.push(chunk);
    expect(Buffer.concat(chunks).toString('utf8')).toContain('Loại thay đổi;Tổ chức đảng;Tên mới');

    // By keyboard alone: Tab to the upload area, Enter opens the file chooser.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh sách');
    sheet.addRow(['Tổ chức đảng', 'Tên mới']);
    sheet.addRow(['chi bo to dan pho so 1', 'Chi bộ Tổ dân phố số 101']);
    sheet.addRow(['Chi bộ không có', 'Chi bộ Tổ dân phố số 999']);
    sheet.addRow(['Chi bộ Tổ dân phố số 3', 'Chi bộ Tổ dân phố số 103']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    // The upload waits for the ward's tree (names are matched against it), like the paste button.
    await page.locator('.sheet-upload .ant-upload-drag:not(.ant-upload-disabled)').waitFor();
    // Enter on the focused area opens the chooser. A re-render (the tree or the ward arriving) can take the
    // focus away between Tab and Enter, so the keyboard path is tried again (never a click).
    const chooseByKeyboard = async (): Promise<FileChooser> => {
      for (let attempt = 1; ; attempt += 1) {
        await tabUntil(page, '.sheet-upload .ant-upload[role="button"]');
        const chooser = page.waitForEvent('filechooser', { timeout: 5_000 });
        await page.keyboard.press('Enter');
        try {
          return await chooser;
        } catch (error) {
          if (attempt === 3) throw error;
        }
      }
    };
    await (
      await chooseByKeyboard()
    ).setFiles({
      name: 'danh-sach.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: xlsx,
    });

    const problems = page.locator('.sheet-problems li');
    await problems.first().waitFor();
    expect(await problems.allTextContents()).toEqual([
      'Dòng 3, cột "Tổ chức đảng": Không có tổ chức "Chi bộ không có" trong danh sách của phường, xã này.',
    ]);
    const rows = page.locator('.rows-table tbody tr.ant-table-row');
    expect(await rows.count()).toBe(3);
    const invalid = page.locator('.rows-table tr.row-invalid');
    expect(await invalid.count()).toBe(1);
    expect(await invalid.locator('td').first().textContent()).toBe('2');
    expect(await invalid.textContent()).toContain('Không có tổ chức "Chi bộ không có"');
    expect(await page.getByLabel('Tên mới của dòng 1').inputValue()).toBe('Chi bộ Tổ dân phố số 101');
    await inspectPage(page, 'start-procedure-upload-problems');

    // The bad row removed: the preview runs on the rest.
    await page.getByRole('button', { name: 'Bỏ dòng 2' }).click();
    await page.getByText('Sổ đăng ký trước và sau').waitFor();
    expect(await invalid.count()).toBe(0);

    // A CSV from Excel (BOM, ";", CRLF) adds its rows to the table.
    const csv = '\uFEFFTổ chức đảng;Tên mới\r\nChi bộ Tổ dân phố số 4;"Chi bộ Tổ dân phố số 104"\r\n';
    await page.locator('.sheet-upload input[type="file"]').setInputFiles({
      name: 'them.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.getByText('Đã thêm 1 dòng từ tệp them.csv.').waitFor();
    expect(await rows.count()).toBe(3);
    expect(await page.getByLabel('Tên mới của dòng 3').inputValue()).toBe('Chi bộ Tổ dân phố số 104');
    await page.getByText('Sổ đăng ký trước và sau').waitFor();
    await inspectPage(page, 'start-procedure-upload');
    await context.close();
  });
});
