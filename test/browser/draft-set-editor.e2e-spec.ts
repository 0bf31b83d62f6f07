/**
 * The secretary's draft editor and the issued set in a real browser (Chromium) against the real stack: every
 * document of the set has its own tab; an edit of decision 3 (the collective one) is shown as a diff, a removed
 * blank is refused next to the text, articles out of order are pointed out, and what the committee approves and
 * the register issues is the edited decision 3, word for word, while the other decisions stay as generated. Once issued the page's banner lists
 * the whole set (NQ and each QĐ with its number and unit), and the secretary withdraws QĐ 3 with a reason: the set
 * and the register show it withdrawn, a second withdrawal is explained (409). Photographed at 1366 and 360 px
 * (test-results/web), checked with axe-core.
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

const EDIT_FROM = 'Điều 3. Văn phòng Đảng ủy,';
const EDIT_TO = 'Điều 3. Văn phòng Đảng ủy, Ủy ban Kiểm tra Đảng ủy,';

describe('Editing and withdrawing the documents of a set in Chromium', () => {
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
        .screenshot({ path: `${SCREENSHOTS}/draft-set-editor-last-state.png`, fullPage: true })
        .catch(() => undefined);
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await stack?.close();
  });

  it('given a set of NQ + 3 QĐ in drafting, when the secretary edits QĐ 3 in its tab and submits, then the issued QĐ 3 is the edited text, the banner lists the whole set and QĐ 3 can be withdrawn with a reason', async () => {
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
    await driver.toDrafting(as, id);

    context = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN', acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.getByLabel('Tên đăng nhập').fill(ward.users.secretary);
    await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL('**/inbox');
    await page.goto(`${base}/procedures/${id}`);

    // One tab per document of the set.
    const tabs = page.getByRole('tab');
    await page.getByRole('tab', { name: 'QĐ 3' }).waitFor();
    for (const name of ['NQ', 'QĐ 1', 'QĐ 2', 'QĐ 3'])
      await expect(page.getByRole('tab', { name, exact: true }).count()).resolves.toBe(1);
    expect(await tabs.count()).toBeGreaterThanOrEqual(4);

    // QĐ 3 (the collective decision): remove a blank first — refused next to the text, nothing sent.
    await page.getByRole('tab', { name: 'QĐ 3' }).click();
    const editor = page.getByRole('textbox', { name: 'Nội dung QĐ 3' });
    await editor.waitFor();
    const generated = await editor.inputValue();
    expect(generated).toContain('Chi bộ Tổ dân phố số 34');
    expect(generated).toContain(EDIT_FROM);
    await editor.fill(generated.replace('[[số nghị quyết]]', ''));
    await page.getByRole('button', { name: 'Trình Ban Thường vụ' }).click();
    await page.getByText('Phải giữ nguyên chỗ trống [[số nghị quyết]] (được điền khi ban hành).').waitFor();
    await page.getByText('Chưa trình được: sửa lỗi trong QĐ 3.').waitFor();
    expect((await driver.state(id)).status).toBe('drafting');

    // Articles out of order are pointed out (a warning: it can still be submitted).
    await editor.fill(generated.replace('Điều 3. Văn phòng', 'Điều 4. Văn phòng'));
    await page.getByText('Điều 4 đứng ở vị trí Điều 3: các điều phải đánh số liên tục từ Điều 1.').waitFor();

    // The real edit, seen as a diff against the draft.
    await editor.fill(generated.replace(EDIT_FROM, EDIT_TO));
    await page.getByText('Đã sửa 1 văn bản: QĐ 3.').waitFor();
    await page.getByRole('button', { name: 'Xem thay đổi' }).click();
    await page.locator('.diff ins', { hasText: EDIT_TO }).waitFor();
    await page.locator('.diff del', { hasText: EDIT_FROM }).waitFor();
    await inspectPage(page, 'draft-set-editor');

    await page.getByRole('button', { name: 'Trình Ban Thường vụ' }).click();
    await driver.waitFor(id, 'voting', 1);
    const version = await as.secretary.get(`/api/procedures/${id}/drafts/2`).expect(200);
    const bodies = (version.body as { documents: { position: number; body: string }[] }).documents;
    expect(bodies.map((d) => d.body.includes(EDIT_TO))).toEqual([false, false, true]);
    // The versions' diff names the one decision that changed.
    const diff = await as.secretary.get(`/api/procedures/${id}/drafts/1/diff/2`).expect(200);
    const changed = (
      diff.body as { documents: { position: number; lines: { op: string; text: string }[] }[] }
    ).documents;
    expect(changed.map((d) => d.position)).toEqual([3]);
    expect(changed[0]!.lines.filter((l) => l.op !== 'same').map((l) => l.op)).toEqual(['removed', 'added']);

    for (const voter of ward.voters.slice(0, 3)) await driver.vote(as, id, voter).expect(200);
    await driver.handle(id).result();

    // Issued: QĐ 3 is the edited text word for word (with its number filled in); QĐ 1 is as generated.
    const third = await as.secretary.get(`/api/procedures/${id}/documents/3?format=text`).expect(200);
    expect(third.text).toContain(EDIT_TO);
    expect(third.text).toContain('Số 03-QĐ/ĐU');
    const first = await as.secretary.get(`/api/procedures/${id}/documents/1?format=text`).expect(200);
    expect(first.text).not.toContain('Ủy ban Kiểm tra');

    // The banner names the whole set, each with its number and unit.
    await page.reload();
    const banner = page.getByRole('list', { name: 'Các văn bản đã ban hành' });
    await banner.waitFor();
    await page.getByText('Đã ban hành nghị quyết và 3 quyết định').waitFor();
    const lines = await banner.getByRole('listitem').allTextContents();
    expect(lines.map((t) => /Số \d+-(NQ|QĐ)\/ĐU/.exec(t)?.[0])).toEqual([
      'Số 01-NQ/ĐU',
      'Số 01-QĐ/ĐU',
      'Số 02-QĐ/ĐU',
      'Số 03-QĐ/ĐU',
    ]);
    expect(lines[1]).toContain('trao cho Chi bộ Trạm Y tế phường');
    const download = page.waitForEvent('download');
    await banner.getByRole('button', { name: 'Word Số 03-QĐ/ĐU' }).click();
    expect((await download).suggestedFilename()).toBe('03-QĐ-ĐU.docx');
    await inspectPage(page, 'issued-set-banner');

    // Withdraw QĐ 3: the reason is required (said next to the field), then confirmed.
    await page.getByRole('tab', { name: 'Bộ văn bản' }).click();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await page.getByText('Đã ban hành 4 văn bản').waitFor();
    await rows.nth(3).getByRole('button', { name: 'Thu hồi' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thu hồi văn bản Số 03-QĐ/ĐU?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Thu hồi văn bản' }).click();
    await dialog.getByText('Nhập lý do thu hồi.').waitFor();
    await dialog.getByLabel('Lý do thu hồi').fill('Ghi sai tên chi bộ');
    await inspectPage(page, 'document-withdraw-dialog');
    await dialog.getByRole('button', { name: 'Thu hồi văn bản' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await rows.nth(3).getByText('Đã thu hồi').waitFor();
    await rows.nth(3).getByText('Ghi sai tên chi bộ').waitFor();
    await expect(rows.nth(3).getByRole('button', { name: 'Thu hồi' }).count()).resolves.toBe(0);
    await expect(rows.nth(2).getByRole('button', { name: 'Thu hồi' }).count()).resolves.toBe(1);

    // A second withdrawal of the same document (another tab, another secretary) is a 409, explained.
    await as.secretary
      .post(`/api/procedures/${id}/documents/2/withdraw`)
      .send({ reason: 'Thu hồi từ nơi khác' })
      .expect(200);
    await rows.nth(2).getByRole('button', { name: 'Thu hồi' }).click();
    const second = page.getByRole('dialog', { name: 'Thu hồi văn bản Số 02-QĐ/ĐU?' });
    await second.getByLabel('Lý do thu hồi').fill('Thu hồi lần hai');
    await second.getByRole('button', { name: 'Thu hồi văn bản' }).click();
    await second.getByText('Không thu hồi được văn bản này').waitFor();
    await second.getByText('Văn bản này đã được thu hồi.').waitFor();
    await second.getByRole('button', { name: 'Hủy' }).click();

    // The register keeps both, marked withdrawn.
    const register = await as.secretary.get(`/api/registry/wards/${ward.code}/register`).expect(200);
    const withdrawn = (register.body as { items: { symbol: string; status: string }[] }).items
      .filter((d) => d.status === 'withdrawn')
      .map((d) => d.symbol)
      .sort();
    expect(withdrawn).toEqual(['Số 02-QĐ/ĐU', 'Số 03-QĐ/ĐU']);
    await page.goto(`${base}/register`);
    await page.getByText('Đã thu hồi (giữ số)').first().waitFor();
  });
});
