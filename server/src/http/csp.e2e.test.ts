// The content security policy against the real pages in Chromium: the explorer and the GraphQL console (Monaco
// and its workers included) load and work under it, with no violation reported and no script error. Any
// violation fails, eval included (the client's zod is jitless, so it never probes for eval).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../../test/support/browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

declare global {
  interface Window {
    cspViolations?: Array<{ directive: string; blocked: string; file: string; line: number; column: number }>;
  }
}

/** Opens a page that records every CSP violation (events and console reports) and script error. */
async function watchedPage(path: string): Promise<{ page: Page; problems: () => Promise<string[]> }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.cspViolations!.push({
        directive: e.violatedDirective,
        blocked: e.blockedURI || 'inline',
        file: e.sourceFile,
        line: e.lineNumber,
        column: e.columnNumber,
      }),
    );
  });
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  const response = await page.goto(`${baseUrl}${path}`);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  return {
    page,
    problems: async () => {
      const out = [...problems];
      const violations = (await page.evaluate(() => window.cspViolations)) ?? [];
      for (const v of violations)
        out.push(`${v.directive} blocked ${v.blocked} at ${v.file}:${v.line}:${v.column}`);
      return out;
    },
  };
}

describe('the content security policy', () => {
  it('lets the explorer load its graph and search it, with no violation', async () => {
    const { page, problems } = await watchedPage('/');
    await expect
      .poll(
        () =>
          page.evaluate(() => (window as { cy?: { nodes(): { length: number } } }).cy?.nodes().length ?? 0),
        {
          timeout: 60_000,
        },
      )
      .toBeGreaterThan(10);
    expect(await problems()).toEqual([]);
    await page.close();
  });

  it('lets the GraphQL console start its editor and workers and run a query, with no violation', async () => {
    const { page, problems } = await watchedPage('/graphiql');
    const editor = page.locator('.graphiql-query-editor .view-lines');
    await expect.poll(() => editor.innerText(), { timeout: 60_000 }).toContain('Patrushev');
    await page.locator('.graphiql-execute-button').click();
    await expect
      .poll(() => page.locator('.graphiql-response').innerText(), { timeout: 30_000 })
      .toContain('actor:nikolai-patrushev');
    // Typing exercises the GraphQL worker (validation and completion).
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' ');
    await page.waitForTimeout(1_000);
    expect(await problems()).toEqual([]);
    await page.close();
  });
});
