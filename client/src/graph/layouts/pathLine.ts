// A path shown on the graph is laid out as a line from its source to its target, so that it reads in order and
// no node's shape or label covers another's: left to right, continuing on the next row (right to left, so each
// step stays short) when the canvas is too narrow. Works in screen pixels, since labels keep a constant size on
// screen; the canvas turns the result into model positions at the zoom it shows the path at. Pure.
import type { Point } from './placement.ts';

/** One node of the path as drawn: its extent around its position, in screen pixels. */
export interface PathItem {
  id: string;
  /** Width of the wider of its shape and its label. */
  width: number;
  /** From its position up to the top of its shape. */
  above: number;
  /** From its position down to the bottom of its label (labels sit under the shape). */
  below: number;
}

/** A drawn box in screen pixels. */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PathLineOptions {
  /** The widest a row may be (the canvas's width less a margin). */
  maxWidth: number;
  /** Room between one node's box and the next one's, for the relationship and its label; one per step. */
  gaps: readonly number[];
  /** Room between rows. */
  rowGap?: number;
}

/** The box of `item` at `p`. */
export function boxAt(item: PathItem, p: Point): Box {
  return { x1: p.x - item.width / 2, x2: p.x + item.width / 2, y1: p.y - item.above, y2: p.y + item.below };
}

/** Whether two boxes overlap (touching edges do not). */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/** Positions (screen pixels, centred on 0,0) for the path's nodes, in order, as a line that wraps into rows. */
export function pathLine(items: readonly PathItem[], options: PathLineOptions): Record<string, Point> {
  const rowGap = options.rowGap ?? 48;
  const gapAfter = (i: number) => options.gaps[i] ?? 40;
  // Fill rows greedily: a node starts a new row when it would pass the width (a row holds at least one).
  const rows: number[][] = [];
  let row: number[] = [];
  let width = 0;
  items.forEach((item, i) => {
    if (row.length && width + gapAfter(i - 1) + item.width > options.maxWidth) {
      rows.push(row);
      row = [];
      width = 0;
    }
    width += row.length ? gapAfter(i - 1) + item.width : item.width;
    row.push(i);
  });
  if (row.length) rows.push(row);

  // Each row starts under the last node of the row above; even rows run right, odd rows left.
  const out: Record<string, Point> = {};
  let top = 0;
  let startX = 0;
  rows.forEach((indexes, r) => {
    const y = top + Math.max(...indexes.map((i) => items[i]!.above));
    const dir = r % 2 === 0 ? 1 : -1;
    let x = startX;
    indexes.forEach((i, k) => {
      if (k > 0) x += dir * (items[i - 1]!.width / 2 + gapAfter(i - 1) + items[i]!.width / 2);
      out[items[i]!.id] = { x, y };
    });
    startX = x;
    top = y + Math.max(...indexes.map((i) => items[i]!.below)) + rowGap;
  });
  const boxes = items.map((item) => boxAt(item, out[item.id]!));
  const cx = (Math.min(...boxes.map((b) => b.x1)) + Math.max(...boxes.map((b) => b.x2))) / 2;
  const cy = (Math.min(...boxes.map((b) => b.y1)) + Math.max(...boxes.map((b) => b.y2))) / 2;
  for (const item of items) {
    out[item.id] = { x: out[item.id]!.x - cx, y: out[item.id]!.y - cy };
  }
  return out;
}

/**
 * Moves the points inside `area` (other nodes under the path) out of it, up or down to its nearer edge and
 * `margin` beyond, so that nothing else sits on the path. Returns only the points it moved.
 */
export function clearArea(
  points: Readonly<Record<string, Point>>,
  area: Box,
  margin: number,
): Record<string, Point> {
  const out: Record<string, Point> = {};
  const middle = (area.y1 + area.y2) / 2;
  for (const [id, p] of Object.entries(points)) {
    if (p.x < area.x1 - margin || p.x > area.x2 + margin || p.y < area.y1 - margin || p.y > area.y2 + margin)
      continue;
    out[id] = { x: p.x, y: p.y < middle ? area.y1 - margin : area.y2 + margin };
  }
  return out;
}
