// The GraphQL console in Chromium: it loads from the explorer alone (every request goes to the app's own
// origin, so it works with no internet), opens with the memo examples, and runs one.
import { describe, expect, inject, it } from 'vitest';
import { browserForFile, openPage } from '../../../test/support/browser.ts';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

describe('the GraphQL console', () => {
  for (const path of ['/graphiql', '/graphql']) {
    it(`at ${path} makes no request outside the app and opens with the memo examples`, async () => {
      const { page, errors, outside } = await openPage(browser(), `${baseUrl}${path}`, {
        blockOutside: true,
      });
      const editor = page.locator('.graphiql-query-editor .view-lines');
      // Monaco renders spaces as no-break spaces.
      const editorText = async () => (await editor.innerText()).replace(/\u00a0/g, ' ');
      await expect.poll(editorText, { timeout: 30_000 }).toContain('search(text: "Patrushev"');
      const tabs = await page.locator('.graphiql-tab').allInnerTexts();
      expect(tabs.join(' ')).toContain('StatementsAtMeetingsSeptember2022');
      expect(tabs.join(' ')).toContain('PathsModiToXi');

      await page.locator('.graphiql-execute-button').click();
      await expect
        .poll(() => page.locator('.graphiql-response').innerText(), { timeout: 30_000 })
        .toContain('actor:nikolai-patrushev');

      expect(outside).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
