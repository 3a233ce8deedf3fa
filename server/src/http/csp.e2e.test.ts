// The content security policy against the real pages in Chromium: the explorer and the GraphQL console (Monaco
// and its workers included) load and work under it, with no violation reported and no script error. Any
// violation fails, eval included (the client's zod is jitless, so it never probes for eval).
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserForFile, openPage, runFirstConsoleExample } from '../../../test/support/browser.ts';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

/** Opens a page that records every CSP violation (events and console reports) and script error. */
async function watchedPage(path: string): Promise<{ page: Page; problems: () => Promise<string[]> }> {
  const { page, response, errors, cspViolations } = await openPage(browser(), `${baseUrl}${path}`, {
    csp: true,
  });
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  return { page, problems: async () => [...(await cspViolations()), ...errors] };
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
    const editor = await runFirstConsoleExample(page);
    // Typing exercises the GraphQL worker (validation and completion).
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' ');
    await page.waitForTimeout(1_000);
    expect(await problems()).toEqual([]);
    await page.close();
  });
});
