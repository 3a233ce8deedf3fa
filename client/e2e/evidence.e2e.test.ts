// Evidence in headless Chromium, on the memo's graph (issue 14): the selected statement's passage, marked in its
// paragraph of the memo's text, and its source's grade beside the citation; "only what the sources state" takes
// the inferred relationships off the canvas, and a minimum grade what rests on no source graded high enough; a
// contested claim has its badge and ring, and its details set both sides side by side.
import { describe, expect, inject, it } from 'vitest';
import { browserForFile } from '../../test/support/browser.ts';
import { openExplorer, searchAndChoose, visibleNodeIds } from './support.ts';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

describe('evidence', () => {
  it("shows the selected statement's passage and its source's grade", async () => {
    const { page, errors } = await openExplorer(browser(), baseUrl);
    await searchAndChoose(page, 'This is not a bluff', /This is not a bluff/);
    const passage = page.getByTestId('passage');
    await passage.waitFor();
    expect(await passage.locator('mark').innerText()).toBe('Putin added: “This is not a bluff.”');
    expect((await passage.innerText()).length).toBeGreaterThan('Putin added: “This is not a bluff.”'.length);
    const grade = page.getByTestId('source-grade').first();
    await grade.waitFor();
    expect(await grade.innerText()).toMatch(/^[A-F] — /);
    expect(await grade.getAttribute('title')).toBeTruthy();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws an inferred relationship dashed, and its details say what the inference rests on', async () => {
    const { page, errors } = await openExplorer(browser(), baseUrl);
    // The memo quotes Beijing's state media just before these words but does not name their source: inferred.
    const id =
      'rel:actor:chinese-state-media-REPORTED->statement:china-russia-always-firmly-support-each-other';
    const lines = await page.evaluate((inferredId) => {
      const inferred = window.cy!.getElementById(inferredId);
      const stated = window
        .cy!.edges(':visible')
        .filter((e) => e.data('basis') === 'STATED')
        .first();
      return {
        basis: inferred.data('basis') as string,
        inferred: inferred.style('line-style') as string,
        stated: stated.style('line-style') as string,
      };
    }, id);
    expect(lines).toEqual({ basis: 'INFERRED', inferred: 'dashed', stated: 'solid' });
    await searchAndChoose(page, 'Chinese state media', /Chinese state media/i);
    const details = page.getByTestId('details');
    const row = details.locator('ul.relationships li', { hasText: 'always firmly support' });
    await row.getByRole('button', { name: 'REPORTED →' }).click();
    const note = details.getByTestId('inferred');
    await note.waitFor();
    expect(await note.innerText()).toMatch(/^Inferred: .{20,}/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks a contested claim and sets both sides side by side, each with its sources', async () => {
    const { page, errors } = await openExplorer(browser(), baseUrl);
    await searchAndChoose(page, 'West sees Xi and Modi critique', /West sees Xi and Modi critique/);
    const details = page.getByTestId('details');
    await details.getByTestId('contested-badge').waitFor();
    const ring = await page.evaluate(() => {
      const n = window.cy!.getElementById('statement:ft-west-sees-xi-modi-critique');
      return { contested: n.data('contested') as string, border: n.style('border-style') as string };
    });
    expect(ring).toEqual({ contested: 'yes', border: 'double' });
    const pairs = details.getByTestId('contest-pair');
    // The details ask for them on selection; the first such query of a fresh database takes a moment.
    await expect.poll(() => pairs.count(), { timeout: 15_000 }).toBe(2);
    const first = pairs.first();
    expect(await first.innerText()).toMatch(/^Disputed by/);
    // This claim, with the Financial Times's footnote; the memo's claim, with the memo as its source.
    expect(await first.getByTestId('contest-this').innerText()).toMatch(
      /West sees Xi and Modi critique[\s\S]*\[4\]/,
    );
    expect(await first.getByTestId('contest-other').innerText()).toMatch(/No Limits/);
    const [left, right] = await Promise.all([
      first.getByTestId('contest-this').boundingBox(),
      first.getByTestId('contest-other').boundingBox(),
    ]);
    expect(right!.x).toBeGreaterThan(left!.x + left!.width - 1);
    // The other claim comes onto the canvas, selected.
    await first.getByTestId('contest-other').getByRole('button').click();
    await expect
      .poll(() => page.evaluate(() => window.cy!.$('node.selected').map((n) => n.id())))
      .toEqual([expect.stringMatching(/^statement:memo-/)]);
    await details.getByTestId('contested-badge').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('filters the canvas by basis and by grade', async () => {
    const { page, errors } = await openExplorer(browser(), baseUrl);
    const inferredShown = () =>
      page.evaluate(() => window.cy!.edges(':visible').filter((e) => e.data('basis') === 'INFERRED').length);
    expect(await inferredShown()).toBeGreaterThan(0);
    const all = (await visibleNodeIds(page)).length;
    await page.getByLabel('Only what the sources state').check();
    await page.waitForFunction(
      () => window.cy!.edges(':visible').filter((e) => e.data('basis') === 'INFERRED').length === 0,
    );
    const before = (await visibleNodeIds(page)).length;
    await page.getByLabel('Minimum source grade').selectOption('A');
    await page.waitForFunction((n) => window.cy!.nodes(':visible').length < n, before);
    await page.getByLabel('Minimum source grade').selectOption('');
    await page.getByLabel('Only what the sources state').uncheck();
    await page.waitForFunction((n) => window.cy!.nodes(':visible').length === n, all);
    expect(await inferredShown()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
