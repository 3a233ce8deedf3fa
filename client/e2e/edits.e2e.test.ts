// Edits that cite, in headless Chromium (issue 16): add a cited relationship on the canvas, see it drawn, retract
// it with a reason and see it gone; correct a scratch actor, merge it with another (both made through the API, so the
// memo stays as other tests expect it) and undo the merge, both back. What the test makes it retracts at the end.
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { browserForFile } from '../../test/support/browser.ts';
import { graphql, openExplorer, searchAndChoose, waitForGraph } from './support.ts';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

const MODI = 'actor:narendra-modi';
const RAIMONDO = 'actor:gina-raimondo';

/** What the test made and must retract at the end. */
const made: string[] = [];

afterAll(async () => {
  for (const id of made) {
    await graphql(baseUrl, 'mutation($id: ID!) { retract(id: $id, reason: "e2e clean-up") }', { id }).catch(
      () => {},
    );
  }
});

const history = (id: string) =>
  graphql<{ history: { id: string; action: string; targetId: string; before: unknown; after: unknown }[] }>(
    baseUrl,
    'query($id: ID!) { history(id: $id) { id action targetId before after } }',
    { id },
  ).then((d) => d.history);

const nodeExists = (id: string) =>
  graphql<{ node: { id: string } | null }>(baseUrl, 'query($id: ID!) { node(id: $id) { id } }', { id }).then(
    (d) => d.node !== null,
  );

/** Ids of the canvas's relationships from `source` to `target` of `type`. */
const drawnEdges = (page: Page, source: string, type: string, target: string) =>
  page.evaluate(
    ([s, t, y]) =>
      window
        .cy!.edges()
        .filter((e) => e.data('source') === s && e.data('target') === t && e.data('type') === y)
        .map((e) => e.id()),
    [source, target, type] as const,
  );

const selectedIds = (page: Page) =>
  page.evaluate(() => window.cy!.$(':selected, .selected').map((e) => e.id()));

describe('edits that cite', () => {
  it('adds a cited relationship on the canvas, then retracts it with a reason', async () => {
    // The memo does not link Modi and Raimondo: the relationship is new.
    expect(await drawnEdgesViaApi()).toEqual([]);
    const { page, errors } = await openExplorer(browser(), baseUrl);
    await searchAndChoose(page, 'Narendra Modi', /^Narendra Modi\b.*Actor/);
    const details = page.getByTestId('details');
    await details.getByRole('button', { name: 'Add relationship…' }).click();
    const pane = page.getByTestId('edit-pane');
    const send = pane.getByRole('button', { name: 'Add relationship', exact: true });

    await pane.getByLabel('Type').selectOption('MET_WITH');
    await pane.getByRole('combobox', { name: 'Other end' }).fill('Gina Raimondo');
    await pane
      .getByRole('option', { name: /^Gina Raimondo\b/ })
      .first()
      .click();
    await expect(pane.getByTestId('edit-other').innerText()).resolves.toBe('Gina Raimondo');
    // Both directions are possible between two actors: offered.
    await expect(pane.getByRole('radio', { name: 'Gina Raimondo → Narendra Modi' }).count()).resolves.toBe(1);
    // Without a basis and a citation it cannot be sent, and says what is missing.
    expect(await send.isDisabled()).toBe(true);
    await expect(pane.getByTestId('edit-missing').innerText()).resolves.toMatch(/states it or you infer/);
    await pane.getByLabel('Inferred: my reading of the source').check();
    await pane.getByLabel('Source', { exact: true }).selectOption({ index: 1 });
    expect(await send.isDisabled()).toBe(true);
    await expect(pane.getByTestId('edit-missing').innerText()).resolves.toBe(
      'Say what the inference rests on.',
    );
    await pane.getByLabel('What the inference rests on').fill('Both at the same summit (e2e test).');
    await send.click();

    // Drawn and selected.
    await expect.poll(() => drawnEdges(page, MODI, 'MET_WITH', RAIMONDO)).toHaveLength(1);
    const [edgeId] = await drawnEdges(page, MODI, 'MET_WITH', RAIMONDO);
    made.push(edgeId!);
    await expect.poll(() => selectedIds(page)).toContain(edgeId);
    await expect(pane.getByTestId('edit-notice').innerText()).resolves.toContain(
      'Added Narendra Modi MET_WITH Gina Raimondo.',
    );
    await expect(details.locator('article').first().getAttribute('aria-label')).resolves.toBe(
      'Relationship MET_WITH',
    );
    await expect(details.getByTestId('inferred').innerText()).resolves.toContain('Both at the same summit');

    // Retract it: a reason, then a confirmation; it leaves the canvas.
    await details.getByRole('button', { name: 'Retract…' }).first().click();
    const retractButton = pane.getByRole('button', { name: 'Retract…' });
    expect(await retractButton.isDisabled()).toBe(true);
    await pane.getByLabel('Reason').fill('Added by the e2e test, to be retracted.');
    await retractButton.click();
    await pane.getByRole('button', { name: 'Confirm retraction' }).click();
    await expect.poll(() => drawnEdges(page, MODI, 'MET_WITH', RAIMONDO)).toEqual([]);
    await expect(pane.getByTestId('edit-notice').innerText()).resolves.toContain('Retracted');
    made.splice(made.indexOf(edgeId!), 1);

    // The canvas, loaded again, does not draw it.
    await page.reload();
    await waitForGraph(page);
    expect(await drawnEdges(page, MODI, 'MET_WITH', RAIMONDO)).toEqual([]);

    // Both writes are in the relationship's history, and in the history of each of its ends.
    expect((await history(edgeId!)).map((e) => e.action)).toEqual(['RETRACT', 'ADD_EDGE']);
    for (const end of [MODI, RAIMONDO]) {
      const ofEnd = (await history(end)).filter((e) => e.targetId === edgeId);
      expect(ofEnd.map((e) => e.action)).toEqual(['RETRACT', 'ADD_EDGE']);
    }
    // And the page shows them in Modi's History.
    await searchAndChoose(page, 'Narendra Modi', /^Narendra Modi\b.*Actor/);
    const nodeHistory = details.getByTestId('history');
    await nodeHistory.locator('summary').first().press('Enter');
    const lines = nodeHistory.locator('.history-list > li');
    await expect.poll(() => lines.count()).toBeGreaterThanOrEqual(2);
    await expect(lines.nth(0).getAttribute('data-action')).resolves.toBe('RETRACT');
    await expect(lines.nth(0).innerText()).resolves.toContain('Added by the e2e test, to be retracted.');
    await expect(lines.nth(1).getAttribute('data-action')).resolves.toBe('ADD_EDGE');
    await expect(lines.nth(1).innerText()).resolves.toMatch(/Relationship added/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('merges two actors, then undoes the merge: both are back', async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const { node } = await graphql<{ node: { sources: { id: string }[] } }>(
      baseUrl,
      `{ node(id: "${MODI}") { sources { id } } }`,
    );
    const sourceId = node.sources[0]!.id;
    const add = (label: string) =>
      graphql<{ addNode: { id: string } }>(
        baseUrl,
        'mutation($label: String!, $sourceId: ID!) { addNode(input: { kind: ACTOR, label: $label, basis: STATED, citations: [{ sourceId: $sourceId }] }) { id } }',
        { label, sourceId },
      ).then((d) => d.addNode.id);
    const keptLabel = `Scratchactor Kept ${tag}`;
    const mergedLabel = `Scratchactor Merged ${tag}`;
    const kept = await add(keptLabel);
    const merged = await add(mergedLabel);
    made.push(kept, merged);

    const { page, errors } = await openExplorer(browser(), baseUrl);
    await searchAndChoose(page, keptLabel, new RegExp(`^${keptLabel}\\b`));
    const details = page.getByTestId('details');
    const pane = page.getByTestId('edit-pane');

    // A correction first: a new property, citing the node's source, from version 1.
    await details.getByRole('button', { name: 'Correct…' }).click();
    await pane.getByLabel('Property', { exact: true }).selectOption({ label: 'Another property…' });
    await pane.getByLabel('Property name').fill('role');
    await pane.getByLabel('New value').fill('Scratch role');
    const save = pane.getByRole('button', { name: 'Save correction' });
    expect(await save.isDisabled()).toBe(true);
    await pane.getByLabel('Source', { exact: true }).selectOption({ index: 1 });
    await save.click();
    await expect.poll(() => pane.getByTestId('edit-notice').innerText()).toContain('(version 2)');
    const corrected = await graphql<{ node: { version: number; properties: { role?: string } } }>(
      baseUrl,
      'query($id: ID!) { node(id: $id) { version properties } }',
      { id: kept },
    );
    expect(corrected.node).toMatchObject({ version: 2, properties: { role: 'Scratch role' } });

    await details.getByRole('button', { name: 'Merge with…' }).click();
    await pane.getByRole('combobox', { name: 'Merge with' }).fill(mergedLabel);
    await pane
      .getByRole('option', { name: new RegExp(`^${mergedLabel}\\b`) })
      .first()
      .click();
    // Side by side, the node it was opened on kept by default.
    const compare = pane.getByTestId('merge-compare');
    await expect(compare.innerText()).resolves.toContain(mergedLabel);
    await expect(compare.innerText()).resolves.toMatch(/Relationships/);
    await pane.getByRole('button', { name: `Merge, keeping “${keptLabel}”` }).click();

    const notice = pane.getByTestId('edit-notice');
    await expect.poll(() => notice.innerText()).toContain(`Merged “${mergedLabel}” into “${keptLabel}”.`);
    await waitForGraph(page);
    await expect.poll(() => selectedIds(page)).toContain(kept);
    expect(await nodeExists(merged)).toBe(false);
    const keptNode = await graphql<{ node: { properties: { aliases?: string[] } } }>(
      baseUrl,
      'query($id: ID!) { node(id: $id) { properties } }',
      { id: kept },
    );
    expect(keptNode.node.properties.aliases).toContain(mergedLabel);
    expect((await history(kept)).map((e) => e.action)).toEqual(['MERGE_NODES', 'UPDATE_NODE', 'ADD_NODE']);

    // Undo: both back, as they were.
    await notice.getByRole('button', { name: 'Undo merge' }).click();
    await expect.poll(() => notice.innerText()).toContain('Merge undone');
    expect(await nodeExists(merged)).toBe(true);
    expect(await nodeExists(kept)).toBe(true);
    const after = await graphql<{ node: { properties: { aliases?: string[] } } }>(
      baseUrl,
      'query($id: ID!) { node(id: $id) { properties } }',
      { id: kept },
    );
    expect(after.node.properties.aliases ?? []).not.toContain(mergedLabel);
    expect((await history(merged)).map((e) => e.action)).toEqual(['UNMERGE', 'MERGE_NODES', 'ADD_NODE']);
    await waitForGraph(page);
    await expect.poll(() => selectedIds(page)).toContain(kept);
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** The memo's MET_WITH between Modi and Raimondo, either way (none expected). */
async function drawnEdgesViaApi(): Promise<string[]> {
  const { neighborhood } = await graphql<{
    neighborhood: { edges: { id: string; source: string; target: string; type: string }[] };
  }>(baseUrl, `{ neighborhood(id: "${MODI}", depth: 1, limit: 500) { edges { id source target type } } }`);
  return neighborhood.edges
    .filter((e) => e.type === 'MET_WITH' && [e.source, e.target].includes(RAIMONDO))
    .map((e) => e.id);
}
