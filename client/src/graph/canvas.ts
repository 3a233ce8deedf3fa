// Reading from and steering the canvas: positions and viewport for saved views, fits that leave room for labels
// (and are redone when the canvas changes size), centring on a node, exports.
import type { Core, NodeCollection, NodeSingular } from 'cytoscape';
import type { Placement } from '../explorer/state.ts';
import type { Controller } from './controllers.ts';
import { labelReach, labelsDrawnAt, MANY_NODES, type LabelPlacement } from './labels.ts';

/** Every node's position and the viewport, as a saved view stores them. */
export function placementOf(cy: Core): Required<Placement> {
  const positions: Placement['positions'] = {};
  cy.nodes().forEach((n) => {
    const p = n.position();
    positions[n.id()] = { x: p.x, y: p.y };
  });
  return { positions, zoom: cy.zoom(), pan: { ...cy.pan() } };
}

/** The box on screen that nodes take at a zoom, with the viewport's pan at the origin. */
type Extent = (zoom: number) => { x1: number; y1: number; x2: number; y2: number };

/**
 * The box `eles` take on screen at a given zoom: their shapes and the labels in `labels` (by node id, where and
 * in which form each is drawn). A label keeps its size on screen (labels.ts), so it is counted in pixels around
 * its node, not in model units.
 */
function extentOf(eles: NodeCollection, labels: ReadonlyMap<string, LabelPlacement>): Extent {
  const items = eles.map((n: NodeSingular) => {
    const placement = labels.get(n.id());
    return {
      p: n.position(),
      body: n.boundingBox({ includeLabels: false, includeOverlays: false }),
      label: placement ? labelReach(n, placement) : null,
    };
  });
  return (zoom) => {
    let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const { p, body, label } of items) {
      const [x, y] = [zoom * p.x, zoom * p.y];
      const l = label?.(zoom) ?? { x1: 0, y1: 0, x2: 0, y2: 0 };
      x1 = Math.min(x1, zoom * body.x1, x + l.x1);
      x2 = Math.max(x2, zoom * body.x2, x + l.x2);
      y1 = Math.min(y1, zoom * body.y1, y + l.y1);
      y2 = Math.max(y2, zoom * body.y2, y + l.y2);
    }
    return { x1, y1, x2, y2 };
  };
}

/** The largest zoom in [lo, hi] that `fits` (which holds up to some zoom and not beyond), or lo. */
function largestZoom(lo: number, hi: number, fits: (zoom: number) => boolean): number {
  if (hi <= lo || fits(hi)) return Math.max(lo, hi);
  if (!fits(lo)) return lo;
  for (let i = 0; i < 30 && hi - lo > 1e-4; i++) {
    const mid = (lo + hi) / 2;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** The most a fit zooms out to make room for labels at the edges (labels that still do not fit move or hide). */
const LABEL_ROOM = 0.85;

/**
 * A fit that leaves room for labels (on a canvas of fewer than MANY_NODES). Which labels are drawn depends on the
 * zoom (labels.ts), so: the zoom `zoomFor` gives for the shapes alone, then the labels drawn there, then the zoom
 * for shapes and those labels, at most LABEL_ROOM times smaller. Returns that zoom and the extent it is centred on. A label that still would
 * not fit inside the canvas is drawn elsewhere around its node, or not at all (labels.ts).
 */
function fitWithLabels(
  eles: NodeCollection,
  zoomFor: (extent: Extent) => number,
): { zoom: number; extent: Extent } {
  const bare = extentOf(eles, new Map());
  const shapes = zoomFor(bare);
  // A big canvas is fitted by its shapes: zoomed out that far, few labels are drawn, and working out which would
  // be a whole label pass before the first frame.
  if (eles.length >= MANY_NODES) return { zoom: shapes, extent: bare };
  const extent = extentOf(eles, labelsDrawnAt(eles, shapes));
  return { zoom: Math.min(shapes, Math.max(zoomFor(extent), shapes * LABEL_ROOM)), extent };
}

/**
 * Fits the viewport to nodes (by default those drawn), their shapes and the labels drawn, `padding` pixels from
 * every edge of the canvas, zooming in no further than `maxZoom`. Labels keep their size on screen, so the zoom
 * is searched for.
 */
export function fitShapes(cy: Core, eles?: NodeCollection, padding = 40, maxZoom = 1.6): void {
  const nodes = eles ? eles.filter((n: NodeSingular) => n.inside()) : cy.nodes(':visible');
  if (nodes.empty()) return;
  // A big canvas is fitted by its shapes from data, as sync.ts fits it before its first frame: the same viewport,
  // so its labels keep the size they were given (labels.ts) and its styles need no second pass.
  if (nodes.length >= MANY_NODES) {
    const view = fitPoints(
      nodes.map((n: NodeSingular) => ({ ...n.position(), size: n.data('styleSize') ?? n.data('size') })),
      {
        width: cy.width(),
        height: cy.height(),
        padding,
        minZoom: cy.minZoom(),
        maxZoom: Math.min(cy.maxZoom(), maxZoom),
      },
    );
    if (view) cy.viewport(view);
    remember(cy, () => fitShapes(cy, eles, padding, maxZoom));
    return;
  }
  const [w, h] = [cy.width() - 2 * padding, cy.height() - 2 * padding];
  const { zoom, extent } = fitWithLabels(nodes, (extent) =>
    largestZoom(cy.minZoom(), Math.min(cy.maxZoom(), maxZoom), (z) => {
      const e = extent(z);
      return e.x2 - e.x1 <= w && e.y2 - e.y1 <= h;
    }),
  );
  const e = extent(zoom);
  cy.viewport({ zoom, pan: { x: (cy.width() - (e.x1 + e.x2)) / 2, y: (cy.height() - (e.y1 + e.y2)) / 2 } });
  remember(cy, () => fitShapes(cy, eles, padding, maxZoom));
}

/** A node for `fitPoints`: its position and its size (the side of its shape), in model units. */
export interface SizedNode {
  x: number;
  y: number;
  size: number;
}

/**
 * The viewport that fits nodes' shapes (no labels) `padding` pixels inside a canvas of `width` by `height`, the
 * zoom within [minZoom, maxZoom]. Worked out from data alone, so that the same fit is known before the nodes are
 * on the canvas (sync.ts, for a big canvas's first frame) and after (fitShapes on a big canvas).
 */
export function fitPoints(
  nodes: readonly SizedNode[],
  canvas: { width: number; height: number; padding: number; minZoom: number; maxZoom: number },
): { zoom: number; pan: { x: number; y: number } } | null {
  if (nodes.length === 0) return null;
  let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const n of nodes) {
    x1 = Math.min(x1, n.x - n.size / 2);
    x2 = Math.max(x2, n.x + n.size / 2);
    y1 = Math.min(y1, n.y - n.size / 2);
    y2 = Math.max(y2, n.y + n.size / 2);
  }
  const { width, height, padding } = canvas;
  const fit = Math.min(
    (width - 2 * padding) / Math.max(x2 - x1, 1),
    (height - 2 * padding) / Math.max(y2 - y1, 1),
  );
  const zoom = Math.min(canvas.maxZoom, Math.max(canvas.minZoom, fit));
  return { zoom, pan: { x: width / 2 - (zoom * (x1 + x2)) / 2, y: height / 2 - (zoom * (y1 + y2)) / 2 } };
}

/**
 * The timeline's viewport: the whole height in view and, when the whole width would make nodes too small to
 * read, the latest dates in view (pan left for earlier ones; the date axis says where you are). Labels are
 * counted as in `fitShapes`.
 */
export function fitTimeline(cy: Core, shown: NodeCollection, padding = 30): void {
  const eles = shown.filter((n: NodeSingular) => n.inside());
  if (eles.empty()) return;
  const top = 26; // the date axis
  const [w, h] = [cy.width() - 2 * padding, cy.height() - top - 2 * padding];
  const { zoom, extent } = fitWithLabels(eles, (extent) => {
    const byWidth = largestZoom(cy.minZoom(), 1.2, (z) => {
      const e = extent(z);
      return e.x2 - e.x1 <= w;
    });
    const byHeight = largestZoom(cy.minZoom(), 1.2, (z) => {
      const e = extent(z);
      return e.y2 - e.y1 <= h;
    });
    return Math.min(byHeight, Math.max(byWidth, 0.4), 1.2);
  });
  const e = extent(zoom);
  const fitsWidth = e.x2 - e.x1 <= w + 0.5;
  cy.viewport({
    zoom,
    pan: {
      x: fitsWidth ? (cy.width() - (e.x1 + e.x2)) / 2 : cy.width() - padding - e.x2,
      y: top + (cy.height() - top - (e.y1 + e.y2)) / 2,
    },
  });
  remember(cy, () => fitTimeline(cy, shown, padding));
}

/** The last fit of each canvas and the viewport it gave. */
const lastFit = new WeakMap<Core, { redo: () => void; zoom: number; pan: { x: number; y: number } }>();

function remember(cy: Core, redo: () => void): void {
  centred.delete(cy);
  lastFit.set(cy, { redo, zoom: cy.zoom(), pan: { ...cy.pan() } });
}

/**
 * The node each canvas was last centred on, with the zoom and (once the animation ends) the pan that gave; a
 * resize while the view is still that centring centres the node again at the new size.
 */
const centred = new WeakMap<Core, { id: string; zoom: number; pan: { x: number; y: number } | null }>();

function centrePan(cy: Core, p: { x: number; y: number }, zoom: number) {
  return { x: cy.width() / 2 - zoom * p.x, y: cy.height() / 2 - zoom * p.y };
}

const samePan = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.abs(a.x - b.x) <= 0.5 && Math.abs(a.y - b.y) <= 0.5;

/**
 * Fits again when the canvas changes size while the view is still the last fit's (nobody has panned or zoomed
 * since): panels that appear after the graph is drawn, or a window made smaller, would otherwise leave nodes
 * and labels cut off at the edge.
 */
export function refitOnResize(cy: Core): Controller {
  const onResize = () => {
    // Centred on a node, and nobody has moved the view since (or the centring is still under way, its pan reckoned
    // for the old size: a panel that opened with the click): centre it again, at once.
    const c = centred.get(cy);
    if (c) {
      const node = cy.getElementById(c.id);
      const untouched = c.pan === null || (Math.abs(cy.zoom() - c.zoom) < 1e-9 && samePan(cy.pan(), c.pan));
      if (node.nonempty() && untouched) {
        cy.stop();
        cy.viewport({ zoom: c.zoom, pan: centrePan(cy, node.position(), c.zoom) });
        c.pan = { ...cy.pan() };
        return;
      }
      centred.delete(cy);
    }
    const fit = lastFit.get(cy);
    if (!fit) return;
    const pan = cy.pan();
    const moved =
      Math.abs(cy.zoom() - fit.zoom) > 1e-9 ||
      Math.abs(pan.x - fit.pan.x) > 0.5 ||
      Math.abs(pan.y - fit.pan.y) > 0.5;
    if (moved) lastFit.delete(cy);
    else fit.redo();
  };
  cy.on('resize', onResize);
  return { dispose: () => cy.off('resize', onResize) };
}

/** Moves the viewport so the node is in the middle, zooming in if the view is far out. */
export function centreOn(cy: Core, id: string): void {
  const node = cy.getElementById(id);
  if (node.empty()) return;
  // The pan is computed from the node's position: `center: { eles }` would centre its box, label included.
  const zoom = Math.max(cy.zoom(), 1);
  const p = node.position();
  // The view is the analyst's choice from now on: a resize during the animation (a table opening, its rows
  // coming) must not fit the whole graph again over it, as refitOnResize would while the pan is still the fit's.
  lastFit.delete(cy);
  const record: { id: string; zoom: number; pan: { x: number; y: number } | null } = { id, zoom, pan: null };
  centred.set(cy, record);
  cy.stop();
  cy.animate(
    { zoom, pan: centrePan(cy, p, zoom) },
    {
      duration: 250,
      complete: () => {
        if (centred.get(cy) === record) record.pan = { ...cy.pan() };
      },
    },
  );
}

/** The canvas as a PNG blob at twice the screen resolution, on white. */
export function pngOf(cy: Core): Blob {
  return cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }) as unknown as Blob;
}

/** The canvas as a PNG data URI, the same picture as `pngOf`, for drawing into a larger one. */
export function pngUriOf(cy: Core): string {
  return cy.png({ output: 'base64uri', full: true, scale: 2, bg: '#ffffff' });
}

/** Offers a blob to the user as a download. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
