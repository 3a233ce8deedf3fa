// The document view in headless Chromium, on the memo's graph (issue 14): opened from a statement's passage in
// the details panel, it shows the memo's whole text with every encoded span marked, the passage it was opened
// from marked as current, in sight and focused; Enter on it goes to the next claim on the same passage (a
// relationship), a click on another marked span selects its claim, which the details panel then shows; Escape
// closes it.
import { describe, expect, inject, it } from 'vitest';
import { browserForFile } from '../../test/support/browser.ts';
import { openExplorer, searchAndChoose } from './support.ts';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

describe('the document view', () => {
  it('opens on a statement’s passage with every span marked, and a click on a span selects its claim', async () => {
    const { page, errors } = await openExplorer(browser(), baseUrl);
    await searchAndChoose(page, 'This is not a bluff', /This is not a bluff/);
    const details = page.getByTestId('details');
    const passage = details.getByTestId('passage').first();
    await passage.waitFor();
    const passageText = await passage.locator('mark').innerText();
    await details.getByRole('button', { name: 'Open in the document' }).first().click();

    const pane = page.getByTestId('document-view');
    await pane.waitFor();
    expect(await pane.getByRole('heading', { name: 'Document' }).count()).toBe(1);
    // The memo's ~550 passages: many ranges, most of them shared by several claims.
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="document-text"] mark').length > 250,
    );
    const marks = await page.evaluate(() => {
      const all = [...document.querySelectorAll<HTMLElement>('[data-testid="document-text"] mark')];
      const ranges = new Map(all.map((m) => [m.dataset.range!, m.dataset.claims!.split(' ').length]));
      return {
        ranges: ranges.size,
        claims: [...ranges.values()].reduce((a, b) => a + b, 0),
        buttons: all.filter((m) => m.getAttribute('role') === 'button').length === all.length,
        stops: all.filter((m) => m.tabIndex === 0).length,
      };
    });
    expect(marks.ranges).toBeGreaterThan(250);
    expect(marks.claims).toBeGreaterThan(500);
    expect(marks.buttons).toBe(true);
    expect(marks.stops).toBeGreaterThanOrEqual(marks.ranges);

    // The passage it was opened from: current, the same words as in the details, in sight and focused.
    const current = pane.locator('mark[aria-current="true"]');
    expect(await current.count()).toBeGreaterThan(0);
    expect((await current.first().innerText()).replace(/\s+/g, ' ')).toBe(passageText.replace(/\s+/g, ' '));
    await page.waitForFunction(() => {
      const mark = document.querySelector('[data-testid="document-text"] mark[aria-current="true"]');
      const box = document.querySelector('[data-testid="document-text"]')!.getBoundingClientRect();
      const r = mark?.getBoundingClientRect();
      return !!r && r.top >= box.top && r.bottom <= box.bottom && document.activeElement === mark;
    });
    const statementArticle = await details.getByRole('article').getAttribute('aria-label');

    // The statement is selected, so Enter on its passage goes to the next claim on it: who said it, a
    // relationship; the list of the passage's claims leads back to the statement.
    await page.keyboard.press('Enter');
    await details.getByRole('article', { name: 'Relationship SAID' }).waitFor();
    await pane.getByRole('button', { name: statementArticle!, exact: true }).click();
    await details.getByRole('article', { name: statementArticle!, exact: true }).waitFor();

    // Another span, the innermost at its place, whose first claim is a node: a click selects that node.
    const opened = {
      range: (await current.first().getAttribute('data-range'))!,
      claims: (await current.first().getAttribute('data-claims'))!.split(' '),
    };
    const target = await page.evaluate((opened) => {
      const candidates = [
        ...document.querySelectorAll<HTMLElement>('[data-testid="document-text"] mark:not(:has(mark))'),
      ].filter(
        (m) =>
          m.dataset.range !== opened.range &&
          !m.dataset.claims!.split(' ')[0]!.startsWith('rel:') &&
          !opened.claims.includes(m.dataset.claims!.split(' ')[0]!) &&
          (m.textContent ?? '').trim().length > 8,
      );
      const mark = candidates[Math.floor(candidates.length / 2)]!;
      const text = document.querySelector<HTMLElement>('[data-testid="document-text"]')!;
      text.scrollTop += mark.getBoundingClientRect().top - text.getBoundingClientRect().top - 100;
      const r = mark.getClientRects()[0]!;
      return {
        range: mark.dataset.range!,
        id: mark.dataset.claims!.split(' ')[0]!,
        name: mark.title.replace(/ \(and \d+ more: click again for the next\)$/, ''),
        x: r.left + Math.min(r.width / 2, 20),
        y: r.top + r.height / 2,
      };
    }, opened);
    expect(target.name).not.toBe(statementArticle);
    await page.mouse.click(target.x, target.y);
    await details.getByRole('article', { name: target.name, exact: true }).waitFor();
    await page.waitForFunction(
      (id) => window.cy!.getElementById(id).length === 1 && window.cy!.getElementById(id).visible(),
      target.id,
    );
    // The chosen span is now the current one, and the pane stays open beside the details.
    await pane.locator(`mark[data-range="${target.range}"][aria-current="true"]`).first().waitFor();

    // Escape closes the pane and leaves the selection.
    await pane.locator(`mark[data-range="${target.range}"]`).first().focus();
    await page.keyboard.press('Escape');
    await pane.waitFor({ state: 'detached' });
    await details.getByRole('article', { name: target.name, exact: true }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
