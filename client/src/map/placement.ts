// Where the map mode puts each node: a located node (one with coordinates) at its place on the world outline,
// nodes at one place on a small ring around it, then pushed apart until no two overlap; unlocated nodes in a grid
// to the east of the map, beside it. Pure: the map layout (layout.ts) reads and moves the canvas.
import { separate, type Point } from '../graph/layouts/placement.ts';
import { project, WORLD_BOUNDS, type Location } from './projection.ts';

/** A node as the map places it: its id, the side of its box, and its place (null: unlocated). */
export interface MapNode {
  id: string;
  side: number;
  location: Location | null;
}

/** The unlocated nodes' grid: one cell per node, as tall as the map, starting this far east of it. */
export const GRID_CELL = 100;
export const GRID_GAP = 150;
const GRID_ROWS = Math.max(1, Math.floor((WORLD_BOUNDS.y2 - WORLD_BOUNDS.y1) / GRID_CELL));
const GRID_LEFT = WORLD_BOUNDS.x2 + GRID_GAP;

/** The centre of the grid's `index`-th cell: down the first column, then the next one east. */
export function gridCell(index: number): Point {
  return {
    x: GRID_LEFT + Math.floor(index / GRID_ROWS) * GRID_CELL + GRID_CELL / 2,
    y: WORLD_BOUNDS.y1 + (index % GRID_ROWS) * GRID_CELL + GRID_CELL / 2,
  };
}

/** The grid cell a position is the centre of, or -1 (a node not in the grid). */
function cellAt(p: Point): number {
  const x = (p.x - GRID_LEFT - GRID_CELL / 2) / GRID_CELL;
  const y = (p.y - WORLD_BOUNDS.y1 - GRID_CELL / 2) / GRID_CELL;
  const [col, row] = [Math.round(x), Math.round(y)];
  // Within a hundredth of a cell: positions come back from the canvas as the floats they were set to.
  const onCell = Math.abs(x - col) < 0.01 && Math.abs(y - row) < 0.01;
  if (!onCell || col < 0 || row < 0 || row >= GRID_ROWS) return -1;
  return col * GRID_ROWS + row;
}

/**
 * Located nodes at their places: those at one place on a ring around it, in id order (so the picture is always
 * the same), then pushed apart where boxes overlap; `fixed` nodes (already on the map) do not move.
 */
function placeLocated(
  nodes: readonly MapNode[],
  fixed: ReadonlyArray<{ id: string; side: number; at: Point }> = [],
): Record<string, Point> {
  const byPlace = new Map<string, MapNode[]>();
  for (const n of [...nodes].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const key = `${n.location!.latitude},${n.location!.longitude}`;
    (byPlace.get(key) ?? byPlace.set(key, []).get(key)!).push(n);
  }
  const out: Record<string, Point> = {};
  for (const group of byPlace.values()) {
    const centre = project(group[0]!.location!);
    if (group.length === 1) {
      out[group[0]!.id] = centre;
      continue;
    }
    // A ring wide enough for the group's largest boxes side by side.
    const side = Math.max(...group.map((n) => n.side));
    const radius = (side * group.length) / (2 * Math.PI) + side / 2;
    group.forEach((n, i) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / group.length;
      out[n.id] = { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) };
    });
  }
  const boxes = [
    ...nodes.map((n) => ({ id: n.id, ...out[n.id]!, w: n.side, h: n.side })),
    ...fixed.map((f) => ({ id: f.id, ...f.at, w: f.side, h: f.side })),
  ];
  const moved = separate(boxes, new Set(fixed.map((f) => f.id)));
  for (const n of nodes) if (moved[n.id]) out[n.id] = moved[n.id]!;
  return out;
}

/** Positions for every node: located ones on the map, unlocated ones in the grid beside it (in the given order). */
export function mapPlacement(nodes: readonly MapNode[]): Record<string, Point> {
  const located = nodes.filter((n) => n.location);
  const out = placeLocated(located);
  nodes.filter((n) => !n.location).forEach((n, i) => (out[n.id] = gridCell(i)));
  return out;
}

/**
 * Positions for nodes added to a map already drawn (`placed`: every other node, with its box and position): a
 * located one at its place, pushed off the others (which stay); an unlocated one in the first free grid cell.
 */
export function mapAdditions(
  added: readonly MapNode[],
  placed: ReadonlyArray<{ id: string; side: number; at: Point }>,
): Record<string, Point> {
  const out = placeLocated(
    added.filter((n) => n.location),
    placed,
  );
  const taken = new Set(placed.map((p) => cellAt(p.at)));
  let cell = 0;
  for (const n of added.filter((a) => !a.location)) {
    while (taken.has(cell)) cell++;
    taken.add(cell);
    out[n.id] = gridCell(cell);
  }
  return out;
}
