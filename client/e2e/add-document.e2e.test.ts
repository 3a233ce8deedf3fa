// Issue 15 in headless Chromium: "Add document" previews a second document's files (nothing written), shows how
// its entities match the graph's, imports it on the analyst's word, and the graph then holds its claims beside
// the memo's, with one Xi Jinping named by both; the Documents tab lists it and removes it again (the API removes
// it too if a test failed halfway), so the other tests find the memo alone.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { browserForFile } from '../../test/support/browser.ts';
import { BRIEF_DIR } from '../../graph-seed/src/fixtures/documents.ts';
import { graphql, openExplorer, searchAndChoose, waitForGraph } from './support.ts';

const baseUrl = inject('baseUrl');
const browser = browserForFile();
const BRIEF_ID = 'document:scratch-samarkand-brief';

const stats = () => graphql<{ stats: { nodeCount: number } }>(baseUrl, '{ stats { nodeCount } }');

const MEMO_ID = 'document:no-limits-memo';
const VARIANTS_DIR = path.resolve(
  import.meta.dirname,
  '../../server/src/documents/fixtures/scratch-variants-brief',
);
const DRAFT_TEXT = readFileSync(path.join(import.meta.dirname, 'fixtures/draft-brief.txt'), 'utf8');

// Every document but the memo goes again, whatever a test left behind.
afterAll(async () => {
  const { documents } = await graphql<{ documents: { id: string }[] }>(baseUrl, '{ documents { id } }');
  for (const d of documents.filter((x) => x.id !== MEMO_ID))
    await graphql(baseUrl, 'mutation ($id: ID!) { removeDocument(id: $id) }', { id: d.id });
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
    // The same id is the same entity: no choice is offered (the import would refuse to keep it apart).
    await expect(xi.locator('td').nth(4).innerText()).resolves.toBe('The same entity (its id)');
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
    // Unticking the memo leaves its own claims off the canvas; Xi Jinping, whom the brief names too, stays.
    const visible = (id: string) => page.evaluate((x) => window.cy!.getElementById(x).visible(), id);
    const memoClaim = 'statement:xi-strong-mutual-support-core-interests';
    await expect.poll(() => visible(memoClaim)).toBe(true);
    const memoBox = page.getByRole('checkbox', { name: /^Draw the claims of ‘No Limits’/ });
    await memoBox.uncheck();
    await expect.poll(() => visible(memoClaim)).toBe(false);
    expect(await visible('actor:xi-jinping')).toBe(true);
    await memoBox.check();
    await expect.poll(() => visible(memoClaim)).toBe(true);
    await item.getByRole('button', { name: 'Remove After Samarkand: a second look' }).click();
    await item.getByRole('button', { name: 'Remove', exact: true }).click();
    await page.getByText('Removed “After Samarkand: a second look”.').waitFor();
    expect((await stats()).stats.nodeCount).toBe(before);
    await expect.poll(() => list.locator('li').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('drafts a pasted plain text: quotes with their speakers and dates, accepted, reviewed and imported', async () => {
    const before = (await stats()).stats.nodeCount;
    const { page, errors } = await openExplorer(browser(), baseUrl);
    await page.getByRole('button', { name: 'Add document' }).click();
    const pane = page.getByTestId('add-document');
    await pane.getByLabel(/Or paste a document’s plain text/).fill(DRAFT_TEXT);
    await pane.getByRole('button', { name: 'Propose a draft' }).click();

    // The draft: both quotes, Putin found in the graph by the name the text uses, the other a new actor.
    await expect
      .poll(() => pane.getByTestId('draft-counts').innerText())
      .toMatch(/^The text proposes 2 quotes/);
    const quotes = pane.getByTestId('draft-quotes').locator('li');
    await expect(quotes.nth(0).innerText()).resolves.toMatch(
      /“This is not a bluff\.”[\s\S]*Vladimir Putin \(in the graph\)[\s\S]*21 September 2022/,
    );
    await expect(quotes.nth(1).innerText()).resolves.toMatch(/Dana Testwright \(a new actor\)/);
    await expect(pane.getByLabel('Title').inputValue()).resolves.toMatch(
      /^Test brief: a speech in September/,
    );
    await expect(pane.getByLabel('Date').inputValue()).resolves.toBe('2022-10-20');
    // Nothing accepted yet, so nothing to review.
    await expect(pane.getByRole('button', { name: /^Review the import/ }).isDisabled()).resolves.toBe(true);
    await pane.getByRole('button', { name: 'Accept every quote with a speaker' }).click();
    await pane.getByRole('button', { name: 'Review the import (2 quotes)' }).click();

    // The same review and import as any document's files.
    await expect
      .poll(() => pane.getByTestId('add-counts').innerText())
      .toMatch(/^document:test-brief[\w-]*: \d+ to add/);
    expect((await stats()).stats.nodeCount).toBe(before);
    await pane.getByRole('button', { name: 'Import' }).click();
    await expect
      .poll(() => pane.getByRole('status').innerText(), { timeout: 20_000 })
      .toMatch(/^Imported “Test brief: a speech in September/);
    // Two statements, the new speaker and the document's own source; Putin is the memo's, not a second one.
    expect((await stats()).stats.nodeCount).toBe(before + 4);
    await pane.getByRole('button', { name: 'Close' }).click();
    await waitForGraph(page);
    await searchAndChoose(page, 'second quote has a new speaker', /second quote has a new speaker/);
    await expect(page.getByTestId('details').innerText()).resolves.toMatch(/Dana Testwright/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('imports with one proposed match changed: "Wladimir Putin" judged the memo’s Vladimir Putin', async () => {
    const before = (await stats()).stats.nodeCount;
    const { page, errors } = await openExplorer(browser(), baseUrl);
    await page.getByRole('button', { name: 'Add document' }).click();
    const pane = page.getByTestId('add-document');
    await pane
      .locator('input[type="file"]')
      .setInputFiles(readdirSync(VARIANTS_DIR).map((f) => path.join(VARIANTS_DIR, f)));
    const putin = pane.locator('tr[data-id="actor:scratch-wladimir-putin"]');
    await expect(putin.locator('td').nth(1).innerText()).resolves.toBe('actor:vladimir-putin');
    // Below a sure match, the first offer is "unsure" (kept apart, flagged): the analyst says it is him.
    const judgement = putin.getByRole('combobox', { name: 'Judgement on actor:scratch-wladimir-putin' });
    await expect(judgement.inputValue()).resolves.toBe('UNSURE');
    await judgement.selectOption('SAME');
    await pane.getByRole('button', { name: 'Import' }).click();
    await expect
      .poll(() => pane.getByRole('status').innerText(), { timeout: 20_000 })
      .toMatch(/^Imported “Variants: the memo's actors spelt otherwise”/);
    // One Vladimir Putin, named by both documents; the ones left unsure or new are new nodes.
    const { node } = await graphql<{ node: { properties: { documents: string[] } } | null }>(
      baseUrl,
      '{ node(id: "actor:vladimir-putin") { properties } }',
    );
    expect(node?.properties.documents).toEqual(['no-limits-memo', 'scratch-variants-brief']);
    const merged = await graphql<{ node: unknown }>(
      baseUrl,
      '{ node(id: "actor:scratch-wladimir-putin") { id } }',
    );
    expect(merged.node).toBeNull();
    expect((await stats()).stats.nodeCount).toBeGreaterThan(before);
    await pane.getByRole('button', { name: 'Close' }).click();
    await waitForGraph(page);
    await searchAndChoose(page, 'Variants Desk', /^Variants Desk\b/);
    await expect(page.getByTestId('details').locator('h3').innerText()).resolves.toBe('Variants Desk');
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
