// Issue 15 in headless Chromium: "Add document" previews a second document's files (nothing written), shows how
// its entities match the graph's, imports it on the analyst's word, and the graph then holds its claims beside
// the memo's, with one Xi Jinping named by both; the Documents tab lists it and removes it again (the API removes
// it too if a test failed halfway), so the other tests find the memo alone.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { browserForFile } from '../../test/support/browser.ts';
import { BRIEF_DIR } from '../../graph-seed/src/fixtures/documents.ts';
import { graphql, openExplorer, searchAndChoose, waitForGraph } from './support.ts';

const baseUrl = inject('baseUrl');
const browser = browserForFile();
const BRIEF_ID = 'document:scratch-samarkand-brief';

const stats = () => graphql<{ stats: { nodeCount: number } }>(baseUrl, '{ stats { nodeCount } }');

afterAll(async () => {
  const { documents } = await graphql<{ documents: { id: string }[] }>(baseUrl, '{ documents { id } }');
  if (documents.some((d) => d.id === BRIEF_ID))
    await graphql(baseUrl, 'mutation ($id: ID!) { removeDocument(id: $id) }', { id: BRIEF_ID });
});

describe('adding a document', () => {
  it('previews the files, matches the memo’s entities, imports on the analyst’s word, and the graph shows it', async () => {
    const before = (await stats()).stats.nodeCount;
    const { page, errors } = await openExplorer(browser(), baseUrl);
    await page.getByRole('button', { name: 'Add document' }).click();
    const pane = page.getByTestId('add-document');
    const files = readdirSync(BRIEF_DIR).map((f) => path.join(BRIEF_DIR, f));
    await pane.locator('input[type="file"]').setInputFiles(files);

    // The review: what would change, and the memo's entities it names, proposed as the same by their ids.
    await expect
      .poll(() => pane.getByTestId('add-counts').innerText())
      .toMatch(/^document:scratch-samarkand-brief: \d+ to add/);
    const xi = pane.locator('tr[data-id="actor:xi-jinping"]');
    await expect(xi.locator('td').nth(1).innerText()).resolves.toBe('actor:xi-jinping');
    await expect(xi.locator('td').nth(2).innerText()).resolves.toBe('same id');
    await expect(xi.getByRole('combobox').inputValue()).resolves.toBe('SAME');
    // Nothing is written before "Import".
    expect((await stats()).stats.nodeCount).toBe(before);

    await pane.getByRole('button', { name: 'Import' }).click();
    await expect
      .poll(() => pane.getByRole('status').innerText(), { timeout: 20_000 })
      .toMatch(/^Imported “After Samarkand: a second look”: 8 nodes and 7 relationships/);
    // Its own actor, statement and figure are new; the shared ones are not counted twice.
    expect((await stats()).stats.nodeCount).toBe(before + 5);

    // The graph has it: its statement is found, and Xi Jinping is named by both documents.
    await pane.getByRole('button', { name: 'Close' }).click();
    await waitForGraph(page);
    await searchAndChoose(page, 'extend strong support', /ready to work with Russia/);
    await expect(page.getByTestId('details').getByTestId('quote').innerText()).resolves.toContain(
      'China is ready to work with Russia',
    );
    await searchAndChoose(page, 'Xi Jinping', /^Xi Jinping\b.*Actor/);
    await expect
      .poll(() => page.getByTestId('details').innerText())
      .toMatch(/named in documents\s*no-limits-memo, scratch-samarkand-brief/i);

    // The Documents tab lists both; removing the brief there takes exactly its claims away.
    await page.getByRole('tab', { name: 'Documents' }).click();
    const list = page.getByTestId('document-list');
    const item = list.locator(`li[data-id="${BRIEF_ID}"]`);
    await expect(item.innerText()).resolves.toMatch(
      /After Samarkand: a second look[\s\S]*8 nodes, 7 relationships/,
    );
    await expect(list.locator('li[data-id="document:no-limits-memo"]').count()).resolves.toBe(1);
    await item.getByRole('button', { name: 'Remove After Samarkand: a second look' }).click();
    await item.getByRole('button', { name: 'Remove', exact: true }).click();
    await page.getByText('Removed “After Samarkand: a second look”.').waitFor();
    expect((await stats()).stats.nodeCount).toBe(before);
    await expect.poll(() => list.locator('li').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists every error of files that cannot be imported, and writes nothing', async () => {
    const before = (await stats()).stats.nodeCount;
    const { page, errors } = await openExplorer(browser(), baseUrl);
    await page.getByRole('button', { name: 'Add document' }).click();
    const pane = page.getByTestId('add-document');
    await pane.locator('input[type="file"]').setInputFiles([
      {
        name: 'document.yaml',
        mimeType: 'text/yaml',
        buffer: Buffer.from('document:\n  title: No source\n'),
      },
      { name: 'notes.yaml', mimeType: 'text/yaml', buffer: Buffer.from('x: 1\n') },
    ]);
    const list = pane.getByTestId('add-errors');
    await list.waitFor();
    const shown = await list.locator('li').allInnerTexts();
    expect(shown.length).toBeGreaterThanOrEqual(2);
    expect(shown.some((e) => e.startsWith('notes.yaml'))).toBe(true);
    expect(shown.some((e) => e.startsWith('document.yaml'))).toBe(true);
    expect((await stats()).stats.nodeCount).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });
});
