// Issue 17 in headless Chromium: the measures of the canvas (computed in a Web Worker) rank the memo's actors in
// the results table, and the canvas exported as GEXF reads back with graphology with the same nodes,
// relationships and attributes.
import { readFileSync } from 'node:fs';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { computeMeasures } from '../src/analysis/measures.ts';
import { browserForFile } from '../../test/support/browser.ts';
import { exportAs, openExplorer, saveNewView, waitForGraph, waitForLayout } from './support.ts';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

const table = (page: Page) => page.getByTestId('results-table');

/** The canvas as drawn: its nodes (id, label, kind) and relationships. */
const drawn = (page: Page) =>
  page.evaluate(() => ({
    nodes: window.cy!.nodes(':visible').map((n) => ({
      id: n.id(),
      label: String(n.data('label')),
      kind: String(n.data('kind')),
    })),
    edges: window.cy!.edges(':visible').map((e) => [e.source().id(), e.target().id()] as [string, string]),
  }));

/** Opens the table on the actors and computes the measures. */
async function measureActors(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Table', exact: true }).click();
  await table(page).getByLabel('Kind').selectOption({ label: 'Actors' });
  await table(page).getByRole('button', { name: 'Measures' }).click();
  await table(page)
    .getByText(/Measures of the \d+ nodes on the canvas/)
    .waitFor({ timeout: 30_000 });
}

describe('analysis in the view', () => {
  it('ranks the memo’s actors by betweenness: the top three in the table are the measure’s', async () => {
    const { page, errors } = await openExplorer(browser(), baseUrl);
    await measureActors(page);
    const header = table(page).getByRole('columnheader', { name: /Betweenness/ });
    await header.getByRole('button').click();
    await header.getByRole('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    const rows = await table(page)
      .locator('tbody tr')
      .evaluateAll((trs) => trs.slice(0, 3).map((tr) => tr.querySelector('td')!.textContent));

    // The same measure over the same canvas, computed here.
    const canvas = await drawn(page);
    const values = computeMeasures({ nodes: canvas.nodes.map((n) => n.id), edges: canvas.edges });
    const top3 = canvas.nodes
      .filter((n) => n.kind === 'ACTOR')
      .sort((a, b) => values[b.id]!.betweenness - values[a.id]!.betweenness || a.label.localeCompare(b.label))
      .slice(0, 3)
      .map((n) => n.label);
    expect(rows).toEqual(top3);
    expect(top3).toContain('Xi Jinping');
    // The table, wide with the measures' columns, scrolls inside its panel: the page keeps its columns.
    const box = (selector: string) =>
      page.evaluate((s) => document.querySelector(s)!.getBoundingClientRect().toJSON() as DOMRect, selector);
    const [centre, details, results] = [
      await box('.centre'),
      await box('#details'),
      await box('.results-table'),
    ];
    expect(centre.right).toBeLessThanOrEqual(details.left + 1);
    expect(results.right).toBeLessThanOrEqual(details.left + 1);
    expect(details.right).toBeLessThanOrEqual(page.viewportSize()!.width + 1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sizes the nodes by betweenness and colours them by community, with no overlaps; a saved view keeps both', async () => {
    const { page, errors } = await openExplorer(browser(), baseUrl);
    await measureActors(page);
    await table(page).getByLabel('Size by').selectOption({ label: 'Betweenness' });
    await table(page).getByLabel('Colour by').selectOption({ label: 'Community' });
    await waitForLayout(page);
    const look = () =>
      page.evaluate(() => {
        const cy = window.cy!;
        const nodes = cy.nodes(':visible');
        const largest = nodes.max((n) => n.width());
        return {
          largest: largest.ele.id(),
          width: largest.value,
          smallest: nodes.min((n) => n.width()).value,
          colours: new Set(nodes.map((n) => String(n.style('background-color')))).size,
          boxes: nodes.map((n) => n.boundingBox({ includeLabels: false })),
        };
      });
    const drawnLook = await look();
    // The best broker is the largest node; the communities bring more colours than the five kinds.
    const canvas = await drawn(page);
    const values = computeMeasures({ nodes: canvas.nodes.map((n) => n.id), edges: canvas.edges });
    const broker = Object.entries(values).sort(([, a], [, b]) => b.betweenness - a.betweenness)[0]![0];
    expect(drawnLook.largest).toBe(broker);
    expect(drawnLook.width).toBe(80);
    expect(drawnLook.smallest).toBe(22);
    expect(drawnLook.colours).toBeGreaterThan(5);
    // Laid out again at the new sizes: no two node boxes overlap.
    const b = drawnLook.boxes;
    for (let i = 0; i < b.length; i++)
      for (let j = i + 1; j < b.length; j++)
        expect(b[i]!.x1 < b[j]!.x2 && b[j]!.x1 < b[i]!.x2 && b[i]!.y1 < b[j]!.y2 && b[j]!.y1 < b[i]!.y2).toBe(
          false,
        );

    await saveNewView(page, 'E2E: measured', '');
    const link = await page.getByLabel('Link to this view').inputValue();
    const other = await openExplorer(browser(), baseUrl, link.slice(baseUrl.length));
    await waitForGraph(other.page);
    await expect
      .poll(() => other.page.evaluate((id) => window.cy!.getElementById(id).width(), broker), {
        timeout: 20_000,
      })
      .toBe(80);
    const reopened = await other.page.evaluate(
      () => new Set(window.cy!.nodes(':visible').map((n) => String(n.style('background-color')))).size,
    );
    expect(reopened).toBe(drawnLook.colours);
    expect(errors).toEqual([]);
    expect(other.errors).toEqual([]);
    await other.page.close();
    await page.close();
  });

  it('exports the canvas as GEXF that graphology reads back: same nodes, relationships and attributes', async () => {
    const { page, errors, outside } = await openExplorer(browser(), baseUrl);
    await measureActors(page);
    const gexf = readFileSync((await (await exportAs(page, 'Export GEXF')).path())!, 'utf8');
    const graph = parseGexf(Graph, gexf);
    const canvas = await drawn(page);
    expect(graph.order).toBe(canvas.nodes.length);
    expect(graph.size).toBe(canvas.edges.length);
    expect(graph.getNodeAttributes('actor:xi-jinping')).toMatchObject({ label: 'Xi Jinping', kind: 'ACTOR' });
    const summit = graph.getNodeAttributes('meeting:sco-summit-samarkand-2022');
    expect(summit).toMatchObject({ kind: 'MEETING', dateText: '15–16 September 2022' });
    expect(String(summit.sources)).toMatch(/^2, 6, 20/);
    const values = computeMeasures({ nodes: canvas.nodes.map((n) => n.id), edges: canvas.edges });
    expect(graph.getNodeAttribute('actor:xi-jinping', 'betweenness')).toBeCloseTo(
      values['actor:xi-jinping']!.betweenness,
      6,
    );
    const inferred = graph.filterEdges((_, a) => a.basis === 'inferred');
    expect(inferred.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });
});
