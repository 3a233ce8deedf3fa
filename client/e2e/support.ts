// Helpers for driving the explorer in headless Chromium: open a page at 1280x800, collect script errors and
// requests that leave the machine, wait for the graph to be drawn and laid out, read node positions.
import type { Browser, Page } from 'playwright-core';

export interface ExplorerPage {
  page: Page;
  /** Uncaught exceptions and console errors. */
  errors: string[];
  /** Requests to any host other than the explorer's. */
  outside: string[];
}

/** Opens the explorer at `path` and waits for the graph. */
export async function openExplorer(browser: Browser, baseUrl: string, path = '/'): Promise<ExplorerPage> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const errors: string[] = [];
  const outside: string[] = [];
  const host = new URL(baseUrl).host;
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('request', (r) => {
    const u = new URL(r.url());
    if ((u.protocol === 'http:' || u.protocol === 'https:') && u.host !== host) outside.push(r.url());
  });
  await page.goto(baseUrl + path);
  await waitForGraph(page);
  return { page, errors, outside };
}

/** Waits until the canvas holds nodes and no layout is running. */
export async function waitForGraph(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      !!window.cy &&
      window.cy.nodes().length > 0 &&
      document.querySelector('.canvas-wrap')?.getAttribute('data-layout') === 'idle' &&
      !document.querySelector('.overlay'),
    null,
    { timeout: 60_000 },
  );
}

/** Waits until no layout is running. */
export async function waitForLayout(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('.canvas-wrap')?.getAttribute('data-layout') === 'idle',
    null,
    { timeout: 30_000 },
  );
}

/** Ids of the nodes drawn now. */
export function visibleNodeIds(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    window
      .cy!.nodes(':visible')
      .map((n) => n.id())
      .sort(),
  );
}

/** On-screen positions of every node on the canvas. */
export function renderedPositions(page: Page): Promise<Record<string, { x: number; y: number }>> {
  return page.evaluate(() =>
    Object.fromEntries(window.cy!.nodes().map((n) => [n.id(), { ...n.renderedPosition() }])),
  );
}

/** Model positions of every node on the canvas. */
export function modelPositions(page: Page): Promise<Record<string, { x: number; y: number }>> {
  return page.evaluate(() =>
    Object.fromEntries(window.cy!.nodes().map((n) => [n.id(), { ...n.position() }])),
  );
}

/** Runs a GraphQL operation against the explorer's API from the test (behind the page's back). */
export async function graphql<T>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const r = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await r.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data as T;
}

/** Types into the main search box (via the `/` shortcut) and chooses the first suggestion matching `name`. */
export async function searchAndChoose(page: Page, text: string, name: RegExp): Promise<void> {
  await page.locator('body').press('/');
  await page.keyboard.type(text);
  const option = page.locator('.app-header').getByRole('option', { name }).first();
  await option.waitFor();
  await option.click();
  await waitForLayout(page);
}
