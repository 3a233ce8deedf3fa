// Issue 13 (items 5, 7, 9) in headless Chromium: a path chosen reads as a line with no overlapping boxes, is
// explained in the details panel and is cleared by Escape or a click on empty canvas; the page notices by itself
// that the API (or its database) is gone, says so with Retry, and clears the banner when it is back; the keyboard
// reaches the canvas and the details (skip links, arrow keys, Enter) and the selected node's actions in a few
// Tab presses; the GraphQL console's Ctrl+Enter runs the query of a tab switched to. Starts its own Neo4j and
// explorer (so it can stop and start them).
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startLocalNeo4j, type LocalNeo4j } from '../../neo4j/local.ts';
import { loadConfig } from '../../server/src/app/config.ts';
import { startExplorer, type Explorer } from '../../server/src/app/explorer.ts';
import { browserForFile, openPage } from '../../test/support/browser.ts';
import { freePort, freshTestDatabase } from '../../test/support/test-database.ts';
import { openExplorer, pickPathEnd, searchAndChoose, waitForLayout } from './support.ts';

// Its own Neo4j: on NEO4J_E2E_PORT (7689) + 95.
const { port: NEO4J_PORT, dataDir: DATA_DIR } = freshTestDatabase('paths-status', 'NEO4J_E2E_PORT', 7689, 95);
const quiet = { info: () => {}, error: () => {} };

let neo4j: LocalNeo4j | undefined;
let explorer: Explorer | undefined;
let config: ReturnType<typeof loadConfig>;
let baseUrl: string;
const browser = browserForFile();

const startNeo4j = () =>
  startLocalNeo4j({ port: NEO4J_PORT, dataDir: DATA_DIR, heapMiB: 512, pagecacheMiB: 64 });

beforeAll(async () => {
  neo4j = await startNeo4j();
  config = { ...loadConfig({}), port: await freePort(), neo4jUri: neo4j.uri };
  explorer = await startExplorer(config, quiet);
  await explorer.startup;
  baseUrl = explorer.url;
});

afterAll(async () => {
  await explorer?.stop();
  await neo4j?.stop();
  rmSync(DATA_DIR, { recursive: true, force: true });
});

/** The path's node boxes on screen (shapes and labels), by id. */
const pathBoxes = (page: Page) =>
  page.evaluate(() =>
    window.cy!.nodes('.on-path').map((n) => {
      const b = n.renderedBoundingBox({ includeLabels: true, includeOverlays: false });
      return { id: n.id(), x1: b.x1, x2: b.x2, y1: b.y1, y2: b.y2 };
    }),
  );

const onPath = (page: Page) => page.evaluate(() => window.cy!.$('.on-path').length);

/** Shows the first path from Narendra Modi to Xi Jinping. */
async function showModiToXi(page: Page): Promise<void> {
  await pickPathEnd(page, 'From', 'Narendra Modi', /Narendra Modi/);
  await pickPathEnd(page, 'To', 'Xi Jinping', /^Xi Jinping\b.*Actor/);
  await page.locator('.paths').getByRole('button', { name: 'Find paths' }).click();
  await page.getByTestId('path-explanation').first().waitFor();
  await waitForLayout(page);
  await expect.poll(() => onPath(page)).toBeGreaterThan(0);
}

/**
 * A point of the canvas, in page coordinates, at least 40 px from every node's box and 12 px from every drawn
 * relationship (a click there would select it). A relationship is taken as the two straight lines from its
 * source to its midpoint to its target. (The labels placed beside nodes leave other gaps than labels under
 * them did, and the first gap found could lie on a relationship.)
 */
const emptyPoint = (page: Page) =>
  page.evaluate(() => {
    const cy = window.cy!;
    const rect = cy.container()!.getBoundingClientRect();
    const boxes = cy.nodes(':visible').map((n) => n.renderedBoundingBox({ includeLabels: true }));
    type P = { x: number; y: number };
    const lines: [P, P][] = [];
    cy.edges(':visible').forEach((e) => {
      const [a, m, b] = [e.renderedSourceEndpoint(), e.renderedMidpoint(), e.renderedTargetEndpoint()];
      // A relationship between two nodes on top of each other has no ends to draw.
      if ([a, m, b].every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))) lines.push([a, m], [m, b]);
    });
    const distance = (p: P, [a, b]: [P, P]) => {
      const [dx, dy] = [b.x - a.x, b.y - a.y];
      const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy || 1)));
      return Math.hypot(p.x - a.x - t * dx, p.y - a.y - t * dy);
    };
    for (let y = 40; y < cy.height() - 40; y += 20)
      for (let x = 40; x < cy.width() - 40; x += 20)
        if (
          boxes.every((b) => x < b.x1 - 40 || x > b.x2 + 40 || y < b.y1 - 40 || y > b.y2 + 40) &&
          lines.every((l) => distance({ x, y }, l) >= 12)
        )
          return { x: rect.left + x, y: rect.top + y };
    return null;
  });

describe('a path shown on the graph', () => {
  it('reads as a line with no overlapping boxes, is explained in the details, and Esc or empty canvas clears it', async () => {
    const { page, errors } = await openExplorer(browser(), baseUrl);
    await searchAndChoose(page, 'Vladimir Putin', /^Vladimir Putin\b.*Actor/);
    await showModiToXi(page);

    // The details panel explains the path instead of showing the previous selection.
    const details = page.getByTestId('details');
    await expect(details.getByTestId('path-details-explanation').innerText()).resolves.toMatch(
      /Narendra Modi.*Xi Jinping/s,
    );
    await expect(details.getByRole('heading', { name: 'Vladimir Putin', exact: true }).count()).resolves.toBe(
      0,
    );
    await expect(details.getByText(/^Citations \(\d+\)/).count()).resolves.toBe(1);

    // No two of the path's boxes (shape and label) overlap, and its labels are drawn whole, inside the canvas.
    await page.waitForTimeout(300);
    const boxes = await pathBoxes(page);
    expect(boxes.length).toBeGreaterThanOrEqual(3);
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        expect(a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2, `${a.id} overlaps ${b.id}`).toBe(
          false,
        );
    const size = await page.evaluate(() => ({ w: window.cy!.width(), h: window.cy!.height() }));
    for (const b of boxes) {
      expect(b.x1).toBeGreaterThanOrEqual(0);
      expect(b.x2).toBeLessThanOrEqual(size.w);
    }

    // Escape clears it: no highlight, and the panel and the list say so.
    await page.locator('body').press('Escape');
    await expect.poll(() => onPath(page)).toBe(0);
    await expect(details.getByTestId('path-details').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Shown on graph' }).count()).resolves.toBe(0);

    // Shown again, then a click on empty canvas clears it.
    await page.getByRole('button', { name: 'Show on graph' }).first().click();
    await expect.poll(() => onPath(page)).toBeGreaterThan(0);
    await waitForLayout(page);
    await page.waitForTimeout(300);
    const point = await emptyPoint(page);
    expect(point).not.toBeNull();
    await page.mouse.click(point!.x, point!.y);
    await expect.poll(() => onPath(page)).toBe(0);
    await expect(details.getByTestId('path-details').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the keyboard', () => {
  it('skips to the graph, moves between nodes with the arrow keys and opens the details with Enter', async () => {
    const { page, errors } = await openExplorer(browser(), baseUrl);
    // Each key's effect reaches the page a moment later (a React render, a canvas update): poll for it.
    const active = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    const selected = () => page.evaluate(() => window.cy!.$('node.selected').map((n) => n.id()));
    // What users get: React's production build (a development build runs every effect twice, loading the graph
    // twice; the second load cleared the selection these keys make).
    const scripts = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => e.name.split('/').pop() ?? ''),
    );
    expect(scripts.filter((name) => name.endsWith('.js')).length).toBeGreaterThan(0);
    expect(scripts.filter((name) => name.includes('jsx-dev-runtime'))).toEqual([]);
    await page.keyboard.press('Tab');
    await expect.poll(active).toBe('Skip to the graph');
    // Following the skip link (a #fragment) moves the focus only: the graph is not asked for again.
    const graphLoads: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/graphql') && (r.postData() ?? '').includes('ExplorerNodes'))
        graphLoads.push(r.url());
    });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('graph-canvas');

    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await selected()).length).toBe(1);
    const first = await selected();
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await selected()).join()).not.toBe(first.join());
    const second = await selected();
    expect(second).toHaveLength(1);
    const label = await page.evaluate(
      (id) => window.cy!.getElementById(id).data('label') as string,
      second[0]!,
    );

    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('#details'))).toBe(true);
    await expect.poll(() => page.getByTestId('details').innerText()).toContain(label.slice(0, 20));
    expect(graphLoads).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reaches the selected node’s first action from the search box in a few Tab presses', async () => {
    const { page, errors } = await openExplorer(browser(), baseUrl);
    await searchAndChoose(page, 'Xi Jinping', /^Xi Jinping\b.*Actor/);
    await page.getByRole('combobox', { name: 'Search the graph' }).focus();
    const expand = page
      .getByTestId('details')
      .getByRole('group', { name: 'Actions on this node' })
      .getByRole('button')
      .first();
    await expand.waitFor();
    let presses = 0;
    while (presses < 30 && !(await expand.evaluate((el) => el === document.activeElement))) {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(presses).toBeLessThanOrEqual(5);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the GraphQL console', () => {
  it('runs the query of a tab switched to with Ctrl+Enter', async () => {
    const { page } = await openPage(browser(), `${baseUrl}/graphiql`);
    const editor = page.locator('.graphiql-query-editor .view-lines');
    await expect.poll(() => editor.innerText(), { timeout: 60_000 }).toContain('Patrushev');
    await page.locator('.graphiql-tab').filter({ hasText: 'PathsModiToXi' }).click();
    await expect.poll(() => editor.innerText(), { timeout: 10_000 }).toContain('paths');
    // GraphiQL reads the tab's operation name from its query a moment after the switch (debounced); a run
    // before that would send the previous tab's name.
    await page.waitForTimeout(1500);
    // The focus is on the tab just clicked, not in the editor.
    await page.keyboard.press('Control+Enter');
    await expect
      .poll(() => page.locator('.graphiql-response').innerText(), { timeout: 30_000 })
      .toContain('explanation');
    await page.close();
  });
});

describe('the server’s status', () => {
  const banner = (page: Page) => page.getByTestId('server-banner');

  /** Runs `stop`, then expects the banner within 15 s, saying `what`, with Retry. */
  async function bannerAfter(page: Page, stop: () => Promise<void>, what: RegExp): Promise<void> {
    await stop();
    const stopped = Date.now();
    await banner(page).waitFor({ timeout: 15_000 });
    expect(Date.now() - stopped).toBeLessThanOrEqual(15_000);
    await expect(banner(page).innerText()).resolves.toMatch(what);
    await expect(banner(page).getByRole('button', { name: 'Retry' }).count()).resolves.toBe(1);
  }

  it('shows a banner with Retry within 15 s of the API stopping, and clears it when the API is back', async () => {
    const { page } = await openExplorer(browser(), baseUrl);
    const stopApi = async () => {
      await explorer!.stop();
      explorer = undefined;
    };
    await bannerAfter(page, stopApi, /server cannot be reached/);
    explorer = await startExplorer(config, quiet);
    await explorer.startup;
    await banner(page).waitFor({ state: 'detached', timeout: 15_000 });
    await page.close();
  });

  it('shows a banner when the database stops, and clears it by itself when it is back', async () => {
    const { page } = await openExplorer(browser(), baseUrl);
    const stopDatabase = async () => {
      await neo4j!.stop();
      neo4j = undefined;
    };
    await bannerAfter(page, stopDatabase, /database is not answering/);
    neo4j = await startNeo4j();
    await banner(page).waitFor({ state: 'detached', timeout: 60_000 });
    await page.close();
  });
});
