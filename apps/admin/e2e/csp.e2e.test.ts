// @vitest-environment node
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildConsole,
  launchChromium,
  openPage,
  type RunningServer,
  signIn,
  startServer,
} from './harness.ts';

/**
 * The built console under the server's Content-Security-Policy (issue 12, item 9): every page of
 * the menu opens, and the browser reports no violation of the policy.
 */

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  await buildConsole();
  server = await startServer();
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 60_000);

/** Every violation the page reports, and every console line that names the policy. */
async function watch(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction('reportViolation', (line: string) => seen.push(line));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { reportViolation(l: string): void }).reportViolation;
      report(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

describe('the console under its Content-Security-Policy', () => {
  it('is served with the policy and opens every menu page without a violation', async () => {
    const res = await fetch(server.url);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");

    const page = await openPage(browser, server.url);
    const violations = await watch(page);
    await signIn(page, 'admin', server.adminPassword);
    const items = page.getByRole('menuitem');
    const count = await items.count();
    expect(count).toBeGreaterThan(2);
    for (let i = 0; i < count; i++) {
      await items.nth(i).click();
      await page.waitForLoadState('networkidle');
    }
    // The page drew with Ant Design's injected styles: the header button is laid out and styled.
    const button = page.getByRole('button', { name: /退出登录/ });
    const cursor = await button.evaluate((b) => getComputedStyle(b).cursor);
    expect({ violations: violations.length, first: violations.slice(0, 3), cursor }).toEqual({
      violations: 0,
      first: [],
      cursor: 'pointer',
    });
  }, 120_000);
});
