// The timeline layout: dated nodes left to right by date, one lane per kind. Dates run from 1945 to 2022 in the
// memo, so the canvas's axis is ordinal (one column per distinct date and precision: "2022" and "January 2022"
// are two columns) rather than proportional; the timeline strip under the canvas is the proportional view. Items
// of one date and lane fill a small grid, so a crowded day widens its column instead of piling up. Undated nodes
// (actors) get a band of their own above the lanes, each as near as it can be to the average column of what it
// links to, pushed along its row rather than on top of a neighbour. Rows are as tall as the largest node in
// them, so no two node shapes overlap.
import type { GraphData } from '../../explorer/graph.ts';
import { periodOf } from '../../time/time.ts';
import { ALL_KINDS, nodeSize } from '../kinds.ts';
import type { Point } from './placement.ts';

const LANE_ORDER: readonly string[] = ALL_KINDS;
const CELL_WIDTH = 90;
const ROW_HEIGHT = 48;
const LANE_GAP = 60;
/** Space between two node shapes side by side or one above the other. */
const GAP = 10;
const BAND_ROWS = 5;

export interface TimelineColumn {
  /** The x of the column's centre. */
  x: number;
  /** The first day of the period its nodes share. */
  date: string;
  /** How much of the date its nodes know: a column of "September 2022" items is "month". */
  precision: string;
}

export interface TimelineLayout {
  positions: Record<string, Point>;
  /** One entry per distinct date and precision, left to right. */
  columns: TimelineColumn[];
}

const PRECISION_ORDER = ['year', 'month', 'day'];

/**
 * Positions for the timeline layout of the nodes `ids`. Crowded dates fill grids of up to `maxRows` rows; with
 * an `aspect` (the canvas's width / height) the row count that best matches the canvas is chosen.
 */
export function timelineLayout(graph: GraphData, ids: readonly string[], aspect?: number): TimelineLayout {
  if (aspect === undefined) return layoutWithRows(graph, ids, 3);
  let best: TimelineLayout | null = null;
  let bestScore = Infinity;
  for (let rows = 2; rows <= 8; rows++) {
    const candidate = layoutWithRows(graph, ids, rows);
    const pts = Object.values(candidate.positions);
    if (pts.length === 0) return candidate;
    const w = Math.max(...pts.map((p) => p.x)) - Math.min(...pts.map((p) => p.x)) + CELL_WIDTH;
    const h = Math.max(...pts.map((p) => p.y)) - Math.min(...pts.map((p) => p.y)) + ROW_HEIGHT;
    const score = Math.abs(Math.log(w / h / aspect));
    if (score < bestScore - 0.05) {
      best = candidate;
      bestScore = score;
    }
  }
  return best!;
}

/** The column a dated node goes in: its start and precision ("2022-01-01|month"), sortable. */
function columnKey(start: string, precision: unknown): string {
  const p = typeof precision === 'string' && PRECISION_ORDER.includes(precision) ? precision : 'day';
  return `${start}|${PRECISION_ORDER.indexOf(p)}${p}`;
}

function layoutWithRows(graph: GraphData, ids: readonly string[], maxRows: number): TimelineLayout {
  const laneOf = (id: string) => {
    const kind = graph.nodes[id]?.kind ?? 'OTHER';
    return LANE_ORDER.includes(kind) ? kind : 'OTHER';
  };
  const sizeOf = (id: string) => nodeSize(graph.nodes[id]?.degree ?? 0);
  const column = new Map<string, string>();
  for (const id of ids) {
    const n = graph.nodes[id];
    const p = n && periodOf(n);
    if (p) column.set(id, columnKey(p.start, n.properties.datePrecision));
  }
  const keys = [...new Set(column.values())].sort();

  // Cells: (column, lane) → items; a column is as wide as its fullest cell needs.
  const cells = new Map<string, string[]>();
  for (const [id, key] of column) {
    const cell = `${key}#${laneOf(id)}`;
    (cells.get(cell) ?? cells.set(cell, []).get(cell)!).push(id);
  }
  const columnCells = new Map<string, number>();
  for (const [cell, items] of cells) {
    const key = cell.slice(0, cell.indexOf('#'));
    columnCells.set(key, Math.max(columnCells.get(key) ?? 1, Math.ceil(items.length / maxRows)));
  }
  const columnLeft = new Map<string, number>();
  let left = 0;
  for (const key of keys) {
    columnLeft.set(key, left);
    left += (columnCells.get(key) ?? 1) * CELL_WIDTH + CELL_WIDTH * 0.4;
  }
  const columnCentre = (key: string) => columnLeft.get(key)! + ((columnCells.get(key) ?? 1) * CELL_WIDTH) / 2;

  const lanes = new Map<string, string[]>();
  for (const id of ids) {
    if (!graph.nodes[id]) continue;
    const lane = laneOf(id);
    (lanes.get(lane) ?? lanes.set(lane, []).get(lane)!).push(id);
  }

  const positions: Record<string, Point> = {};
  let top = 0;
  let firstLaneHalf = 0;
  const order = [...LANE_ORDER, 'OTHER'].filter((l) => lanes.get(l)?.length);
  // Dated lanes first (their rows are known), then the undated band goes on top of them.
  for (const lane of order) {
    const dated = lanes.get(lane)!.filter((id) => column.has(id));
    if (dated.length === 0) continue;
    const largest = Math.max(...dated.map(sizeOf));
    if (top === 0) firstLaneHalf = largest / 2;
    // Rows as tall as the lane's largest node; the lane starts half of one below the previous lane's end.
    const rowHeight = Math.max(ROW_HEIGHT, largest + GAP);
    if (top > 0) top += largest / 2;
    let rows = 1;
    for (const key of keys) {
      const items = (cells.get(`${key}#${lane}`) ?? []).sort((a, b) => a.localeCompare(b));
      items.forEach((id, i) => {
        const col = Math.floor(i / maxRows);
        const row = i % maxRows;
        rows = Math.max(rows, row + 1);
        positions[id] = {
          x: columnLeft.get(key)! + col * CELL_WIDTH + CELL_WIDTH / 2,
          y: top + row * rowHeight,
        };
      });
    }
    top += (rows - 1) * rowHeight + largest / 2 + LANE_GAP;
  }

  const undated = ids.filter((id) => graph.nodes[id] && !column.has(id));
  placeUndated(graph, undated, positions, left, -(firstLaneHalf + LANE_GAP));

  return {
    positions,
    columns: keys.map((key) => {
      const [date, p] = key.split('|') as [string, string];
      return { x: columnCentre(key), date, precision: p.slice(1) };
    }),
  };
}

/**
 * The undated band: each node wants the average x of the dated nodes it links to (those linked to none, the
 * right end, after the latest date); rows are filled left to right, a node going to the row where it lands
 * nearest to where it wants to be, pushed right past the node before it. `bottom` is the y the band's lowest
 * node shapes must stay above.
 */
function placeUndated(
  graph: GraphData,
  undated: readonly string[],
  positions: Record<string, Point>,
  right: number,
  bottom: number,
): void {
  if (undated.length === 0) return;
  const sizeOf = (id: string) => nodeSize(graph.nodes[id]?.degree ?? 0);
  const adjacency = new Map<string, string[]>();
  for (const e of Object.values(graph.edges)) {
    if (!graph.nodes[e.source] || !graph.nodes[e.target]) continue;
    (adjacency.get(e.source) ?? adjacency.set(e.source, []).get(e.source)!).push(e.target);
    (adjacency.get(e.target) ?? adjacency.set(e.target, []).get(e.target)!).push(e.source);
  }
  const want = new Map(
    undated.map((id) => {
      const linked = (adjacency.get(id) ?? [])
        .map((n) => positions[n]?.x)
        .filter((x): x is number => x !== undefined);
      return [id, linked.length ? linked.reduce((a, b) => a + b, 0) / linked.length : right];
    }),
  );
  const sorted = [...undated].sort((a, b) => want.get(a)! - want.get(b)! || a.localeCompare(b));
  // Each row's right edge so far; a row is opened while the band has fewer than BAND_ROWS.
  const rowRight: number[] = [];
  const placed: { id: string; row: number; x: number }[] = [];
  for (const id of sorted) {
    const x = want.get(id)!;
    const half = sizeOf(id) / 2;
    const at = (row: number) => Math.max(x, rowRight[row]! + GAP + half);
    let row = -1;
    for (let r = 0; r < rowRight.length; r++) if (row === -1 || at(r) < at(row)) row = r;
    if ((row === -1 || at(row) > x) && rowRight.length < BAND_ROWS) row = rowRight.push(-Infinity) - 1;
    const px = at(row);
    rowRight[row] = px + half;
    placed.push({ id, row, x: px });
  }
  const rowHeight = Math.max(ROW_HEIGHT, Math.max(...undated.map(sizeOf)) + GAP);
  const lowest = bottom - Math.max(...undated.map(sizeOf)) / 2;
  for (const p of placed) positions[p.id] = { x: p.x, y: lowest - p.row * rowHeight };
}
