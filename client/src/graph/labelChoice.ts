// Which labels to draw, and where, given the places each could go on screen: the pure part of the label
// declutter (labels.ts). Most important first (selected, hovered, on the path; then the selection's neighbours;
// then by degree; then by id, so the same picture gives the same choice), a label takes the first of its places
// (under its node, beside it, above it; whole, then shortened) that overlaps no label already drawn and no other
// node's shape, inside the canvas. A landmark (a hub) with no such place may cover the shapes of much smaller
// nodes, which then go without a label; any other label with no free place is not drawn. No DOM, no Cytoscape.

/** A box on screen, in CSS pixels. */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface LabelCandidate {
  id: string;
  /** Higher first; Infinity means always drawn (selected, hovered, on the path), whatever it covers. */
  priority: number;
  /** The boxes the label could take, best first (a forced label takes the first). */
  options: readonly Box[];
  /** The node's shape, which no other node's label may cover (but see `weight`). */
  body?: Box;
  /** How much the node stands out (its degree): see ChoiceOptions.landmark. */
  weight?: number;
}

/** Longest label drawn without selection or hover; the full text is in the details panel. */
export const SHORT_LABEL = 32;
/** The shorter form tried when the short label does not fit. */
export const SHORTER_LABEL = 16;

/** A label shortened to `max` characters with an ellipsis. */
export function shortLabel(label: string, max = SHORT_LABEL): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}

/** True when the boxes overlap, or come closer than `gap` pixels. */
export function overlaps(a: Box, b: Box, gap = 0): boolean {
  return a.x1 < b.x2 + gap && b.x1 < a.x2 + gap && a.y1 < b.y2 + gap && b.y1 < a.y2 + gap;
}

/** The order labels are considered in: priority, then id. */
export function byImportance(a: LabelCandidate, b: LabelCandidate): number {
  if (a.priority !== b.priority) return b.priority > a.priority ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Boxes bucketed by grid cell, so that a look-up meets only the boxes nearby. */
class BoxGrid {
  private cells = new Map<string, { box: Box; owner: number }[]>();
  constructor(private readonly cell = 64) {}

  private *keys(b: Box): Generator<string> {
    const [cx1, cx2] = [Math.floor(b.x1 / this.cell), Math.floor(b.x2 / this.cell)];
    const [cy1, cy2] = [Math.floor(b.y1 / this.cell), Math.floor(b.y2 / this.cell)];
    for (let x = cx1; x <= cx2; x++) for (let y = cy1; y <= cy2; y++) yield `${x},${y}`;
  }

  add(box: Box, owner: number): void {
    for (const k of this.keys(box)) {
      const list = this.cells.get(k);
      if (list) list.push({ box, owner });
      else this.cells.set(k, [{ box, owner }]);
    }
  }

  /** The owners of the boxes that come within `gap` of `box`. */
  near(box: Box, gap: number): Set<number> {
    const grown = { x1: box.x1 - gap, y1: box.y1 - gap, x2: box.x2 + gap, y2: box.y2 + gap };
    const out = new Set<number>();
    for (const k of this.keys(grown))
      for (const e of this.cells.get(k) ?? []) if (overlaps(e.box, box, gap)) out.add(e.owner);
    return out;
  }
}

export interface ChoiceOptions {
  /** Room kept between two labels, and between a label and a shape, in pixels. */
  gap?: number;
  /** Where labels must lie whole (the canvas): one that would be cut off at its edge is not drawn. */
  bounds?: Box;
  /**
   * A landmark is a node of weight `from` or more. When its label has no free place, it may cover the shapes of
   * less important nodes of at most 1/`ratio` of its weight, which then go without a label. None without this.
   */
  landmark?: { from: number; ratio: number };
}

const inside = (b: Box, bounds: Box) =>
  b.x1 >= bounds.x1 && b.y1 >= bounds.y1 && b.x2 <= bounds.x2 && b.y2 <= bounds.y2;

/**
 * Greedy choice of labels, most important first: each label takes the first of its options that overlaps no
 * label already drawn and no other node's shape (and lies inside `bounds`); failing that, a landmark's label
 * takes the first that covers only much smaller nodes' shapes (see ChoiceOptions.landmark); else it is not
 * drawn. Forced labels (priority Infinity) take their first option whatever it covers. Returns, for each label
 * drawn, the index of the option it takes.
 */
export function chooseLabels(
  candidates: readonly LabelCandidate[],
  { gap = 2, bounds, landmark }: ChoiceOptions = {},
): Map<string, number> {
  const order = [...candidates].sort(byImportance);
  const bodies = new BoxGrid();
  order.forEach((c, rank) => c.body && bodies.add(c.body, rank));
  const drawn = new BoxGrid();
  const covered = new Set<number>();
  const out = new Map<string, number>();
  order.forEach((c, rank) => {
    const forced = c.priority === Infinity;
    if (c.options.length === 0 || (covered.has(rank) && !forced)) return;
    const weight = c.weight ?? 0;
    const free = (box: Box) => (!bounds || inside(box, bounds)) && drawn.near(box, gap).size === 0;
    const under = (box: Box) => [...bodies.near(box, gap)].filter((r) => r !== rank);
    const smaller = (r: number) => r > rank && (order[r]!.weight ?? 0) * landmark!.ratio <= weight;
    let at = forced ? 0 : c.options.findIndex((box) => free(box) && under(box).length === 0);
    if (at < 0 && !forced && landmark && weight >= landmark.from)
      at = c.options.findIndex((box) => free(box) && under(box).every(smaller));
    if (at < 0) return;
    const box = c.options[at]!;
    drawn.add(box, rank);
    for (const r of under(box)) if (r > rank) covered.add(r);
    out.set(c.id, at);
  });
  return out;
}
