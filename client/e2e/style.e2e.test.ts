// Issue 17, style rules, in headless Chromium: colour the memo's graph by country, size it by betweenness and
// caption it by actor type; the legend says so, a picture export shows the styled canvas, and a saved view's link
// opens with the same rules and legend.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile } from '../../test/support/browser.ts';
import { exportAs, openExplorer, saveNewView, waitForGraph, waitForLayout } from './support.ts';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

const XI = 'actor:xi-jinping';
const PUTIN = 'actor:vladimir-putin';

const table = (page: Page) => page.getByTestId('results-table');
const legend = (page: Page) => page.getByTestId('style-legend');

/** A node as drawn: fill, width and the label shown when nothing forces its full name. */
const look = (page: Page, id: string) =>
  page.evaluate((id) => {
    const n = window.cy!.getElementById(id);
    return {
      fill: String(n.style('background-color')),
      width: n.width(),
      label: String(n.data('shortLabel')),
    };
  }, id);

/** The widths of the visible nodes, smallest and largest. */
const widths = (page: Page) =>
  page.evaluate(() => {
    const nodes = window.cy!.nodes(':visible');
    return { min: nodes.min((n) => n.width()).value, max: nodes.max((n) => n.width()).value };
  });

describe('style rules', () => {
  it('colours by country, sizes by betweenness and captions by actor type, with a legend; a saved view keeps them', async () => {
    const { page, errors } = await openExplorer(browser(), baseUrl);
    const before = { xi: await look(page, XI), putin: await look(page, PUTIN) };
    expect(before.xi.fill).toBe(before.putin.fill); // both actors: the kind's colour
    await page.getByRole('button', { name: 'Table', exact: true }).click();

    // Colour by country: the legend lists the countries with their counts; China and Russia differ.
    await table(page).getByLabel('Colour by').selectOption({ label: 'country' });
    await expect.poll(() => legend(page).getByRole('heading').first().textContent()).toBe('Colour: country');
    const values = await legend(page).getByRole('list').locator('li').allTextContents();
    expect(values.some((v) => /^China\d+$/.test(v))).toBe(true);
    expect(values.some((v) => /^Russia\d+$/.test(v))).toBe(true);
    expect(values.some((v) => /^no value\d+$/.test(v))).toBe(true);
    const coloured = { xi: await look(page, XI), putin: await look(page, PUTIN) };
    expect(coloured.xi.fill).not.toBe(coloured.putin.fill);
    expect(coloured.xi.fill).not.toBe(before.xi.fill);

    // Size by betweenness: the measures are computed on choosing it, and the sizes spread between the bounds.
    await table(page).getByLabel('Size by').selectOption({ label: 'Betweenness' });
    await expect
      .poll(() => legend(page).textContent())
      .toMatch(/Size: Betweenness 0 – [\d.]+, smallest to largest/);
    await waitForLayout(page);
    await expect.poll(() => widths(page)).toEqual({ min: 22, max: 80 });
    const sized = await look(page, XI);
    expect(sized.width).not.toBe(before.xi.width);

    // Caption by actor type: Xi's label says "person"; the legend says so.
    expect(before.xi.label).toBe('Xi Jinping');
    await table(page).getByLabel('Caption by').selectOption({ label: 'actorType' });
    await expect.poll(async () => (await look(page, XI)).label).toBe('person');
    await expect.poll(() => legend(page).textContent()).toMatch(/Caption: actorType/);

    // The picture export draws the styled canvas: Xi's colour by country is in the SVG.
    const svg = readFileSync((await (await exportAs(page, 'Export SVG')).path())!, 'utf8');
    expect(svg).toContain(`fill="${coloured.xi.fill}"`);

    // Saved, and opened from its link: the same rules, the same legend, the same look.
    const drawn = { xi: await look(page, XI), putin: await look(page, PUTIN) };
    const legendText = await legend(page).textContent();
    await saveNewView(page, 'E2E: styled', '');
    const link = await page.getByLabel('Link to this view').inputValue();
    const other = await openExplorer(browser(), baseUrl, link.slice(baseUrl.length));
    await waitForGraph(other.page);
    await expect.poll(() => legend(other.page).textContent(), { timeout: 20_000 }).toBe(legendText);
    await expect.poll(() => look(other.page, XI)).toEqual(drawn.xi);
    expect(await look(other.page, PUTIN)).toEqual(drawn.putin);
    await other.page.getByRole('button', { name: 'Table', exact: true }).click();
    expect(await table(other.page).getByLabel('Colour by').inputValue()).toBe('property:country');
    expect(await table(other.page).getByLabel('Size by').inputValue()).toBe('measure:betweenness');
    expect(await table(other.page).getByLabel('Caption by').inputValue()).toBe('property:actorType');
    expect(errors).toEqual([]);
    expect(other.errors).toEqual([]);
    await other.page.close();
    await page.close();
  });
});
