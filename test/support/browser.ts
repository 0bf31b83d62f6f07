/**
 * Real Chromium for the browser tests, driven by playwright-core. Which Chromium: CHROMIUM_PATH, else the
 * system package (the set-up installs Debian's `chromium` when missing and root), else Playwright's own
 * downloaded browser. Each launch gets a fresh temporary profile (user-data-dir).
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
export const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'test-results', 'web');

export const chromiumPath = (): { path: string; source: string } => {
  if (process.env.CHROMIUM_PATH) return { path: process.env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' };
  const system = SYSTEM_PATHS.find((p) => fs.existsSync(p));
  if (system) return { path: system, source: 'system package' };
  const bundled = chromium.executablePath();
  if (bundled && fs.existsSync(bundled)) return { path: bundled, source: "Playwright's browser" };
  throw new Error('No Chromium: run `npm run setup -- --for-tests` as root, or set CHROMIUM_PATH.');
};

export const launchChromium = async (): Promise<Browser> => {
  const { path: executablePath } = chromiumPath();
  const root = process.getuid?.() === 0;
  return chromium.launch({
    executablePath,
    args: [
      ...(root ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
};

export const DESKTOP = { width: 1366, height: 900 };
export const PHONE = { width: 360, height: 780 };

/** Full-page screenshots at 1366 and 360 px (test-results/web/<name>-<width>.png), back at 1366 after. */
export const screenshots = async (page: Page, name: string): Promise<void> => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  for (const size of [DESKTOP, PHONE]) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${size.width}.png`), fullPage: true });
  }
  await page.setViewportSize(DESKTOP);
};

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core on the current page: the serious and critical violations (none expected). */
export const seriousAccessibilityViolations = async (page: Page): Promise<string[]> => {
  // Evaluated through the DevTools protocol, not injected as an inline <script>: the app's CSP (rightly)
  // refuses inline scripts.
  await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
};

/** Presses Tab until the focused element matches `selector`, as a keyboard-only user would. */
export const tabUntil = async (page: Page, selector: string, max = 150): Promise<void> => {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate((sel) => {
      const { document } = globalThis as unknown as {
        document: { activeElement: { matches(s: string): boolean } | null };
      };
      return document.activeElement?.matches(sel) ?? false;
    }, selector);
    if (focused) return;
  }
  throw new Error(`${selector} was not reached by keyboard`);
};

/**
 * A person in their own browser profile (Vietnamese, desktop width, downloads allowed), signed in through the
 * sign-in page; the context is added to `contexts` so the spec can photograph and close it.
 */
export const signInThroughBrowser = async (
  browser: Browser,
  base: string,
  username: string,
  password: string,
  contexts: BrowserContext[],
): Promise<Page> => {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN', acceptDownloads: true });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL('**/inbox');
  return page;
};

/** Photographs the page at both widths and expects no serious or critical accessibility violation. */
export const inspectPage = async (page: Page, name: string): Promise<void> => {
  await screenshots(page, name);
  expect({ page: name, violations: await seriousAccessibilityViolations(page) }).toEqual({
    page: name,
    violations: [],
  });
};
