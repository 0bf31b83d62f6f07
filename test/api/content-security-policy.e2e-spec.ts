/**
 * Content-Security-Policy on every response, and Swagger UI still working under its own policy: the docs page
 * is loaded in headless Chromium (which enforces CSP) and must render the API's operations.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import request from 'supertest';
import type { App } from 'supertest/types';
import { type TestStack, createTestStack } from '../support/test-app';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) =>
  fs.existsSync(p),
);

describe('Content-Security-Policy (e2e)', () => {
  let stack: TestStack;
  let http: App;

  beforeAll(async () => {
    stack = await createTestStack();
    http = stack.app.getHttpServer() as App;
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('given any API response, then scripts and styles may come only from the same origin and nothing may frame it', async () => {
    // Any answer carries it; /health is one whatever it reports (503 here: this stack runs no worker).
    const response = await request(http).get('/health');
    const policy = response.headers['content-security-policy'] as string;
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
  });

  it('given the docs page, then its policy allows its inline styles but no inline script', async () => {
    const response = await request(http).get('/docs').expect(200);
    const policy = response.headers['content-security-policy'] as string;
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
    expect(response.text).not.toMatch(/<script>(?!\s*<\/script>)/);
  });

  (CHROMIUM ? it : it.skip)(
    'given the docs page in a browser that enforces the policy, then Swagger UI renders the operations',
    async () => {
      const server = await stack.app.listen(0, '127.0.0.1');
      const { port } = (server as { address(): AddressInfo }).address();
      const { stdout } = await promisify(execFile)(
        CHROMIUM!,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--virtual-time-budget=10000',
          '--dump-dom',
          `http://127.0.0.1:${port}/docs`,
        ],
        { timeout: 60_000, maxBuffer: 20 * 1024 * 1024 },
      );
      expect(stdout).toContain('opblock');
      expect(stdout).toContain('/api/procedures');
    },
    90_000,
  );
});
