// The explorer against a server with API tokens, in headless Chromium, as an analyst meets it: the page asks for
// a token, refuses a wrong one with a message, lets a reader explore but not save (and offers to switch tokens
// without losing the picture), saves as an editor under the editor's name, keeps a remembered token across
// reloads, asks again after signing out; the GraphQL console uses the same token; rate limits and time limits
// are explained and retried. Starts its own explorer with tokens (one Neo4j for the file).
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { parseApiTokens } from '../../server/src/access/tokens.ts';
import { loadConfig } from '../../server/src/app/config.ts';
import { startExplorer, type Explorer } from '../../server/src/app/explorer.ts';
import { browserForFile, openPage, runFirstConsoleExample, VIEWPORT } from '../../test/support/browser.ts';
import { freshTestDatabase } from '../../test/support/test-database.ts';
import { refuseOnce, searchAndChoose, waitForGraph } from './support.ts';

// Its own Neo4j: on NEO4J_E2E_PORT (7689) + 93.
const { port: NEO4J_PORT, dataDir: DATA_DIR } = freshTestDatabase('access', 'NEO4J_E2E_PORT', 7689, 93);
const READER = 'ann-reads-0123456789abcdef';
const EDITOR = 'ed-edits-0123456789abcdef';
const HASTY = 'hasty-edits-0123456789abcdef';
/** Six requests a minute after a burst of 60: a client that has spent its burst waits 10 s for the next one. */
const RATE_LIMIT = { perMinute: 6, burst: 60 };

let explorer: Explorer;
let baseUrl: string;
const browser = browserForFile();

beforeAll(async () => {
  rmSync(DATA_DIR, { recursive: true, force: true });
  const config = {
    ...loadConfig({}),
    port: 0,
    localNeo4jPort: NEO4J_PORT,
    localNeo4jDataDir: DATA_DIR,
    apiTokens: parseApiTokens(`ann:reader:${READER},ed:editor:${EDITOR},hasty:editor:${HASTY}`),
    anonymousReads: false,
    rateLimit: RATE_LIMIT,
  };
  explorer = await startExplorer(config, { info: () => {}, error: (line) => console.error(line) });
  await explorer.startup;
  baseUrl = explorer.url;
});

afterAll(async () => {
  await explorer?.stop();
});

/** A GraphQL request from the test itself, with a token. */
async function graphql<T>(token: string, query: string, variables: Record<string, unknown> = {}) {
  const r = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: r.status, headers: r.headers, body: (await r.json()) as { data?: T; errors?: unknown[] } };
}

/** A fresh browser profile (its own storage) with one page at `path`; script errors are collected. */
async function open(path = '/', context?: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const ctx = context ?? (await browser().newContext({ viewport: VIEWPORT }));
  return openPage(ctx, baseUrl + path);
}

const signInDialog = (page: Page) => page.getByRole('dialog', { name: 'Sign in' });

/** Fills the sign-in dialog and submits it. */
async function signIn(page: Page, token: string, remember = false): Promise<void> {
  const dialog = signInDialog(page);
  await dialog.getByLabel('Access token').fill(token);
  if (remember) await dialog.getByLabel('Remember on this browser').check();
  await dialog.getByRole('button', { name: 'Sign in' }).click();
}

/** How long to wait for what a user waits for (a first save on a cold database takes a few seconds). */
const soon = { timeout: 30_000 };

const nodeCount = (page: Page) => page.evaluate(() => window.cy?.nodes().length ?? 0);

describe('the explorer with access tokens', () => {
  it('asks for a token, refuses a wrong one, lets a reader explore but not save, and an editor save', async () => {
    const { page, errors } = await open();
    const dialog = signInDialog(page);
    await expect.poll(() => dialog.isVisible(), { timeout: 30_000 }).toBe(true);
    await expect(dialog.innerText()).resolves.toContain('This explorer needs an access token');
    await expect(dialog.getByLabel('Access token').getAttribute('type')).resolves.toBe('password');
    expect(await nodeCount(page)).toBe(0);

    // A wrong token: refused, with a message, and the dialog stays.
    await signIn(page, 'not-a-token-0123456789abcdef');
    await expect
      .poll(() => dialog.getByRole('alert').innerText(), soon)
      .toMatch(/The server did not accept this token/);
    expect(await page.evaluate(() => sessionStorage.length + localStorage.length)).toBe(0);

    // A reader token: the opening load is retried and the graph appears.
    await signIn(page, READER);
    await waitForGraph(page);
    expect(await nodeCount(page)).toBeGreaterThan(100);
    await expect(dialog.isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('account').innerText()).resolves.toMatch(/ann\s*· reader/);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);

    // The saved-views panel says beforehand that a reader cannot save; saving anyway gets FORBIDDEN and the
    // offer to switch, and nothing is lost.
    await page.getByRole('tab', { name: 'Saved views' }).click();
    await expect(page.getByTestId('read-only').innerText()).resolves.toMatch(
      /Signed in as ann with a reader token.*saving needs an editor token/,
    );
    // Change the picture first: this is the unsaved work that must survive.
    await searchAndChoose(page, 'Li Zhanshu', /^Li Zhanshu\b.*Actor/);
    await page.getByTestId('details').getByRole('button', { name: 'Remove' }).click();
    await expect
      .poll(() => page.evaluate(() => window.cy!.getElementById('actor:li-zhanshu').length), soon)
      .toBe(0);
    const before = await nodeCount(page);
    await page.getByLabel('Name', { exact: true }).fill('Access: saved by the editor');
    await page.getByRole('button', { name: 'Save as new view' }).click();
    const refusal = page.getByTestId('not-allowed');
    await expect
      .poll(() => refusal.innerText(), soon)
      .toMatch(/Not saved\. Your token can read but not save/);
    await expect(refusal.innerText()).resolves.toMatch(/Your picture is still on the canvas/);
    expect(await nodeCount(page)).toBe(before);
    await expect(page.getByLabel('Name', { exact: true }).inputValue()).resolves.toBe(
      'Access: saved by the editor',
    );

    await refusal.getByRole('button', { name: 'Sign in with another token' }).click();
    await expect.poll(() => dialog.isVisible(), soon).toBe(true);
    await expect(dialog.innerText()).resolves.toContain('Your token can read but not save');
    await signIn(page, EDITOR);
    await expect.poll(() => page.getByTestId('account').innerText(), soon).toMatch(/ed\s*· editor/);
    expect(await nodeCount(page)).toBe(before);
    await refusal.getByRole('button', { name: 'Try again' }).click();
    await expect
      .poll(() => page.locator('.view-status').innerText(), soon)
      .toContain('Saved “Access: saved by the editor”.');
    const id = new URL(page.url()).searchParams.get('view');
    expect(id).toBeTruthy();
    const { body } = await graphql<{ view: { createdBy: string; updatedBy: string; nodeIds: string[] } }>(
      EDITOR,
      'query ($id: ID!) { view(id: $id) { createdBy updatedBy nodeIds } }',
      { id },
    );
    expect(body.data?.view.createdBy).toBe('ed');
    expect(body.data?.view.updatedBy).toBe('ed');
    expect(body.data?.view.nodeIds).toHaveLength(before);
    expect(body.data?.view.nodeIds).not.toContain('actor:li-zhanshu');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('the explorer with access tokens', () => {
  it('keeps a token for the tab only, unless remembered; signing out asks again', async () => {
    // Not remembered: a new tab of the same browser asks again.
    const first = await open();
    await signIn(first.page, EDITOR);
    await waitForGraph(first.page);
    const tab = await open('/', first.page.context());
    await expect.poll(() => signInDialog(tab.page).isVisible(), { timeout: 30_000 }).toBe(true);
    await first.page.context().close();

    // Remembered: reloading and new tabs stay signed in.
    const { page, errors } = await open();
    await signIn(page, EDITOR, true);
    await waitForGraph(page);
    await page.reload();
    await waitForGraph(page);
    await expect(signInDialog(page).isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('account').innerText()).resolves.toMatch(/ed\s*· editor/);
    const other = await open('/', page.context());
    await waitForGraph(other.page);
    await other.page.close();

    // Signing out forgets the token and asks for one again.
    await page.getByTestId('account').locator('summary').click();
    await expect(page.getByTestId('account').innerText()).resolves.toContain('Remembered on this browser');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => signInDialog(page).isVisible(), { timeout: 30_000 }).toBe(true);
    await expect(signInDialog(page).innerText()).resolves.toContain('This explorer needs an access token');
    expect(await page.evaluate(() => sessionStorage.length + localStorage.length)).toBe(0);
    expect(await nodeCount(page)).toBe(0);
    // Cancelling leaves a clear way back.
    await signInDialog(page).getByRole('button', { name: 'Cancel' }).click();
    await expect
      .poll(() => page.getByTestId('load-error').innerText(), soon)
      .toMatch(/Sign-in needed[^]*needs a valid access token/);
    await page.getByTestId('load-error').getByRole('button', { name: 'Sign in' }).click();
    await signIn(page, READER);
    await waitForGraph(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lets the GraphQL console use the explorer’s token', async () => {
    const { page } = await open();
    await signIn(page, READER);
    await waitForGraph(page);
    const [console] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('link', { name: 'GraphQL console' }).click(),
    ]);
    await runFirstConsoleExample(console);
    await page.context().close();
  });
});

describe('the explorer with access tokens', () => {
  it('explains a rate limit: a read is retried by itself, a write when the analyst says so', async () => {
    const { page, errors } = await open();
    // The first page of nodes is refused once with Retry-After: the page says so and retries by itself.
    const refused = await refuseOnce(page, 'ExplorerNodes', {
      status: 429,
      retryAfter: '2',
      code: 'RATE_LIMITED',
      message: 'Too many requests: try again in 2 s.',
    });
    await signIn(page, HASTY);
    await expect
      .poll(
        () =>
          page
            .getByTestId('wait-notice')
            .innerText()
            .catch(() => ''),
        soon,
      )
      .toMatch(/slow down: trying again in 2 seconds/);
    await waitForGraph(page);
    expect(refused()).toBe(1);
    await page.unroute('**/graphql');

    // The real rate limiter: spend the rest of hasty's burst, then save.
    let status = 200;
    for (let i = 0; i < RATE_LIMIT.burst + 5 && status !== 429; i++) {
      status = (await graphql(HASTY, '{ __typename }')).status;
    }
    expect(status).toBe(429);
    await page.getByRole('tab', { name: 'Saved views' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Access: saved after a pause');
    await page.getByRole('button', { name: 'Save as new view' }).click();
    const alert = page.locator('.view-status [role="alert"]');
    await expect
      .poll(() => alert.innerText(), soon)
      .toMatch(/Too many requests to the server just now: wait (\d+) seconds?, then try again/);
    // Wait as told, then Try again. The page's own reads (the views list, the viewer) may take the token that
    // came back in the meantime; then the answer is the same message with a new wait, and the analyst waits
    // again. Nothing is saved until a try gets through, and then exactly once.
    const viewStatus = page.locator('.view-status');
    for (let attempt = 1; ; attempt++) {
      const seconds = Number(/wait (\d+) second/.exec(await alert.innerText())![1]);
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThanOrEqual(60 / RATE_LIMIT.perMinute);
      await page.waitForTimeout(seconds * 1000 + 500);
      await alert.getByRole('button', { name: 'Try again' }).click();
      await expect
        .poll(() => viewStatus.innerText(), soon)
        .toMatch(/Saved “Access: saved after a pause”\.|wait \d+ second/);
      if ((await viewStatus.innerText()).includes('Saved “Access: saved after a pause”.')) break;
      expect(attempt, 'still rate limited after three waits').toBeLessThan(3);
    }
    const { body } = await graphql<{ views: { name: string; createdBy: string }[] }>(
      EDITOR,
      '{ views(limit: 100) { name createdBy } }',
    );
    expect(body.data?.views.filter((v) => v.name === 'Access: saved after a pause')).toEqual([
      { name: 'Access: saved after a pause', createdBy: 'hasty' },
    ]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('explains a request stopped at its time limit, and retries it on request', async () => {
    const { page, errors } = await open();
    await refuseOnce(page, 'ExplorerNeighborhood', {
      status: 503,
      retryAfter: '5',
      code: 'REQUEST_TIMEOUT',
      message: 'The request took longer than 30 s and was stopped.',
    });
    await signIn(page, READER);
    const overlay = page.getByTestId('load-error');
    await expect
      .poll(() => overlay.innerText().catch(() => ''), { timeout: 30_000 })
      .toMatch(/The graph took too long to load[^]*smaller depth or limit/);
    await overlay.getByRole('button', { name: 'Retry' }).click();
    await waitForGraph(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
