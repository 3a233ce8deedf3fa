// Time in headless Chromium, on the memo's graph: dates read as precisely as the source gives them (a month as
// "September 2022", in the search suggestions and the timeline's tooltips); the layout by date stacks no node on
// another; and a February-March 2022 window keeps what overlaps it (the January-July 2022 trade figure) and drops
// the undated actors linked to nothing in it.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile } from '../../test/support/browser.ts';
import { openExplorer, visibleNodeIds, waitForLayout } from './support.ts';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

const KAZAKHSTAN = "Xi Jinping's trip to Kazakhstan";
const TRADE = 'figure:china-russia-trade-growth-jan-jul-2022';

/** Moves a slider with the keyboard from `start` until its reading matches `reading`. */
async function slideTo(page: Page, slider: Locator, start: 'Home' | 'End', reading: RegExp): Promise<void> {
  await slider.focus();
  await page.keyboard.press(start);
  for (let i = 0; i < 80; i++) {
    if (reading.test((await slider.getAttribute('aria-valuetext')) ?? '')) return;
    await page.keyboard.press(start === 'Home' ? 'ArrowRight' : 'ArrowLeft');
  }
  throw new Error(`the slider never read ${String(reading)}`);
}

describe('time', () => {
  it('reads a date known to the month as the month, in the suggestions and on the timeline', async () => {
    const { page, errors } = await openExplorer(browser(), baseUrl);
    await page.locator('body').press('/');
    await page.keyboard.type('Kazakhstan');
    const option = page.locator('.app-header').getByRole('option', { name: new RegExp(KAZAKHSTAN) });
    await option.first().waitFor();
    const text = await option.first().innerText();
    expect(text).toMatch(/· September 2022$/);
    expect(text).not.toMatch(/1 September/);

    const tooltips = await page.getByTestId('timeline-strip').locator('title').allTextContents();
    expect(tooltips).toContain(`September 2022 · ${KAZAKHSTAN}`);
    expect(tooltips).toContain('1945 · U.S. atomic bombings of Japan');
    expect(tooltips.filter((t) => /^1 (January|September) /.test(t))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lays out by date with no node on top of another', async () => {
    const { page, errors } = await openExplorer(browser(), baseUrl);
    await page.getByRole('button', { name: 'Lay out by date' }).click();
    await waitForLayout(page);
    const boxes = await page.evaluate(() =>
      window.cy!.nodes(':visible').map((n) => ({
        id: n.id(),
        ...n.renderedBoundingBox({ includeLabels: false, includeOverlays: false }),
      })),
    );
    expect(boxes.length).toBeGreaterThan(100);
    const overlapping: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        if (a.x1 < b.x2 - 0.5 && b.x1 < a.x2 - 0.5 && a.y1 < b.y2 - 0.5 && b.y1 < a.y2 - 0.5)
          overlapping.push(`${a.id} / ${b.id}`);
      }
    expect(overlapping).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('narrowed to February-March 2022, keeps what overlaps it and drops undated actors linked to nothing in it', async () => {
    const { page, errors } = await openExplorer(browser(), baseUrl);
    const all = await visibleNodeIds(page);
    expect(all).toContain(TRADE);
    await slideTo(page, page.getByTestId('time-since'), 'Home', /^February 2022$/);
    await slideTo(page, page.getByTestId('time-until'), 'End', /March 2022$/);
    await expect
      .poll(() => page.getByTestId('timeline-summary').innerText())
      .toMatch(/^1 February 2022 – \d+ March 2022:/);

    const shown = await visibleNodeIds(page);
    expect(shown).toContain(TRADE);
    expect(shown).toContain('meeting:xi-putin-beijing-2022-02-04');
    // Undated actors whose every link is in September 2022.
    expect(shown).not.toContain('actor:li-zhanshu');
    expect(shown).not.toContain('actor:narendra-modi');
    // Every undated node still drawn is linked to something drawn.
    const drawn = await page.evaluate(() =>
      window.cy!.nodes(':visible').map((n) => ({
        id: n.id(),
        dated: !!(n.scratch('_node') as { date: string | null }).date,
        links: n.connectedEdges(':visible').length,
      })),
    );
    const isolated = drawn.filter((n) => !n.dated && n.links === 0).map((n) => n.id);
    expect(isolated).toEqual([]);
    expect(shown.length).toBeLessThan(all.length / 2);

    // "Show undated" brings them all back, still in the window.
    await page.getByRole('checkbox', { name: 'Show undated' }).check();
    await expect.poll(async () => visibleNodeIds(page)).toContain('actor:li-zhanshu');
    expect(await visibleNodeIds(page)).not.toContain('meeting:sco-summit-samarkand-2022');
    expect(errors).toEqual([]);
    await page.close();
  });
});
