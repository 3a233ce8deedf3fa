// Readable labels in headless Chromium (issue 13 item 1), on the memo's graph at 1280x800: at the opening zoom no
// two drawn labels overlap, none lies on a labelled node's shape, the principal actor is named, and every drawn
// node and label is inside the canvas; zooming in labels more of the nodes in view; after a kind is hidden in the
// legend, Fit leaves no node or label cut off.
//
// Boxes are Cytoscape's own, on screen: a label's is `renderedBoundingBox({ includeNodes: false, includeEdges:
// false, includeLabels: true, includeOverlays: false })` (the text with its background, wherever it is drawn
// around the node), a node's is `renderedBoundingBox({ includeLabels: false, includeOverlays: false })`. A label
// counts as drawn when the node's `label` style is not empty (the declutter's `no-label` class empties it). Labels
// may graze the corners of a round or pointed shape's box, which the shape leaves empty: for a label over a shape,
// the shape's box less 15% on each side is used (the whole box for rectangles), as in graph/labels.ts.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile } from '../../test/support/browser.ts';
import { openExplorer, waitForLayout } from './support.ts';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
interface Drawn {
  id: string;
  degree: number;
  /** The node's box on screen. */
  body: Box;
  /** The part of it a label must not cover. */
  core: Box;
  /** The label's box, when its label is drawn. */
  label: Box | null;
}
interface View {
  width: number;
  height: number;
  nodes: Drawn[];
}

/** The canvas's size and every drawn node's boxes on screen. */
const drawn = (page: Page): Promise<View> =>
  page.evaluate(() => {
    const cy = window.cy!;
    const box = (b: { x1: number; y1: number; x2: number; y2: number }, slack = 0) => {
      const [dx, dy] = [(b.x2 - b.x1) * slack, (b.y2 - b.y1) * slack];
      return { x1: b.x1 + dx, y1: b.y1 + dy, x2: b.x2 - dx, y2: b.y2 - dy };
    };
    const nodes = cy.nodes(':visible').map((n) => {
      const text = String(n.style('label') ?? '');
      const label = n.renderedBoundingBox({
        includeNodes: false,
        includeEdges: false,
        includeLabels: true,
        includeOverlays: false,
      });
      const body = n.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
      const square = ['rectangle', 'round-rectangle'].includes(String(n.style('shape')));
      return {
        id: n.id(),
        degree: n.data('degree') as number,
        body: box(body),
        core: box(body, square ? 0 : 0.15),
        label: text !== '' && Number.isFinite(label.w) && label.w > 0 ? box(label) : null,
      };
    });
    return { width: cy.width(), height: cy.height(), nodes };
  });

/** Waits until the canvas's size, viewport and labels have not changed for half a second. */
async function settled(page: Page): Promise<void> {
  const signature = () =>
    page.evaluate(() => {
      const cy = window.cy!;
      const labelled = cy.nodes(':visible').filter((n) => String(n.style('label') ?? '') !== '');
      return JSON.stringify([cy.width(), cy.height(), cy.zoom(), cy.pan(), labelled.map((n) => n.id())]);
    });
  let last = '';
  for (let i = 0; i < 40; i++) {
    const now = await signature();
    if (now === last) return;
    last = now;
    await page.waitForTimeout(500);
  }
  throw new Error('the canvas never settled');
}

/** Whether two boxes overlap by more than half a pixel each way. */
const overlap = (a: Box, b: Box) =>
  a.x1 < b.x2 - 0.5 && b.x1 < a.x2 - 0.5 && a.y1 < b.y2 - 0.5 && b.y1 < a.y2 - 0.5;

/** The pairs of drawn labels that overlap. */
function labelOverlaps(nodes: Drawn[]): string[] {
  const labelled = nodes.filter((n) => n.label);
  const out: string[] = [];
  for (let i = 0; i < labelled.length; i++)
    for (let j = i + 1; j < labelled.length; j++)
      if (overlap(labelled[i]!.label!, labelled[j]!.label!))
        out.push(`${labelled[i]!.id} / ${labelled[j]!.id}`);
  return out;
}

/** Drawn labels that lie on another node's shape: any node's, or (`labelled`) a node whose label is drawn. */
function labelsOnShapes(nodes: Drawn[], labelled: boolean): string[] {
  const out: string[] = [];
  for (const a of nodes)
    if (a.label)
      for (const b of nodes)
        if (b !== a && (b.label || !labelled) && overlap(a.label, b.core)) out.push(`${a.id} on ${b.id}`);
  return out;
}

/** Drawn labels, and unless `labelsOnly` nodes, that reach past the canvas's edge. */
function cutOff(view: View, labelsOnly = false): string[] {
  const out: string[] = [];
  const outside = (b: Box) =>
    b.x1 < -0.5 || b.y1 < -0.5 || b.x2 > view.width + 0.5 || b.y2 > view.height + 0.5;
  for (const n of view.nodes) {
    if (!labelsOnly && outside(n.body)) out.push(`${n.id} (shape)`);
    if (n.label && outside(n.label)) out.push(`${n.id} (label)`);
  }
  return out;
}

/** Ids of the nodes wholly inside the canvas. */
const inView = (view: View) =>
  new Set(
    view.nodes
      .filter((n) => n.body.x1 >= 0 && n.body.y1 >= 0 && n.body.x2 <= view.width && n.body.y2 <= view.height)
      .map((n) => n.id),
  );

describe('labels', () => {
  it('at the opening zoom do not overlap, name the principal actor and are inside the canvas; zooming in labels more', async () => {
    const { page, errors } = await openExplorer(browser(), baseUrl);
    await settled(page);
    const opening = await drawn(page);
    const labelled = opening.nodes.filter((n) => n.label);
    console.info(
      `labels at the opening: ${labelled.length} of ${opening.nodes.length} nodes; ` +
        `over an unlabelled node's shape ${labelsOnShapes(opening.nodes, false).length} times`,
    );
    expect(opening.nodes.length).toBeGreaterThan(20);
    expect(labelled.length).toBeGreaterThanOrEqual(15);
    expect(labelOverlaps(opening.nodes)).toEqual([]);
    expect(labelsOnShapes(opening.nodes, true)).toEqual([]);
    expect(cutOff(opening)).toEqual([]);
    const hub = [...opening.nodes].sort((a, b) => b.degree - a.degree)[0]!;
    expect(hub.label, `${hub.id} is named`).not.toBeNull();

    // Twice as close around the middle: of the nodes still in view, more are labelled than were at the opening.
    await page.evaluate(() => {
      const cy = window.cy!;
      cy.zoom({ level: cy.zoom() * 2, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    });
    await settled(page);
    const closer = await drawn(page);
    const near = inView(closer);
    const before = opening.nodes.filter((n) => near.has(n.id) && n.label).length;
    const after = closer.nodes.filter((n) => near.has(n.id) && n.label).length;
    console.info(
      `zoomed in ×2: ${near.size} nodes in view, ${before} of them labelled at the opening, ${after} now ` +
        `(${closer.nodes.filter((n) => n.label).length} labels in all)`,
    );
    expect(after).toBeGreaterThan(before);
    expect(labelOverlaps(closer.nodes)).toEqual([]);
    expect(labelsOnShapes(closer.nodes, true)).toEqual([]);
    // Nodes now reach past the edge, but no label is drawn cut off.
    expect(cutOff(closer, true)).toEqual([]);

    expect(errors).toEqual([]);
    await page.close();
  });

  it('after a kind is hidden, Fit leaves no node or label cut off at the edge', async () => {
    const { page, errors } = await openExplorer(browser(), baseUrl);
    for (const kind of [/Statements/, /Actors/]) {
      await page.getByRole('checkbox', { name: kind }).uncheck();
      await waitForLayout(page);
      // Moved away first, so that the fit has something to do.
      await page.evaluate(() => {
        const cy = window.cy!;
        cy.viewport({ zoom: cy.zoom() * 3, pan: { x: 0, y: 0 } });
      });
      await page.getByRole('button', { name: 'Fit', exact: true }).click();
      await settled(page);
      const view = await drawn(page);
      expect(view.nodes.length).toBeGreaterThan(5);
      expect(view.nodes.filter((n) => n.label).length).toBeGreaterThanOrEqual(5);
      expect(cutOff(view)).toEqual([]);
      expect(labelOverlaps(view.nodes)).toEqual([]);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
