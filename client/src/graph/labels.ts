// Readable labels at every zoom: labels keep a constant size on screen (like a map's), and none overlaps another
// label or another node's shape. The most important are placed first (selected, hovered, on the highlighted
// path, then the selection's neighbours, then by degree), each under its node, else beside or above it, else
// shortened; a hub with no free place may cover much smaller nodes, which then go unlabelled; any other label
// with no free place is hidden until the analyst zooms in. The canvas runs this after each layout, zoom, pan or
// class change.
//
// A label's box is worked out the way Cytoscape draws it (its text measured in the same font, with the
// background padding and margins of graph/stylesheet.ts), since a hidden label has no box to read. The choice
// itself is labelChoice.ts. The label's place and form are node data (`labelAt`, `shorten`), which the state's
// classes (project.ts) leave alone, and the hidden ones carry the class `no-label`, which project.ts keeps.
import type { Core, NodeCollection, NodeSingular } from 'cytoscape';
import type { Controller } from './controllers.ts';
import {
  byImportance,
  chooseLabels,
  shortLabel,
  SHORTER_LABEL,
  type Box,
  type LabelCandidate,
} from './labelChoice.ts';

export { SHORT_LABEL, shortLabel } from './labelChoice.ts';

/** Label sizes on screen, in CSS pixels. */
export const LABEL_PX = { hub: 14, normal: 12, edge: 11 };
/** Widest a full label (selected, hovered, on the path) is drawn before it wraps, in CSS pixels. */
export const WRAP_PX = 240;
/** Degree from which a node's label is drawn larger. */
const HUB_DEGREE = 8;

/**
 * A big canvas, from this many nodes: a node arrives with its label hidden (project.ts) and fits leave labels out
 * (canvas.ts), so the first frame draws shapes and lines at once and the label pass follows.
 */
export const MANY_NODES = 500;
/**
 * The most labels offered a place at once: the most important nodes on screen (a screen holds a few hundred
 * labels at most), so that a label pass over thousands of nodes costs no more than over a few hundred. The others
 * are labelled when the analyst zooms in on them.
 */
export const LABEL_CANDIDATES = 400;

/**
 * Where a label can go around its node, in order of preference (the stylesheet draws each, from the node data
 * `labelAt`).
 */
export const LABEL_PLACES = ['below', 'right', 'left', 'above'] as const;
export type LabelPlace = (typeof LABEL_PLACES)[number];

/**
 * What Cytoscape adds around a node label's text, in model units: 1 of text-background-padding and 2 of "margin
 * of error" on every side (LABEL_PAD), and a text margin of 3 away from the node (LABEL_MARGIN, the stylesheet's).
 */
const LABEL_PAD = 3;
export const LABEL_MARGIN = 3;

/**
 * How much of a shape's box, on each side, a label may still cover: ellipses, diamonds, hexagons and triangles
 * leave the corners of their boxes empty.
 */
const CORNER_SLACK = 0.15;
const SQUARE_SHAPES = new Set(['rectangle', 'round-rectangle', 'roundrectangle']);

/**
 * Hubs are landmarks: with no free place for its label, a node of degree HUB_DEGREE or more may cover the shapes
 * of nodes of at most a quarter of its degree (which then go without a label), so the principal actors are
 * named even in the thick of the graph.
 */
const LANDMARK = { from: HUB_DEGREE, ratio: 4 };

/** Classes whose nodes always show their full label, under the node. */
const FORCED = ['selected', 'hovered', 'on-path', 'focused'];
/** Nodes further than this off screen, in pixels, neither get a label nor stand in the way of one. */
const OFF_SCREEN = 120;

const forcedLabel = (n: NodeSingular) => FORCED.some((c) => n.hasClass(c));
/** Half a node's drawn size: a style rule's size (client/src/style) when it has one, else its size by degree. */
const halfSize = (n: NodeSingular) => ((n.data('styleSize') ?? n.data('size')) as number) / 2;
/** A node's label size on screen, in CSS pixels, by its degree. */
export const labelPxOf = (degree: number) => (degree >= HUB_DEGREE ? LABEL_PX.hub : LABEL_PX.normal);
const labelPx = (n: NodeSingular) => labelPxOf(n.data('degree') as number);

/** The font labels are measured in, as Cytoscape's: weight and family. */
interface Font {
  family: string;
  weight: string;
}

let measureContext: CanvasRenderingContext2D | null | undefined;
/** Widths of texts at 100 px, by font and text: measuring is the costly part of a declutter. */
const measured = new Map<string, number>();
const MEASURE_PX = 100;

/**
 * The width of `text` at `px` CSS pixels, as Cytoscape measures a label (a 2D canvas, the label's own font);
 * measured once at MEASURE_PX and scaled, which is exact to well under a pixel.
 */
function textWidth(text: string, px: number, font: Font): number {
  if (measureContext === undefined)
    measureContext =
      typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!measureContext) return text.length * px * 0.6;
  const key = `${font.weight} ${font.family}\n${text}`;
  let width = measured.get(key);
  if (width === undefined) {
    if (measured.size > 20_000) measured.clear();
    const css = `normal ${font.weight} ${MEASURE_PX}px ${font.family}`;
    if (measureContext.font !== css) measureContext.font = css;
    width = measureContext.measureText(text).width;
    measured.set(key, width);
  }
  return (width * px) / MEASURE_PX;
}

const fontOf = (n: NodeSingular): Font => ({
  family: String(n.style('font-family')),
  weight: String(n.style('font-weight')),
});

/** The text a node's label shows when nothing forces its full label. */
const plainText = (n: NodeSingular) => String(n.data('shortLabel') ?? n.data('label') ?? '');

/** Where and in which form a node's label is drawn: `text` when a shorter form, else the usual label. */
export interface LabelPlacement {
  at: LabelPlace;
  text?: string;
}

/**
 * The size of a node's label on screen, in pixels, without the model-unit padding: `text` when given, else the
 * full label when selected, hovered or on the path (wrapped at WRAP_PX), else the short one. Measured as
 * Cytoscape does, at the font's size in model units at `zoom` and rounded up there; without a zoom, at its size
 * on screen, and then up to one model unit narrower than drawn.
 */
function labelSize(
  n: NodeSingular,
  text?: string,
  zoom = 1,
  font = fontOf(n),
): { width: number; height: number } {
  const px = labelPx(n);
  const width = (t: string) => Math.ceil(textWidth(t, px / zoom, font)) * zoom;
  if (text !== undefined || !forcedLabel(n)) return { width: width(text ?? plainText(n)), height: px };
  const full = width(String(n.data('label') ?? ''));
  // Wrapped by words: a line holds a little less than WRAP_PX on average.
  const lines = full <= WRAP_PX ? 1 : Math.ceil(full / (WRAP_PX * 0.85));
  return { width: Math.min(full, WRAP_PX), height: lines * px };
}

/**
 * A label's box relative to its node's position, on screen at `zoom`, from its size on screen (`w`, `h`) and its
 * node's half height in model units (`half`): Cytoscape's label bounds, with the stylesheet's margins.
 */
function placeBox(at: LabelPlace, w: number, h: number, half: number, zoom: number): Box {
  const pad = LABEL_PAD * zoom;
  const away = (half + LABEL_MARGIN) * zoom; // the node's edge and the text margin
  switch (at) {
    case 'below':
      return { x1: -w / 2 - pad, x2: w / 2 + pad, y1: away - pad, y2: away + h + pad };
    case 'above':
      return { x1: -w / 2 - pad, x2: w / 2 + pad, y1: -away - h - pad, y2: -away + pad };
    case 'right':
      return { x1: away - pad, x2: away + w + pad, y1: -h / 2 - pad, y2: h / 2 + pad };
    case 'left':
      return { x1: -away - w - pad, x2: -away + pad, y1: -h / 2 - pad, y2: h / 2 + pad };
  }
}

/**
 * What a node's label, drawn as `placement` says, adds to the node's extent on screen at a zoom: its box
 * relative to the node's position. The fits (canvas.ts) leave room for it.
 */
export function labelReach(n: NodeSingular, placement: LabelPlacement): (zoom: number) => Box {
  const { width, height } = labelSize(n, placement.text);
  const half = halfSize(n);
  return (zoom) => placeBox(placement.at, width + zoom, height, half, zoom);
}

/** A viewport: the zoom and the pan, as Cytoscape's. */
interface View {
  zoom: number;
  pan: { x: number; y: number };
}

/** A box in model units as it is on screen in `view`. */
const onScreen = (b: Box, { zoom, pan }: View): Box => ({
  x1: b.x1 * zoom + pan.x,
  y1: b.y1 * zoom + pan.y,
  x2: b.x2 * zoom + pan.x,
  y2: b.y2 * zoom + pan.y,
});

/** The part of a node's shape on screen that no other label may cover. */
function bodyOf(n: NodeSingular, view: View): Box {
  const b = onScreen(n.boundingBox({ includeLabels: false, includeOverlays: false }), view);
  const slack = SQUARE_SHAPES.has(String(n.style('shape'))) ? 0 : CORNER_SLACK;
  const [dx, dy] = [(b.x2 - b.x1) * slack, (b.y2 - b.y1) * slack];
  return { x1: b.x1 + dx, x2: b.x2 - dx, y1: b.y1 + dy, y2: b.y2 - dy };
}

/** How important a node's label is: forced ones first, then the neighbours of the selection, then by degree. */
function priorityOf(n: NodeSingular): number {
  if (forcedLabel(n)) return Infinity;
  const degree = (n.data('degree') as number) || 0;
  if (n.hasClass('neighbour')) return 1e6 + degree;
  if (n.hasClass('dimmed') || n.hasClass('off-path')) return degree - 1e6;
  return degree;
}

/**
 * The labels of `nodes` as candidates for the choice in `view`, with the placement each option stands for: a
 * forced label under its node; another in each place, whole, then in each place shortened to SHORTER_LABEL.
 * With `screen`, nodes further than OFF_SCREEN outside it are left out. Only the LABEL_CANDIDATES most important
 * nodes get options; the others are shapes that labels keep off.
 */
function candidatesOf(
  nodes: NodeCollection,
  view: View,
  screen?: { width: number; height: number },
): { candidates: LabelCandidate[]; placements: Map<string, LabelPlacement[]> } {
  const shown: { n: NodeSingular; body: Box; priority: number }[] = [];
  nodes.forEach((n: NodeSingular) => {
    const body = bodyOf(n, view);
    if (
      screen &&
      (body.x2 < -OFF_SCREEN ||
        body.x1 > screen.width + OFF_SCREEN ||
        body.y2 < -OFF_SCREEN ||
        body.y1 > screen.height + OFF_SCREEN)
    )
      return;
    shown.push({ n, body, priority: priorityOf(n) });
  });
  const offered =
    shown.length <= LABEL_CANDIDATES
      ? null
      : new Set(
          shown
            .map(({ n, priority }) => ({ id: n.id(), priority, options: [] }))
            .sort(byImportance)
            .slice(0, LABEL_CANDIDATES)
            .map((c) => c.id),
        );
  const candidates: LabelCandidate[] = [];
  const placements = new Map<string, LabelPlacement[]>();
  for (const { n, body, priority } of shown) {
    const weight = (n.data('degree') as number) || 0;
    if (offered && !offered.has(n.id())) {
      candidates.push({ id: n.id(), priority, options: [], body, weight });
      continue;
    }
    const mine: LabelPlacement[] = [];
    if (forcedLabel(n)) mine.push({ at: 'below' });
    else if (plainText(n)) {
      for (const at of LABEL_PLACES) mine.push({ at });
      // Shortened from the style rule's caption when it has one (client/src/style), else from the name.
      const short = shortLabel(String(n.data('caption') ?? n.data('label') ?? ''), SHORTER_LABEL);
      if (short.length < plainText(n).length) for (const at of LABEL_PLACES) mine.push({ at, text: short });
    }
    placements.set(n.id(), mine);
    const half = halfSize(n);
    const p = n.position();
    const [x, y] = [p.x * view.zoom + view.pan.x, p.y * view.zoom + view.pan.y];
    const sizes = new Map<string | undefined, { width: number; height: number }>();
    const font = fontOf(n);
    const options = mine.map(({ at, text }) => {
      const size = sizes.get(text) ?? labelSize(n, text, view.zoom, font);
      sizes.set(text, size);
      const b = placeBox(at, size.width, size.height, half, view.zoom);
      return { x1: x + b.x1, x2: x + b.x2, y1: y + b.y1, y2: y + b.y2 };
    });
    candidates.push({ id: n.id(), priority, options, body, weight });
  }
  return { candidates, placements };
}

/** The labels among `nodes` that would be drawn at `zoom`, and how, by node id (for the fits, canvas.ts). */
export function labelsDrawnAt(nodes: NodeCollection, zoom: number): Map<string, LabelPlacement> {
  const { candidates, placements } = candidatesOf(nodes, { zoom, pan: { x: 0, y: 0 } });
  const out = new Map<string, LabelPlacement>();
  for (const [id, at] of chooseLabels(candidates, { landmark: LANDMARK }))
    out.set(id, placements.get(id)![at]!);
  return out;
}

/**
 * Sets each label's size for the current zoom, then chooses the labels drawn and where: a label goes where it
 * overlaps no more important label and no other node's shape, and is not cut off at the canvas's edge; one with
 * no such place is hidden (class `no-label`).
 */
export function declutterLabels(cy: Core): void {
  const view = { zoom: cy.zoom(), pan: cy.pan() };
  const resized: NodeSingular[] = [];
  cy.batch(() => {
    cy.nodes().forEach((n: NodeSingular) => {
      const model = labelPx(n) / view.zoom;
      if (n.data('fontSize') === model) return;
      n.data({ fontSize: model, maxLabelWidth: WRAP_PX / view.zoom });
      resized.push(n);
    });
    cy.edges().forEach((e) => {
      const model = LABEL_PX.edge / view.zoom;
      if (e.data('fontSize') !== model) e.data('fontSize', model);
    });
  });
  // Asked for a box right after a change of style, Cytoscape works it out before bringing the style up to date,
  // and keeps that stale box (the label is then drawn cut short): reading a style first brings it up to date.
  for (const n of resized) void n.style('font-size');

  const screen = { width: cy.width(), height: cy.height() };
  // An expanded group's box (client/src/groups) holds its members: it is no shape for their labels to avoid.
  const { candidates, placements } = candidatesOf(cy.nodes(':visible:childless'), view, screen);
  const chosen = chooseLabels(candidates, {
    bounds: { x1: 0, y1: 0, x2: screen.width, y2: screen.height },
    landmark: LANDMARK,
  });
  cy.batch(() => {
    cy.nodes().forEach((n: NodeSingular) => {
      const at = chosen.get(n.id());
      const hide = at === undefined;
      if (hide !== n.hasClass('no-label')) n.toggleClass('no-label', hide);
      if (hide) return;
      const placement = placements.get(n.id())![at]!;
      const want = { labelAt: placement.at, shorten: placement.text !== undefined };
      if (n.data('labelAt') !== want.labelAt || n.data('shorten') !== want.shorten)
        n.data(placement.text === undefined ? want : { ...want, shorterLabel: placement.text });
      else if (placement.text !== undefined && n.data('shorterLabel') !== placement.text)
        n.data('shorterLabel', placement.text);
    });
  });
}

/** Re-runs the label choice whenever the viewport settles (and on `refresh`, after layouts and class changes). */
export function labelController(cy: Core): Controller & { refresh(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refresh = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!cy.destroyed()) declutterLabels(cy);
    }, 60);
  };
  cy.on('viewport resize', refresh);
  return {
    refresh,
    dispose: () => {
      clearTimeout(timer);
      cy.off('viewport resize', refresh);
    },
  };
}
