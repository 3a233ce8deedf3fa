import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the explorer in a browser', () => {
  it('serves the page with no script error', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(baseUrl);
    await expect(page.locator('h1').textContent()).resolves.toContain('explorer');
    expect(errors).toEqual([]);
  });

  it('answers readiness and GraphQL over HTTP', async () => {
    expect((await fetch(`${baseUrl}/readyz`)).status).toBe(200);
    const r = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await r.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
