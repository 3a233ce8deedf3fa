import { describe, expect, inject, it } from 'vitest';
import { browserForFile, openPage } from './support/browser.ts';
import { expectServing } from './support/serving.ts';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

describe('the explorer in a browser', () => {
  it('serves the page with no script error', async () => {
    const { page, errors } = await openPage(browser(), baseUrl);
    await expect(page.locator('h1').textContent()).resolves.toContain('explorer');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('answers readiness and GraphQL over HTTP', async () => {
    await expectServing(baseUrl);
  });
});
