// The results table in headless Chromium: an analyst answers "which meetings took place in September 2022?" and
// "every trade and export figure with its value, period and footnote" in three actions after the page opens,
// exports the rows shown as CSV, selects a node from its row (and a row from the canvas), and searches one kind.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile } from '../../test/support/browser.ts';
import { graphql, openExplorer, waitForLayout } from './support.ts';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

interface ApiNode {
  id: string;
  label: string;
  date: string | null;
  properties: Record<string, unknown>;
  sources: { footnote: number | null }[];
}

/** Every node of one kind, as the API gives it. */
async function nodesOfKind(kind: string): Promise<ApiNode[]> {
  const { nodes } = await graphql<{ nodes: ApiNode[] }>(
    baseUrl,
    `
      query ($kind: NodeKind) {
        nodes(kind: $kind, limit: 1000) {
          id
          label
          date
          properties
          sources {
            footnote
          }
        }
      }
    `,
    { kind },
  );
  return nodes;
}

const table = (page: Page) => page.getByTestId('results-table');

/** The table's cells as the analyst sees them: the header, then one array per row. */
async function cells(page: Page): Promise<{ header: string[]; rows: string[][] }> {
  return table(page).evaluate((el) => ({
    header: [...el.querySelectorAll('thead th')].map((th) =>
      (th.textContent ?? '').replace(/[▲▼]/g, '').trim(),
    ),
    rows: [...el.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
    ),
  }));
}

/** A CSV file's records (RFC 4180: quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      record.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

/** Opens the page, then the table, with one kind and (optionally) dates: the three actions. */
async function openTable(page: Page, kind: string, dates?: string) {
  await page.getByRole('button', { name: 'Table', exact: true }).click();
  await table(page).getByLabel('Kind').selectOption({ label: kind });
  if (dates !== undefined) await table(page).getByLabel('Dates').fill(dates);
}

describe('the results table', () => {
  it('answers "which meetings took place in September 2022" with a kind and a date, and exports those rows', async () => {
    const { page, errors, outside } = await openExplorer(browser(), baseUrl);
    await openTable(page, 'Meetings', 'September 2022');

    // The meetings of September 2022, from the API: dated in that month (the summit spans 15-16 September).
    const expected = (await nodesOfKind('MEETING')).filter((n) => n.date?.startsWith('2022-09'));
    expect(expected.length).toBeGreaterThan(5);
    const labelColumn = 0;
    await expect
      .poll(async () => (await cells(page)).rows.map((r) => r[labelColumn]).sort())
      .toEqual(expected.map((n) => n.label).sort());
    const { header, rows } = await cells(page);
    expect(header).toEqual(['Label', 'Type', 'Date', 'Place', 'Sources', 'Footnotes']);
    const row = (label: RegExp) => rows.find((r) => label.test(r[0]!))!;
    expect(row(/^SCO summit in Samarkand/)).toEqual([
      expect.stringMatching(/^SCO summit in Samarkand/),
      'summit',
      '15–16 September 2022',
      'Samarkand, Uzbekistan',
      '4',
      expect.stringMatching(/^2, 6, 20; /),
    ]);
    expect(row(/^Xi Jinping - Vladimir Putin meeting in Samarkand$/)?.[2]).toBe('15 September 2022');
    // A date known only to the month is written so.
    expect(rows.some((r) => r[2] === 'September 2022')).toBe(true);
    // The Samarkand meetings are there; October's Party congress is not.
    expect(rows.filter((r) => r[3] === 'Samarkand, Uzbekistan').length).toBeGreaterThanOrEqual(3);

    // Sorted by date (at first earliest first; a click turns it round), then exported: the CSV holds the same rows in the same order.
    await table(page).getByRole('button', { name: /^Date/ }).click();
    await expect
      .poll(() => table(page).getByRole('columnheader', { name: /Date/ }).getAttribute('aria-sort'))
      .toBe('descending');
    const shown = await cells(page);
    expect(shown.rows[0]![2]).toBe('30 September 2022');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      table(page).getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('meetings-2022-09-01-2022-09-30.csv');
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    expect(csv).toContain('"Samarkand, Uzbekistan"');
    expect(parseCsv(csv)).toEqual([shown.header, ...shown.rows]);

    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('lists every trade figure with its value, unit, period and footnotes', async () => {
    const { page, errors } = await openExplorer(browser(), baseUrl);
    await openTable(page, 'Figures');
    const figures = await nodesOfKind('FIGURE');
    await expect.poll(async () => (await cells(page)).rows.length).toBe(figures.length);
    const { header, rows } = await cells(page);
    expect(header).toEqual([
      'Label',
      'Value',
      'Unit',
      'Change',
      'Period',
      'Metric',
      'Date',
      'Sources',
      'Footnotes',
    ]);
    const trade = rows.find((r) => r[0] === 'China-Russia bilateral trade up 30% in January-July 2022')!;
    expect(trade).toEqual([
      'China-Russia bilateral trade up 30% in January-July 2022',
      '30',
      'percent',
      '+30%',
      'January-July 2022 vs January-July 2021',
      'Bilateral trade between China and Russia',
      expect.stringContaining('2022'),
      '2',
      expect.stringMatching(/^13; /),
    ]);
    // Words narrow the figures to the trade ones (their summaries say so).
    await table(page).getByLabel('Words').fill('trade');
    await expect.poll(async () => (await cells(page)).rows.length).toBe(12);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('selects and centres a row’s node, and marks the row of the node selected on the canvas', async () => {
    const { page, errors } = await openExplorer(browser(), baseUrl);
    await openTable(page, 'Meetings', 'September 2022');
    const label = 'Xi Jinping - Vladimir Putin meeting in Samarkand';
    const id = 'meeting:xi-putin-samarkand-2022-09-15';
    await table(page).locator(`tr[data-id="${id}"]`).click();
    await waitForLayout(page);
    await expect.poll(() => page.getByTestId('details').locator('h3').innerText()).toBe(label);
    const selected = () => page.evaluate(() => window.cy!.$('node.selected').map((n) => n.id()));
    await expect.poll(selected).toEqual([id]);
    // Centred: the node comes to the middle of the canvas (within a tenth of its size: the centring is animated,
    // and on a busy machine it takes a while). It once failed in a run of the whole tier: the table's rows, coming
    // after the click, resized the canvas while the centring began, and the canvas fitted the whole graph again.
    const offCentre = () =>
      page.evaluate((nodeId) => {
        const cy = window.cy!;
        const p = cy.getElementById(nodeId).renderedPosition();
        return Math.max(
          Math.abs(p.x - cy.width() / 2) / cy.width(),
          Math.abs(p.y - cy.height() / 2) / cy.height(),
        );
      }, id);
    await expect.poll(offCentre, { timeout: 20_000 }).toBeLessThan(0.1);
    // It stays centred when the canvas changes size again (the window made smaller).
    await page.setViewportSize({ width: 1200, height: 760 });
    await page.waitForTimeout(400);
    await expect.poll(offCentre, { timeout: 5_000 }).toBeLessThan(0.15);
    await expect.poll(() => table(page).locator('tr[aria-selected="true"]').getAttribute('data-id')).toBe(id);

    // A node chosen on the canvas marks its row.
    await page.evaluate(() => window.cy!.getElementById('meeting:sco-summit-samarkand-2022').emit('tap'));
    await expect
      .poll(() => table(page).locator('tr[aria-selected="true"]').getAttribute('data-id'))
      .toBe('meeting:sco-summit-samarkand-2022');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('offers every node of a kind when the canvas does not hold them all (sources are not drawn at first)', async () => {
    const { page, errors } = await openExplorer(browser(), baseUrl);
    const sources = await nodesOfKind('SOURCE');
    await openTable(page, 'Sources');
    expect((await cells(page)).rows).toEqual([]);
    await table(page)
      .getByRole('button', { name: `All ${sources.length} sources (0 on the canvas)` })
      .click();
    await expect.poll(async () => (await cells(page)).rows.length).toBe(sources.length);
    const { header, rows } = await cells(page);
    expect(header).toEqual(['Label', 'Publisher', 'Address', 'Date', 'Sources', 'Footnotes']);
    expect(rows.map((r) => r[0]).sort()).toEqual(sources.map((s) => s.label).sort());
    // A row of a node not on the canvas brings it there.
    const fn13 = sources.find((s) => s.properties.footnote === 13)!;
    await table(page).locator(`tr[data-id="${fn13.id}"]`).click();
    await expect.poll(() => page.getByTestId('details').locator('h3').innerText()).toBe(fn13.label);
    await expect
      .poll(() => page.evaluate((id) => window.cy!.getElementById(id).visible(), fn13.id))
      .toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('searches one kind: figures with "trade" lists the memo’s trade figures', async () => {
    const { page, errors } = await openExplorer(browser(), baseUrl);
    await page.getByRole('combobox', { name: 'Search in' }).selectOption({ label: 'Figures' });
    await page.getByRole('combobox', { name: 'Search the graph' }).fill('trade');
    const options = page.locator('.app-header .suggestions').getByRole('option');
    await expect.poll(() => options.count(), { timeout: 10_000 }).toBe(12);
    const labels = await options.locator('.hit-label').allInnerTexts();
    const meta = await options.locator('.hit-meta').allInnerTexts();
    expect(meta.every((m) => m.startsWith('Figure'))).toBe(true);
    for (const name of [
      'China-Russia bilateral trade up 30% in January-July 2022',
      'Chinese semiconductor sales to Russia fell 73% in March 2022',
      "China's semiconductor exports to Russia up 209% year over year, March-June 2022",
      'China overtook Germany as the largest buyer of Russian oil in June 2022',
      'Russian imports of Chinese aluminum oxide, May 2022',
    ])
      expect(labels).toContain(name);
    expect(labels).toHaveLength(12);
    expect(errors).toEqual([]);
    await page.close();
  });
});
