// Helpers for driving the explorer in headless Chromium: open a page (test/support/browser.ts records script
// errors and requests that leave the machine), wait for the graph to be drawn and laid out, read node positions.
import type { Browser, Download, Page } from 'playwright-core';
import { openPage } from '../../test/support/browser.ts';

export interface ExplorerPage {
  page: Page;
  /** Uncaught exceptions and console errors. */
  errors: string[];
  /** Requests to any host other than the explorer's. */
  outside: string[];
}

/** Opens the explorer at `path` and waits for the graph. */
export async function openExplorer(browser: Browser, baseUrl: string, path = '/'): Promise<ExplorerPage> {
  const { page, errors, outside } = await openPage(browser, baseUrl + path, { consoleErrors: true });
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

/**
 * Answers the first GraphQL request whose body names `operation` with `status`, `Retry-After` and one error
 * with `code` (the server's refusal, as the page would get it); every other request goes through. Returns how
 * many requests were answered so.
 */
export async function refuseOnce(
  page: Page,
  operation: string,
  refusal: { status: number; retryAfter: string; code: string; message: string },
): Promise<() => number> {
  let refused = 0;
  await page.route('**/graphql', async (route) => {
    if (refused === 0 && (route.request().postData() ?? '').includes(operation)) {
      refused++;
      await route.fulfill({
        status: refusal.status,
        headers: { 'retry-after': refusal.retryAfter, 'content-type': 'application/json' },
        body: JSON.stringify({ errors: [{ message: refusal.message, extensions: { code: refusal.code } }] }),
      });
    } else await route.continue();
  });
  return () => refused;
}

/** Chooses one end of the paths question: types `text` into the From or To box and picks the first `option`. */
export async function pickPathEnd(
  page: Page,
  end: 'From' | 'To',
  text: string,
  option: RegExp,
): Promise<void> {
  const panel = page.locator('.paths');
  await panel.getByRole('combobox', { name: end }).fill(text);
  await panel.getByRole('option', { name: option }).first().click();
}

/** Saves the picture as a new view from the saved-views tab and waits for the page to confirm it. */
export async function saveNewView(page: Page, name: string, description?: string): Promise<void> {
  await page.getByRole('tab', { name: 'Saved views' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  if (description !== undefined) await page.getByLabel('Description').fill(description);
  await page.getByRole('button', { name: 'Save as new view' }).click();
  await page.getByText(`Saved “${name}”.`).waitFor();
}

/** Chooses `name` ("Export PNG", "Export GEXF"…) in the header's Export menu and returns the download. */
export async function exportAs(page: Page, name: string): Promise<Download> {
  await page.getByRole('button', { name: 'Export ▾' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
  return download;
}
