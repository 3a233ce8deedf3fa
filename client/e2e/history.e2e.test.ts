// Issue 16 (item 4, history) in headless Chromium: a saved view changed and updated has two versions; the
// Versions list compares version 1 with the current one (counts in the panel, marks on the canvas), opens it
// read-only, and restores it (the view is then at version 3 with version 1's nodes); the view's history reads
// in words in the list, and a node never changed says so in its details.
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserForFile } from '../../test/support/browser.ts';
import { graphql, openExplorer, saveNewView, searchAndChoose, waitForGraph } from './support.ts';

const baseUrl = inject('baseUrl');
const browser = browserForFile();
const NAME = 'E2E: versions';
const XI = 'actor:xi-jinping';
const LI = 'actor:li-zhanshu';

/** Every node on the canvas (drawn or filtered), sorted. */
const canvasIds = (page: Page) =>
  page.evaluate(() =>
    window
      .cy!.nodes()
      .map((n) => n.id())
      .sort(),
  );
/** The classes of one element on the canvas. */
const classesOf = (page: Page, id: string) =>
  page.evaluate((id) => window.cy!.getElementById(id).classes().join(' '), id);

/** Selects a node by search and removes it from the picture. */
async function removeNode(page: Page, text: string, option: RegExp) {
  await searchAndChoose(page, text, option);
  await page.getByTestId('details').getByRole('button', { name: 'Remove', exact: true }).click();
}

describe('history', () => {
  it('compares, opens and restores an earlier version of a view, and reads its history', async () => {
    const { page, errors } = await openExplorer(browser(), baseUrl);
    // Version 1: the opening picture without Li Zhanshu.
    await removeNode(page, 'Li Zhanshu', /^Li Zhanshu\b.*Actor/);
    await saveNewView(page, NAME);
    const id = new URL(page.url()).searchParams.get('view')!;
    const v1 = await canvasIds(page);
    expect(v1).not.toContain(LI);
    expect(v1).toContain(XI);

    // Version 2: Li Zhanshu back, Xi Jinping gone.
    await searchAndChoose(page, 'Li Zhanshu', /^Li Zhanshu\b.*Actor/);
    // He arrives with his neighbourhood's answer, which may come after the layout check.
    await expect.poll(() => canvasIds(page)).toContain(LI);
    await removeNode(page, 'Xi Jinping', /^Xi Jinping\b.*Actor/);
    await expect.poll(() => canvasIds(page)).not.toContain(XI);
    await page.getByRole('button', { name: `Update “${NAME}” with this picture` }).click();
    await page.getByText(`Updated “${NAME}” (version 2).`).waitFor();

    // The versions, newest first: 2 (current) and 1 with its buttons.
    const current = page.getByTestId('current-view');
    const versions = current.getByTestId('versions');
    await versions.locator('summary').first().click();
    const list = versions.getByRole('list', { name: `Versions of ${NAME}, newest first` });
    await expect
      .poll(() =>
        list.locator(':scope > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-version'))),
      )
      .toEqual(['2', '1']);
    await expect(list.locator('li[data-version="2"]').innerText()).resolves.toMatch(
      /Version 2 updated \(current\)/,
    );

    // Compare version 1 with the current one: counted in the panel, marked on the canvas.
    await list.getByRole('button', { name: 'Compare version 1 with current' }).click();
    await waitForGraph(page);
    await expect
      .poll(() => versions.getByTestId('version-diff').innerText())
      .toMatch(/^Version 1 → 2 \(current\): 1 node added, 1 removed; \d+ relationships? added, \d+ removed/);
    await expect(page.getByTestId('earlier-version').innerText()).resolves.toMatch(
      /Comparing version 1 of “E2E: versions”/,
    );
    await expect.poll(() => classesOf(page, LI)).toContain('version-added');
    await expect.poll(() => classesOf(page, XI)).toContain('version-removed');
    // Both pictures' nodes are drawn: the current one's, and Xi Jinping where he was.
    await expect.poll(() => canvasIds(page)).toEqual([...v1, LI].sort());
    // A relationship of Xi Jinping's is removed, one of Li Zhanshu's added.
    const marked = await page.evaluate(
      ([xi, li]) => ({
        removed: window
          .cy!.getElementById(xi!)
          .connectedEdges()
          .every((e) => e.classes().includes('version-removed')),
        added: window
          .cy!.getElementById(li!)
          .connectedEdges()
          .some((e) => e.classes().includes('version-added')),
      }),
      [XI, LI],
    );
    expect(marked).toEqual({ removed: true, added: true });

    // Open version 1: drawn as it was, read-only, with the way back.
    await list.getByRole('button', { name: 'Open version 1' }).click();
    await waitForGraph(page);
    await expect.poll(() => canvasIds(page)).toEqual(v1);
    const banner = page.getByTestId('earlier-version');
    await expect(banner.innerText()).resolves.toMatch(
      /Version 1 of “E2E: versions”: an earlier version.*read-only/,
    );
    await expect(
      page.getByRole('button', { name: `Update “${NAME}” with this picture` }).isDisabled(),
    ).resolves.toBe(true);
    await banner.getByRole('button', { name: 'Back to the current version' }).click();
    await waitForGraph(page);
    await expect.poll(() => banner.count()).toBe(0);
    await expect.poll(() => canvasIds(page)).toEqual(expect.arrayContaining([LI]));

    // Restore version 1: the view is at version 3 with version 1's nodes.
    await list.getByRole('button', { name: 'Restore version 1' }).click();
    await page.getByText('Restored version 1 as version 3.').waitFor();
    await waitForGraph(page);
    await expect.poll(() => current.innerText()).toMatch(/version 3/);
    await expect.poll(() => canvasIds(page)).toEqual(v1);
    const { view } = await graphql<{ view: { version: number; nodeIds: string[] } }>(
      baseUrl,
      'query($id: ID!) { view(id: $id) { version nodeIds } }',
      { id },
    );
    expect(view.version).toBe(3);
    expect([...view.nodeIds].sort()).toEqual(v1);
    await expect
      .poll(() =>
        list.locator(':scope > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-version'))),
      )
      .toEqual(['3', '2', '1']);

    // Two earlier versions compared with each other: version 1 with version 2 (neither is the current one).
    await versions.getByLabel('Compare from version').selectOption('1');
    await versions.getByLabel('Compare with version').selectOption('2');
    await versions.getByRole('button', { name: 'Compare', exact: true }).click();
    await expect
      .poll(() => versions.getByTestId('version-diff').innerText())
      .toMatch(/^Version 1 → 2: 1 node added, 1 removed/);
    await expect(page.getByTestId('earlier-version').innerText()).resolves.toMatch(
      /Comparing version 1 of .* with version \(2\)/,
    );
    await page
      .getByTestId('earlier-version')
      .getByRole('button', { name: 'Back to the current version' })
      .click();
    await waitForGraph(page);

    // The view's history in the list, in words, newest first.
    const item = page.getByTestId('view-list').locator('li.view', { hasText: NAME });
    const history = item.getByTestId('history');
    await history.locator('summary').first().click();
    const lines = history.locator('.history-list > li .history-what');
    await expect
      .poll(() => lines.allInnerTexts())
      .toEqual([
        'Version 1 restored as version 3',
        'View updated (version 2): 1 node added, 1 node removed',
        'View saved (version 1)',
      ]);
    // Who and when, and the before and after in full behind a disclosure.
    await expect(history.locator('.history-list > li').first().innerText()).resolves.toMatch(
      / · \d{4}-\d\d-\d\d \d\d:\d\d/,
    );
    const full = history.locator('.history-full').first();
    await full.locator('summary').click();
    await expect(full.innerText()).resolves.toMatch(/"restoredFrom": 1/);

    // A node never changed says so in its details (its history asked for when the section is opened).
    await searchAndChoose(page, 'Xi Jinping', /^Xi Jinping\b.*Actor/);
    const nodeHistory = page.getByTestId('details').getByTestId('history');
    await nodeHistory.locator('summary').first().press('Enter');
    await expect
      .poll(() => nodeHistory.getByTestId('history-none').innerText())
      .toMatch(/^No changes since it was loaded from its document/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
