/**
 * The registry browser in a real browser (Chromium) against the real stack: a procedure renames residential
 * group 6's cell (driven over the API in the set-up); the secretary then finds the cell in the ward's tree by
 * typing without diacritics, sees the old name on the tree as of 1 July 2025, opens the unit page with the
 * former name and the link to the decision that renamed it, downloads the tree as CSV, and finds the decision
 * in the ward's decision register. Every page is photographed at 1366 and 360 px and checked with axe-core.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { parse } from 'csv-parse/sync';
import type { Browser, BrowserContext } from 'playwright-core';
import { type TestStack, createTestStack } from '../support/test-app';
import { givenWardShapedLike } from '../support/factories';
import { TEST_PASSWORD } from '../support/http-client';
import { ProcedureDriver, signIn } from '../support/procedure-driver';
import {
  SCREENSHOTS,
  chromiumPath,
  inspectPage,
  launchChromium,
  signInThroughBrowser,
} from '../support/browser';

jest.setTimeout(600_000);

const OLD_NAME = 'Chi bộ Tổ dân phố số 6';
const NEW_NAME = 'Chi bộ Tổ dân phố số 34';

describe('The registry browser in Chromium', () => {
  let stack: TestStack;
  let browser: Browser;
  let base: string;
  let ward: Awaited<ReturnType<typeof givenWardShapedLike>>;
  let procedureId: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    stack = await createTestStack();
    await stack.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(stack.app.getHttpServer().address() as AddressInfo).port}`;
    await stack.startWorker();
    browser = await launchChromium();
    process.stdout.write(`Registry browser spec uses Chromium from ${chromiumPath().source}\n`);

    // The rename, over the API as the ward's people would do it.
    ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua', { committeeSize: 1 });
    const driver = new ProcedureDriver(stack);
    const as = await signIn(stack.app.getHttpServer(), ward);
    procedureId = await driver.start(
      as,
      ward.code,
      [{ kind: 'rename', unitId: `${ward.code}.tdp6`, newName: NEW_NAME }],
      { title: 'Đổi tên chi bộ tổ dân phố số 6' },
    );
    await driver.toCompletion(as, procedureId, ward.voters);
  });

  afterEach(async () => {
    for (const [i, context] of contexts.entries())
      for (const page of context.pages())
        await page
          .screenshot({ path: `${SCREENSHOTS}/registry-last-state-${i}.png`, fullPage: true })
          .catch(() => undefined);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await stack?.close();
  });

  const signedIn = (username: string) =>
    signInThroughBrowser(browser, base, username, TEST_PASSWORD, contexts);
  const inspect = inspectPage;

  it('shows the renamed unit with its former name and the decision, and lists the decision in the register', async () => {
    const page = await signedIn(ward.users.secretary);

    // The tree today: found by typing without diacritics.
    await page.getByRole('link', { name: 'Tổ chức đảng' }).click();
    await page.waitForURL('**/registry');
    await page.getByRole('link', { name: NEW_NAME }).waitFor();
    await page.getByLabel('Tìm tổ chức (gõ có dấu hoặc không dấu)').fill('to dan pho so 34');
    await page.getByText('1 tổ chức khớp với từ tìm').waitFor();
    expect(await page.getByRole('link', { name: OLD_NAME, exact: true }).count()).toBe(0);
    await inspect(page, 'registry-tree');

    // The CSV download holds today's tree.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^cay-to-chuc-${ward.code}-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
    );
    const rows = parse(fs.readFileSync(await download.path(), 'utf8'), {
      delimiter: ';',
      bom: true,
    });
    expect(rows.find((r) => r[2] === `${ward.code}.tdp6`)?.[3]).toBe(NEW_NAME);

    // The same tree as of 1 July 2025: the old name.
    await page.goto(`${base}/registry?ward=${ward.code}&asOf=2025-07-01`);
    await page.getByRole('link', { name: OLD_NAME, exact: true }).waitFor();
    expect(await page.getByRole('link', { name: NEW_NAME, exact: true }).count()).toBe(0);
    // …with the rename listed as issued and waiting for its date (on that date).
    await page.getByRole('link', { name: `→ ${NEW_NAME}` }).waitFor();

    // The unit page: the former name, with the decision that replaced it, linked to its document.
    await page.goto(`${base}/registry?ward=${ward.code}`);
    await page.getByRole('link', { name: NEW_NAME }).click();
    await page.waitForURL(`**/registry/units/${ward.code}.tdp6`);
    await page.getByRole('heading', { name: NEW_NAME }).waitFor();
    const former = page.getByRole('list', { name: 'Tên trước đây' });
    await former.getByText(OLD_NAME).waitFor();
    const decisionLink = former.getByRole('link', { name: 'Số 01-QĐ/ĐU' });
    expect(await decisionLink.getAttribute('href')).toBe(`/procedures/${procedureId}/documents/decision`);
    await page
      .getByRole('list', { name: 'Danh sách các bước' })
      .getByText(/Đổi tên từ/)
      .waitFor();
    await page.locator('.lineage-graph canvas').first().waitFor();
    await inspect(page, 'registry-unit');

    // The unit as of 1 July 2025 (its own date picker): the old name, the date in the address.
    await page.getByLabel('Xem vào ngày').fill('01/07/2025');
    await page.keyboard.press('Enter');
    await page.waitForURL(/asOf=2025-07-01/);
    const asOf = page.locator('.unit-as-of');
    await asOf.getByRole('heading', { name: /^Tổ chức vào ngày / }).waitFor();
    await asOf.getByText(OLD_NAME, { exact: true }).waitFor();
    expect(await page.getByRole('heading', { name: NEW_NAME, level: 2 }).count()).toBe(1);
    await inspect(page, 'registry-unit-as-of');
    // Before the unit existed: said so.
    await page.goto(`${base}/registry/units/${ward.code}.tdp6?asOf=1990-01-01`);
    await page
      .locator('.unit-as-of')
      .getByText(/chưa được thành lập/)
      .waitFor();

    await decisionLink.click();
    await page.waitForURL(`**/procedures/${procedureId}/documents/decision`);
    await page.getByRole('heading', { name: 'Quyết định' }).waitFor();

    // The decision register lists the decision and its resolution, and says numbers are gapless.
    await page.getByRole('link', { name: 'Sổ đăng ký văn bản' }).click();
    await page.waitForURL('**/register');
    const registerDecision = page.getByRole('link', { name: 'Số 01-QĐ/ĐU' });
    await registerDecision.waitFor();
    await page.getByRole('link', { name: 'Số 01-NQ/ĐU' }).waitFor();
    await page.getByText(/không thể có số bị bỏ trống/).waitFor();
    await page
      .getByText(/số cuối 01, không thiếu số/)
      .first()
      .waitFor();
    expect(await registerDecision.getAttribute('href')).toBe(`/procedures/${procedureId}/documents/decision`);
    await inspect(page, 'registry-register');
  });
});
