/**
 * The start page's before/after tree by keyboard alone, in real Chromium against the real API and
 * PostgreSQL: the secretary's two pasted renames show in the "after" tree; Tab reaches the tree, the arrow
 * keys move between units (a visible focus ring on the active unit, announced through aria-activedescendant),
 * collapse and expand a branch; Space on the "only changed branches" switch shows the whole tree. Screenshots
 * at 1366 and 360 px, axe-core with no serious violation.
 */
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type TestStack, createTestStack } from '../support/test-app';
import { givenWardShapedLike } from '../support/factories';
import { TEST_PASSWORD } from '../support/http-client';
import { inspectPage, launchChromium, signInThroughBrowser, tabUntil } from '../support/browser';

jest.setTimeout(300_000);

describe('The before/after tree by keyboard (browser)', () => {
  let stack: TestStack;
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    stack = await createTestStack();
    await stack.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(stack.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await stack?.close();
  });

  /** The unit the tree's keyboard cursor is on, and how its focus is drawn. */
  const activeUnit = (page: Page) =>
    page.evaluate(() => {
      const { document, getComputedStyle } = globalThis as unknown as {
        document: {
          activeElement: { getAttribute(name: string): string | null } | null;
          getElementById(
            id: string,
          ): { textContent: string | null; getAttribute(n: string): string | null } | null;
          querySelector(s: string): object | null;
        };
        getComputedStyle(element: object): { outlineStyle: string; outlineWidth: string };
      };
      const id = document.activeElement?.getAttribute('aria-activedescendant');
      const item = id ? document.getElementById(id) : null;
      const wrapper = document.querySelector(
        '.tree-diff-after .ant-tree-treenode-active .ant-tree-node-content-wrapper',
      );
      const outline = wrapper ? getComputedStyle(wrapper) : null;
      return {
        name: item?.textContent ?? null,
        expanded: item?.getAttribute('aria-expanded') ?? null,
        outline: outline ? `${outline.outlineStyle} ${outline.outlineWidth}` : 'none',
      };
    });

  it('moves through the after tree, collapses and expands a branch, and shows the whole tree, without a mouse', async () => {
    const ward = await givenWardShapedLike(stack.prisma, 'phuong-o-cho-dua');
    const page = await signInThroughBrowser(browser, base, ward.users.secretary, TEST_PASSWORD, contexts);
    await page.getByRole('link', { name: 'Khởi tạo thủ tục' }).click();
    await page
      .getByLabel('Các dòng dán từ bảng tính')
      .fill(
        [
          'Tổ chức đảng\tTên mới',
          'Chi bộ Tổ dân phố số 2\tChi bộ Tổ dân phố số 202',
          'Chi bộ Tổ dân phố số 4\tChi bộ Tổ dân phố số 204',
        ].join('\n'),
      );
    await page.getByRole('button', { name: 'Thêm các dòng đã dán' }).click();
    const after = page.locator('.tree-diff-after');
    await after.getByText('Chi bộ Tổ dân phố số 204').waitFor();

    // From the top of the page, by keyboard only.
    await page.locator('body').focus();
    await tabUntil(page, '.tree-diff-after [role="tree"]');
    // Focus by keyboard puts the cursor on the first unit: the ward's party committee, drawn with a ring.
    const first = await activeUnit(page);
    expect(first.name).toMatch(/^Đảng bộ/);
    expect(first.expanded).toBe('true');
    expect(first.outline).toMatch(/^solid [1-9]/);
    const visibleUnits = () => after.locator('[role="treeitem"]').count();
    const expandedCount = await visibleUnits();
    // The party committee and the branches that change (only changed branches are shown at first).
    expect(expandedCount).toBeGreaterThanOrEqual(3);

    await page.keyboard.press('ArrowDown');
    expect((await activeUnit(page)).name).toContain('Chi bộ Tổ dân phố số 202');
    await page.keyboard.press('ArrowDown');
    expect((await activeUnit(page)).name).toContain('Chi bộ Tổ dân phố số 204');
    expect((await activeUnit(page)).name).toContain('(trước: Chi bộ Tổ dân phố số 4)');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect((await activeUnit(page)).name).toMatch(/^Đảng bộ/);

    // Left collapses the branch, right opens it again.
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(
      () =>
        (
          globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }
        ).document.querySelectorAll('.tree-diff-after [role="treeitem"]').length === 1,
    );
    expect((await activeUnit(page)).expanded).toBe('false');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      (n) =>
        (
          globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }
        ).document.querySelectorAll('.tree-diff-after [role="treeitem"]').length === n,
      expandedCount,
    );
    expect((await activeUnit(page)).expanded).toBe('true');
    await inspectPage(page, 'tree-diff-keyboard');

    // Back to the switch above the trees (Shift+Tab), then the whole tree, every unit of the ward.
    for (
      let i = 0;
      i < 10 &&
      !(await page.evaluate(
        () =>
          (
            globalThis as unknown as {
              document: { activeElement: { getAttribute(n: string): string | null } | null };
            }
          ).document.activeElement?.getAttribute('role') === 'switch',
      ));
      i += 1
    )
      await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Space');
    await page.waitForFunction(
      (n) =>
        (
          globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }
        ).document.querySelectorAll('.tree-diff-after [role="treeitem"]').length > n,
      expandedCount,
    );
    await tabUntil(page, '.tree-diff-after [role="tree"]');
    expect((await activeUnit(page)).name).toMatch(/^Đảng bộ/);
    await inspectPage(page, 'tree-diff-keyboard-whole-tree');
  });
});
