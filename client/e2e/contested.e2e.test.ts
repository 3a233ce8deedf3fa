// Issue 15 (item 4) in headless Chromium: a document that disagrees with the memo on planted facts
// (server/src/contested/fixtures/scratch-disagreeing-brief, written for the tests) is added through "Add document",
// imported; the Contested tab then sets each disagreement's two sides side by side, and
// the meeting whose date the documents disagree on says so in its details. The document is removed afterwards.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { browserForFile } from '../../test/support/browser.ts';
import { graphql, openExplorer, waitForGraph } from './support.ts';

const baseUrl = inject('baseUrl');
const browser = browserForFile();
const FIXTURE = path.resolve(
  import.meta.dirname,
  '../../server/src/contested/fixtures/scratch-disagreeing-brief',
);
const MEMO_ID = 'document:no-limits-memo';

afterAll(async () => {
  const { documents } = await graphql<{ documents: { id: string }[] }>(baseUrl, '{ documents { id } }');
  for (const d of documents.filter((x) => x.id !== MEMO_ID))
    await graphql(baseUrl, 'mutation ($id: ID!) { removeDocument(id: $id) }', { id: d.id });
});

describe('where documents disagree', () => {
  it('adds a document that disagrees with the memo, and the Contested tab shows both sides of each disagreement', async () => {
    const { page, errors } = await openExplorer(browser(), baseUrl);
    // The memo alone: only its own disputes.
    await page.getByRole('tab', { name: 'Contested' }).click();
    // Four tabs fit the side column: it does not scroll sideways (it did, cutting off the legend's left edge).
    const overflow = () =>
      page.evaluate(() => {
        const column = document.querySelector('.tabs')!.parentElement!;
        return column.scrollWidth - column.clientWidth;
      });
    expect(await overflow()).toBeLessThanOrEqual(1);
    const list = page.getByTestId('disagreements');
    await list.waitFor();
    const kindsBefore = await list
      .locator(':scope > li')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(new Set(kindsBefore)).toEqual(new Set(['DISPUTES']));

    await page.getByRole('button', { name: 'Add document' }).click();
    const pane = page.getByTestId('add-document');
    await pane
      .locator('input[type="file"]')
      .setInputFiles(readdirSync(FIXTURE).map((f) => path.join(FIXTURE, f)));
    await expect
      .poll(() => pane.getByTestId('add-counts').innerText())
      .toMatch(/^document:scratch-disagreeing-brief/);
    await pane.getByRole('button', { name: 'Import' }).click();
    await expect
      .poll(() => pane.getByRole('status').innerText(), { timeout: 20_000 })
      .toMatch(/^Imported “A second reading of September 2022/);
    await pane.getByRole('button', { name: 'Close' }).click();
    await waitForGraph(page);

    // Every planted kind of disagreement is listed, each with two sides, its documents named.
    await expect
      .poll(
        async () =>
          new Set(
            await list
              .locator(':scope > li')
              .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind'))),
          ),
      )
      .toEqual(new Set(['DISPUTES', 'DATE', 'PLACE', 'VALUE', 'SPEAKER', 'ATTENDANCE']));
    const date = list.locator('li[data-kind="DATE"]').first();
    await expect(date.innerText()).resolves.toMatch(/15 September 2022[\s\S]*16 September 2022/);
    await expect(date.getByTestId('side-a').innerText()).resolves.toMatch(/^no-limits-memo/);
    await expect(date.getByTestId('side-b').innerText()).resolves.toMatch(/^scratch-disagreeing-brief/);
    await expect(date.getByTestId('side-b').innerText()).resolves.toMatch(/16 September 2022 in Samarkand/);

    // "Show on graph" brings the meeting onto the canvas, selected, and its details list the disagreement.
    await date.getByRole('button', { name: 'Show on graph' }).click();
    const details = page.getByTestId('details');
    await expect
      .poll(() => details.getByTestId('node-disagreements').innerText())
      .toMatch(/different dates/i);
    await expect(details.getByTestId('contested-badge').count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
