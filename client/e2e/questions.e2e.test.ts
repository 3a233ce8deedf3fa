// Issue 13's "done when", in headless Chromium: a new analyst answers each of the memo's four questions from the
// page alone, in at most three actions after it opens. An action is one thing a person does: a click, or typing
// into one box. Each question starts on a freshly opened page, and each answer is checked against the API.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile } from '../../test/support/browser.ts';
import { graphql, openExplorer, waitForLayout } from './support.ts';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

/** The most actions a question may take. */
const MOST_ACTIONS = 3;

/** Counts the analyst's actions: each one goes through here. */
function analyst() {
  let count = 0;
  return {
    get actions() {
      return count;
    },
    async click(locator: ReturnType<Page['locator']>) {
      count++;
      await locator.click();
    },
    async type(locator: ReturnType<Page['locator']>, text: string) {
      count++;
      await locator.fill(text);
    },
  };
}

const details = (page: Page) => page.getByTestId('details');
const startPanel = (page: Page) => page.getByTestId('start');
const searchBox = (page: Page) => page.getByRole('combobox', { name: 'Search the graph' });
const suggestion = (page: Page, name: RegExp) =>
  page.locator('.app-header').getByRole('option', { name }).first();
const table = (page: Page) => page.getByTestId('results-table');
const tableRows = (page: Page) =>
  table(page).evaluate((el) =>
    [...el.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
    ),
  );

interface Neighbour {
  id: string;
  label: string;
}

/** The labels of the nodes joined to `id` by relationships of `type`, as the API gives them. */
async function joined(id: string, type: string): Promise<string[]> {
  const { neighborhood } = await graphql<{
    neighborhood: { nodes: Neighbour[]; edges: { source: string; target: string; type: string }[] };
  }>(
    baseUrl,
    `
      query ($id: ID!, $types: [String!]) {
        neighborhood(id: $id, depth: 1, limit: 500, filter: { relationshipTypes: $types }) {
          nodes {
            id
            label
          }
          edges {
            source
            target
            type
          }
        }
      }
    `,
    { id, types: [type] },
  );
  const ends = new Set(neighborhood.edges.filter((e) => e.type === type).map((e) => e.source));
  return neighborhood.nodes.filter((n) => ends.has(n.id) && n.id !== id).map((n) => n.label);
}

describe('a new analyst answers the memo’s questions in at most three actions', () => {
  it('who attended the Samarkand SCO summit', async () => {
    const { page, errors } = await openExplorer(browser(), baseUrl);
    const me = analyst();
    await me.type(searchBox(page), 'Samarkand summit');
    await me.click(suggestion(page, /^SCO summit in Samarkand/));
    await waitForLayout(page);
    expect(me.actions).toBeLessThanOrEqual(MOST_ACTIONS);

    await expect.poll(() => details(page).locator('h3').innerText()).toMatch(/^SCO summit in Samarkand/);
    const attendees = await joined('meeting:sco-summit-samarkand-2022', 'ATTENDED');
    expect(attendees).toEqual(expect.arrayContaining(['Xi Jinping', 'Vladimir Putin']));
    // Every attendee is listed in the details as "← ATTENDED <name>".
    const listed = await details(page)
      .locator('.relationships li')
      .evaluateAll((lis) => lis.map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim()));
    const attended = listed.filter((l) => l.startsWith('← ATTENDED ')).map((l) => l.slice(11));
    expect(attended.sort()).toEqual([...attendees].sort());
    expect(errors).toEqual([]);
    await page.close();
  });

  it('which meetings took place in September 2022', async () => {
    const { page, errors } = await openExplorer(browser(), baseUrl);
    const me = analyst();
    await me.click(startPanel(page).getByRole('button', { name: 'Meetings', exact: true }));
    await me.type(table(page).getByLabel('Dates'), 'September 2022');
    expect(me.actions).toBeLessThanOrEqual(MOST_ACTIONS);

    const { nodes } = await graphql<{ nodes: { label: string; date: string | null }[] }>(
      baseUrl,
      '{ nodes(kind: MEETING, limit: 1000) { label date } }',
    );
    const september = nodes.filter((n) => n.date?.startsWith('2022-09')).map((n) => n.label);
    expect(september.length).toBeGreaterThan(5);
    await expect.poll(async () => (await tableRows(page)).map((r) => r[0]).sort()).toEqual(september.sort());
    // Each row gives the date as the source does.
    const rows = await tableRows(page);
    expect(rows.find((r) => r[0]!.startsWith('SCO summit in Samarkand'))?.[2]).toBe('15–16 September 2022');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('every trade and export figure with its value, period and footnote', async () => {
    const { page, errors } = await openExplorer(browser(), baseUrl);
    const me = analyst();
    await me.click(startPanel(page).getByRole('button', { name: 'Figures', exact: true }));
    expect(me.actions).toBeLessThanOrEqual(MOST_ACTIONS);

    const { nodes } = await graphql<{ nodes: { label: string }[] }>(
      baseUrl,
      '{ nodes(kind: FIGURE, limit: 1000) { label } }',
    );
    await expect.poll(async () => (await tableRows(page)).length).toBe(nodes.length);
    const header = await table(page)
      .locator('thead th')
      .evaluateAll((ths) => ths.map((th) => (th.textContent ?? '').replace(/[▲▼]/g, '').trim()));
    for (const column of ['Value', 'Unit', 'Period', 'Footnotes']) expect(header).toContain(column);
    const rows = await tableRows(page);
    const at = (column: string) => header.indexOf(column);
    // Every figure row says what it measures (a value, or the memo's words where it gives no number) and over
    // what period, and what it rests on: a footnote, or the memo itself where it gives none.
    for (const r of rows) {
      expect(r[at('Value')] || r[at('Change')], r[0]).not.toBe('');
      expect(r[at('Period')], r[0]).not.toBe('');
      expect(r[at('Footnotes')], r[0]).toMatch(/^(\d+|‘No Limits’)/);
    }
    const trade = rows.find((r) => r[0] === 'China-Russia bilateral trade up 30% in January-July 2022')!;
    expect([trade[at('Value')], trade[at('Period')]]).toEqual([
      '30',
      'January-July 2022 vs January-July 2021',
    ]);
    expect(trade[at('Footnotes')]).toMatch(/^13; /);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('how Narendra Modi is connected to Xi Jinping', async () => {
    const { page, errors } = await openExplorer(browser(), baseUrl);
    const me = analyst();
    await me.type(searchBox(page), 'Modi to Xi');
    await me.click(suggestion(page, /How Narendra Modi is connected to Xi Jinping/));
    expect(me.actions).toBeLessThanOrEqual(MOST_ACTIONS);

    // The shortest path is drawn on the canvas and explained, with its citations, in the details.
    await details(page).getByTestId('path-details').waitFor();
    await waitForLayout(page);
    const explanation = await details(page).getByTestId('path-details-explanation').innerText();
    expect(explanation).toMatch(/^Narendra Modi .*Xi Jinping/s);
    await expect(
      details(page)
        .getByText(/^Citations \([1-9]\d*\)/)
        .count(),
    ).resolves.toBe(1);
    const onPath = await page.evaluate(() =>
      window.cy!.$('node.on-path').map((n) => n.data('label') as string),
    );
    expect(onPath).toEqual(expect.arrayContaining(['Narendra Modi', 'Xi Jinping']));
    // The paths panel holds the question and its other answers.
    await expect(page.getByTestId('path-from').innerText()).resolves.toBe('Narendra Modi');
    await expect(page.getByTestId('path-to').innerText()).resolves.toBe('Xi Jinping');
    expect(errors).toEqual([]);
    await page.close();
  });
});
