// Layouts in headless Chromium (issue 13 item 6), on the memo's graph at 1280x800: the layout picker offers
// force, concentric by degree, hierarchical and by date; each lays the graph out with no two node boxes
// overlapping and the same positions when chosen again; a pinned node stays where it is when a layout runs
// again; a saved view reopens in its layout with its pins.
//
// A node's box is Cytoscape's own, on screen: `renderedBoundingBox({ includeLabels: false, includeOverlays:
// false })`, as in time.e2e.test.ts.
//
// The force layout runs in a Web Worker (graph/layouts/forceWorker.ts): a click is answered while it runs, and
// its picture has the same guarantees.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile } from '../../test/support/browser.ts';
import { openExplorer, saveNewView, searchAndChoose, waitForGraph, waitForLayout } from './support.ts';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

const XI = 'actor:xi-jinping';
const LAYOUTS = [
  { name: 'force', label: 'Force' },
  { name: 'concentric', label: 'Concentric by degree' },
  { name: 'hierarchical', label: 'Hierarchical' },
  { name: 'timeline', label: 'By date' },
] as const;

/** Chooses a layout in the picker and waits for it to be done. */
async function choose(page: Page, name: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Layout' }).selectOption(name);
  await waitForLayout(page);
}

/** The pairs of drawn nodes whose boxes overlap by more than half a pixel each way. */
const overlaps = (page: Page) =>
  page.evaluate(() => {
    const boxes = window.cy!.nodes(':visible').map((n) => ({
      id: n.id(),
      ...n.renderedBoundingBox({ includeLabels: false, includeOverlays: false }),
    }));
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        if (a.x1 < b.x2 - 0.5 && b.x1 < a.x2 - 0.5 && a.y1 < b.y2 - 0.5 && b.y1 < a.y2 - 0.5)
          out.push(`${a.id} / ${b.id}`);
      }
    return { count: boxes.length, out };
  });

/**
 * Drawn nodes' model positions relative to the top left of all of them, rounded: the force layout's picture
 * is the same up to where fcose centres it.
 */
const picture = (page: Page) =>
  page.evaluate(() => {
    const nodes = window.cy!.nodes(':visible');
    const x0 = Math.min(...nodes.map((n) => n.position('x')));
    const y0 = Math.min(...nodes.map((n) => n.position('y')));
    return Object.fromEntries(
      nodes.map((n) => [
        n.id(),
        [Math.round((n.position('x') - x0) * 100) / 100, Math.round((n.position('y') - y0) * 100) / 100],
      ]),
    );
  });

/** Drawn labels that reach past the canvas's edge (the fit leaves room for them). */
const labelsCutOff = (page: Page) =>
  page.evaluate(() => {
    const cy = window.cy!;
    const out: string[] = [];
    cy.nodes(':visible').forEach((n) => {
      if (String(n.style('label') ?? '') === '') return;
      const b = n.renderedBoundingBox({ includeLabels: true, includeOverlays: false });
      if (b.x1 < -0.5 || b.y1 < -0.5 || b.x2 > cy.width() + 0.5 || b.y2 > cy.height() + 0.5) out.push(n.id());
    });
    return out;
  });

const positionOf = (page: Page, id: string) =>
  page.evaluate((id) => ({ ...window.cy!.getElementById(id).position() }), id);

describe('layouts', () => {
  it('lays the graph out in each layout with no overlapping node boxes, the same way each time', async () => {
    const { page, errors } = await openExplorer(browser(), baseUrl);
    const picker = page.getByRole('combobox', { name: 'Layout' });
    expect(await picker.locator('option').allTextContents()).toEqual(LAYOUTS.map((l) => l.label));
    expect(await picker.inputValue()).toBe('force');

    const first: Record<string, Record<string, number[]>> = {};
    for (const { name } of [...LAYOUTS.slice(1), LAYOUTS[0]]) {
      await choose(page, name);
      const { count, out } = await overlaps(page);
      expect(count, name).toBeGreaterThan(100);
      expect(out, name).toEqual([]);
      first[name] = await picture(page);
      if (name === 'concentric' || name === 'hierarchical') {
        // Labels are chosen again shortly after the viewport settles.
        await page.waitForTimeout(400);
        expect(await labelsCutOff(page), name).toEqual([]);
      }
    }
    // Chosen again (after another layout each): the same picture.
    for (const { name } of LAYOUTS) {
      await choose(page, name === 'force' ? 'concentric' : 'force');
      await choose(page, name);
      expect(await picture(page), name).toEqual(first[name]);
    }
    // The timeline's own switch and the picker agree.
    await page.getByRole('button', { name: 'Back to force layout' }).click();
    await waitForLayout(page);
    expect(await picker.inputValue()).toBe('force');
    await page.getByRole('button', { name: 'Lay out by date' }).click();
    await waitForLayout(page);
    expect(await picker.inputValue()).toBe('timeline');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs the force layout in a Web Worker: the page answers a click meanwhile, and no boxes overlap after', async () => {
    const { page, errors } = await openExplorer(browser(), baseUrl);
    // The page's workers hold their answers while `__hold` is set, so that the layout is surely still running
    // when the click comes; `__held` counts what they answered meanwhile.
    await page.addInitScript(() => {
      const w = window as unknown as { __hold: boolean; __held: (() => void)[] };
      w.__hold = false;
      w.__held = [];
      const Real = window.Worker;
      window.Worker = class extends Real {
        set onmessage(handler: ((e: MessageEvent) => void) | null) {
          super.onmessage = (e: MessageEvent) => {
            if (w.__hold) w.__held.push(() => handler?.(e));
            else handler?.(e);
          };
        }
      };
    });
    await page.reload();
    await waitForGraph(page);
    const laidOut = await picture(page);

    await page.evaluate(() => ((window as unknown as { __hold: boolean }).__hold = true));
    await page.getByRole('button', { name: 'Lay out again' }).click();
    await page.waitForFunction(() => (window as unknown as { __held: unknown[] }).__held.length === 1);
    const running = () => page.locator('.canvas-wrap').getAttribute('data-layout');
    expect(await running()).toBe('running');
    await expect(page.getByRole('status').filter({ hasText: 'Laying out…' }).isVisible()).resolves.toBe(true);

    // A click on Xi while the worker's positions wait: the page selects him and shows his details at once.
    const box = (await page.getByTestId('graph-canvas').boundingBox())!;
    const at = await page.evaluate((id) => window.cy!.getElementById(id).renderedPosition(), XI);
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await expect
      .poll(() => page.evaluate((id) => window.cy!.getElementById(id).hasClass('selected'), XI))
      .toBe(true);
    await expect(page.getByTestId('details').getByText('Xi Jinping').first().isVisible()).resolves.toBe(true);
    expect(await running()).toBe('running');

    // Selected or hovered, Xi's ring is wider, and the layout keeps the wider box clear: with the mouse away and
    // the selection cleared, the picture can be compared with the one the page opened on.
    await page.mouse.move(box.x + 2, box.y + 2);
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.evaluate((id) => window.cy!.getElementById(id).is('.selected, .hovered'), XI))
      .toBe(false);
    // Let the answer through: the layout ends with no overlapping boxes, the same picture as when the page opened.
    await page.evaluate(() => {
      const w = window as unknown as { __hold: boolean; __held: (() => void)[] };
      w.__hold = false;
      w.__held.splice(0).forEach((deliver) => deliver());
    });
    await waitForLayout(page);
    const { count, out } = await overlaps(page);
    expect(count).toBeGreaterThan(100);
    expect(out).toEqual([]);
    expect(await picture(page)).toEqual(laidOut);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps a pinned node where it is when a layout runs again, and a saved view keeps layout and pins', async () => {
    const { page, errors } = await openExplorer(browser(), baseUrl);
    await choose(page, 'concentric');
    await searchAndChoose(page, 'Xi Jinping', /^Xi Jinping\b.*Actor/);
    const details = page.getByTestId('details');
    // Moved somewhere no layout would put it (as a drag would), then pinned there.
    await page.evaluate((id) => {
      const cy = window.cy!;
      const n = cy.getElementById(id);
      const others = cy.nodes(':visible').not(n).boundingBox({ includeLabels: false });
      n.position({ x: others.x2 + 400, y: others.y1 - 300 });
    }, XI);
    const pinnedAt = await positionOf(page, XI);
    await details.getByRole('button', { name: 'Pin', exact: true }).click();
    await expect
      .poll(() => page.evaluate((id) => window.cy!.getElementById(id).hasClass('pinned'), XI))
      .toBe(true);
    await expect(details.getByRole('button', { name: 'Unpin', exact: true }).isVisible()).resolves.toBe(true);

    // The force layout, then the force layout again: Xi stays; the others are laid out.
    const before = await picture(page);
    await choose(page, 'force');
    expect(await positionOf(page, XI)).toEqual(pinnedAt);
    expect(await picture(page)).not.toEqual(before);
    await page.getByRole('button', { name: 'Lay out again' }).click();
    await waitForLayout(page);
    expect(await positionOf(page, XI)).toEqual(pinnedAt);
    for (const name of ['hierarchical', 'timeline', 'concentric']) {
      await choose(page, name);
      expect(await positionOf(page, XI), name).toEqual(pinnedAt);
    }

    // Saved in the hierarchical layout, and reopened from its link: the same layout, Xi pinned where he was.
    await choose(page, 'hierarchical');
    await saveNewView(page, 'E2E: pinned hierarchy');
    const link = await page.getByLabel('Link to this view').inputValue();
    const other = await openExplorer(browser(), baseUrl, link.slice(baseUrl.length));
    await waitForGraph(other.page);
    expect(await other.page.getByRole('combobox', { name: 'Layout' }).inputValue()).toBe('hierarchical');
    expect(await other.page.evaluate(() => window.cy!.$('node.pinned').map((n) => n.id()))).toEqual([XI]);
    expect(await positionOf(other.page, XI)).toEqual(pinnedAt);
    await other.page.getByRole('button', { name: 'Lay out again' }).click();
    await waitForLayout(other.page);
    expect(await positionOf(other.page, XI)).toEqual(pinnedAt);

    // Unpinned, Xi goes with the layout again.
    await searchAndChoose(other.page, 'Xi Jinping', /^Xi Jinping\b.*Actor/);
    await other.page.getByTestId('details').getByRole('button', { name: 'Unpin', exact: true }).click();
    await other.page.getByRole('button', { name: 'Lay out again' }).click();
    await waitForLayout(other.page);
    expect(await positionOf(other.page, XI)).not.toEqual(pinnedAt);
    expect(other.errors).toEqual([]);
    await other.page.close();

    expect(errors).toEqual([]);
    await page.close();
  });
});
