// The timeline layout: dated nodes left to right by date, one lane per kind. Dates run from 1945 to 2022
// in the memo, so the axis is ordinal (one column per distinct date) rather than proportional. Items of one
// date and lane fill a small grid, so a crowded day widens its column instead of piling up. Undated nodes
// (actors) get the top lane, under the average column of what they are linked to.
import type { GraphData } from '../../explorer/graph.ts';
import { periodOf } from '../../time/time.ts';
import { ALL_KINDS } from '../kinds.ts';
import type { Point } from './placement.ts';

const LANE_ORDER: readonly string[] = ALL_KINDS;
const CELL_WIDTH = 90;
const ROW_HEIGHT = 48;
const LANE_GAP = 60;
const ACTOR_ROWS = 5;

export interface TimelineLayout {
  positions: Record<string, Point>;
  /** One entry per distinct date: the x of its column's centre and the date. */
  columns: { x: number; date: string }[];
}

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

function layoutWithRows(graph: GraphData, ids: readonly string[], maxRows: number): TimelineLayout {
  const laneOf = (id: string) => {
    const kind = graph.nodes[id]?.kind ?? 'OTHER';
    return LANE_ORDER.includes(kind) ? kind : 'OTHER';
  };
  const start = new Map<string, string>();
  for (const id of ids) {
    const n = graph.nodes[id];
    const p = n && periodOf(n);
    if (p) start.set(id, p.start);
  }
  const dates = [...new Set(start.values())].sort();

  // Cells: (date, lane) → items; a column is as wide as its fullest cell needs.
  const cells = new Map<string, string[]>();
  for (const [id, d] of start) {
    const key = `${d}|${laneOf(id)}`;
    (cells.get(key) ?? cells.set(key, []).get(key)!).push(id);
  }
  const columnCells = new Map<string, number>();
  for (const [key, items] of cells) {
    const d = key.slice(0, key.indexOf('|'));
    columnCells.set(d, Math.max(columnCells.get(d) ?? 1, Math.ceil(items.length / maxRows)));
  }
  const columnLeft = new Map<string, number>();
  let left = 0;
  for (const d of dates) {
    columnLeft.set(d, left);
    left += (columnCells.get(d) ?? 1) * CELL_WIDTH + CELL_WIDTH * 0.4;
  }
  const columnCentre = (d: string) => columnLeft.get(d)! + ((columnCells.get(d) ?? 1) * CELL_WIDTH) / 2;

  const lanes = new Map<string, string[]>();
  for (const id of ids) {
    if (!graph.nodes[id]) continue;
    const lane = laneOf(id);
    (lanes.get(lane) ?? lanes.set(lane, []).get(lane)!).push(id);
  }

  const positions: Record<string, Point> = {};
  const laneTop = new Map<string, number>();
  let top = 0;
  const order = [...LANE_ORDER, 'OTHER'].filter((l) => lanes.get(l)?.length);
  // Dated lanes first (their rows are known), then the undated lane goes on top of them.
  for (const lane of order) {
    const members = lanes.get(lane)!;
    const dated = members.filter((id) => start.has(id));
    if (dated.length === 0) continue;
    laneTop.set(lane, top);
    let rows = 1;
    for (const d of dates) {
      const items = (cells.get(`${d}|${lane}`) ?? []).sort((a, b) => a.localeCompare(b));
      items.forEach((id, i) => {
        const col = Math.floor(i / maxRows);
        const row = i % maxRows;
        rows = Math.max(rows, row + 1);
        positions[id] = {
          x: columnLeft.get(d)! + col * CELL_WIDTH + CELL_WIDTH / 2,
          y: top + row * ROW_HEIGHT,
        };
      });
    }
    top += rows * ROW_HEIGHT + LANE_GAP;
  }

  // Undated nodes: above the dated lanes, under the average x of what they link to, in greedy rows.
  const adjacency = new Map<string, string[]>();
  for (const e of Object.values(graph.edges)) {
    if (!graph.nodes[e.source] || !graph.nodes[e.target]) continue;
    adjacency.set(e.source, [...(adjacency.get(e.source) ?? []), e.target]);
    adjacency.set(e.target, [...(adjacency.get(e.target) ?? []), e.source]);
  }
  const undated = ids.filter((id) => graph.nodes[id] && !start.has(id));
  const xOf = new Map(
    undated.map((id) => {
      const linked = (adjacency.get(id) ?? [])
        .map((n) => positions[n]?.x)
        .filter((x): x is number => x !== undefined);
      return [id, linked.length ? linked.reduce((a, b) => a + b, 0) / linked.length : left];
    }),
  );
  undated.sort((a, b) => xOf.get(a)! - xOf.get(b)! || a.localeCompare(b));
  const rowEnds: number[] = [];
  const placed: { id: string; row: number; x: number }[] = [];
  for (const id of undated) {
    const x = xOf.get(id)!;
    let row = rowEnds.findIndex((end) => end + CELL_WIDTH * 1.3 <= x);
    if (row === -1 && rowEnds.length < ACTOR_ROWS) row = rowEnds.push(x) - 1;
    // All rows busy: the row that frees up first (labels there are thinned out by the declutter).
    if (row === -1) row = rowEnds.indexOf(Math.min(...rowEnds));
    rowEnds[row] = x;
    placed.push({ id, row, x });
  }
  for (const p of placed)
    positions[p.id] = { x: p.x, y: -LANE_GAP - (rowEnds.length - 1 - p.row) * ROW_HEIGHT * 0.8 };

  return { positions, columns: dates.map((date) => ({ x: columnCentre(date), date })) };
}
