// Where newly arrived nodes go before the layout polishes them: around a neighbour that is already placed,
// so what the analyst has arranged stays put and new nodes appear next to what they came from.
import type { GraphData } from '../../explorer/graph.ts';

export type Point = { x: number; y: number };

/** Starting positions for `newIds`: on a ring around an already placed neighbour, or near the centre. */
export function placeNear(
  newIds: readonly string[],
  graph: GraphData,
  placed: Readonly<Record<string, Point>>,
  radius = 120,
): Record<string, Point> {
  const out: Record<string, Point> = {};
  const at = (id: string) => placed[id] ?? out[id];
  const byParent = new Map<string, string[]>();
  const orphans: string[] = [];
  const adjacency = new Map<string, string[]>();
  for (const e of Object.values(graph.edges)) {
    if (!graph.nodes[e.source] || !graph.nodes[e.target]) continue;
    (adjacency.get(e.source) ?? adjacency.set(e.source, []).get(e.source)!).push(e.target);
    (adjacency.get(e.target) ?? adjacency.set(e.target, []).get(e.target)!).push(e.source);
  }
  for (const id of newIds) {
    const parent = (adjacency.get(id) ?? []).find((n) => placed[n]);
    if (parent) (byParent.get(parent) ?? byParent.set(parent, []).get(parent)!).push(id);
    else orphans.push(id);
  }
  for (const [parent, children] of byParent) {
    const c = placed[parent]!;
    children.forEach((id, i) => {
      const angle = (2 * Math.PI * i) / children.length + 0.3;
      const ring = radius * (1 + Math.floor(i / 16) * 0.6);
      out[id] = { x: c.x + ring * Math.cos(angle), y: c.y + ring * Math.sin(angle) };
    });
  }
  const pts = Object.values(placed);
  const centre = pts.length
    ? { x: pts.reduce((s, p) => s + p.x, 0) / pts.length, y: pts.reduce((s, p) => s + p.y, 0) / pts.length }
    : { x: 0, y: 0 };
  // Orphans: next to a neighbour placed in this round, or spread around the centre.
  orphans.forEach((id, i) => {
    const friend = (adjacency.get(id) ?? []).find((n) => at(n));
    const c = friend ? at(friend)! : centre;
    const angle = (2 * Math.PI * i) / Math.max(orphans.length, 1);
    const r = friend ? radius * 0.7 : radius * 2;
    out[id] = { x: c.x + r * Math.cos(angle), y: c.y + r * Math.sin(angle) };
  });
  return out;
}

/**
 * Like `placeNear`, but no new node's box (a square of side `sizeOf(id)`, plus `gap`) overlaps a placed node's or
 * another new node's: one that would is moved to the nearest free spot on rings around where it wanted to be.
 * Placed nodes never move. `placed` holds every node already on the canvas that new ones must keep clear of.
 */
export function placeFree(
  newIds: readonly string[],
  graph: GraphData,
  placed: Readonly<Record<string, Point>>,
  sizeOf: (id: string) => number,
  gap = 12,
): Record<string, Point> {
  const wanted = placeNear(newIds, graph, placed, 120);
  const boxes = new BoxGrid(Math.max(40, ...Object.keys(placed).map(sizeOf), ...newIds.map(sizeOf)) + gap);
  for (const [id, p] of Object.entries(placed)) boxes.add(p, sizeOf(id) + gap);
  const out: Record<string, Point> = {};
  for (const id of newIds) {
    const side = sizeOf(id) + gap;
    const want = wanted[id]!;
    let at = want;
    // Ring r holds 8r candidates, one side apart: the first free one, in a fixed order, wins.
    for (let r = 1; boxes.hits(at, side) && r < 200; r++) {
      const n = 8 * r;
      for (let k = 0; k < n; k++) {
        const angle = (2 * Math.PI * k) / n;
        const p = { x: want.x + r * side * Math.cos(angle), y: want.y + r * side * Math.sin(angle) };
        if (!boxes.hits(p, side)) {
          at = p;
          break;
        }
      }
    }
    out[id] = at;
    boxes.add(at, side);
  }
  return out;
}

/** Square boxes in a grid of buckets, for asking quickly whether a new box would overlap one of them. */
class BoxGrid {
  private readonly cells = new Map<string, { p: Point; side: number }[]>();
  constructor(private readonly cell: number) {}

  private key(i: number, j: number) {
    return `${i},${j}`;
  }

  add(p: Point, side: number): void {
    const k = this.key(Math.floor(p.x / this.cell), Math.floor(p.y / this.cell));
    (this.cells.get(k) ?? this.cells.set(k, []).get(k)!).push({ p, side });
  }

  /** Whether a box of `side` centred on `p` overlaps a box already added. Boxes are at most `cell` wide. */
  hits(p: Point, side: number): boolean {
    const i = Math.floor(p.x / this.cell);
    const j = Math.floor(p.y / this.cell);
    for (let di = -1; di <= 1; di++)
      for (let dj = -1; dj <= 1; dj++)
        for (const b of this.cells.get(this.key(i + di, j + dj)) ?? []) {
          const reach = (b.side + side) / 2;
          if (Math.abs(b.p.x - p.x) < reach && Math.abs(b.p.y - p.y) < reach) return true;
        }
    return false;
  }
}

/** A node's box for `separate`: its centre and the width and height of its shape. */
export interface SizedPoint {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Moves nodes apart until no two boxes overlap (with `gap` between them), each pair pushed apart along the axis
 * where they overlap least, half each way (all the way for the one of them that is `fixed`). Moves are worked
 * out from the positions of the round before, so the order nodes come in does not matter; a layout that has few
 * overlaps changes only there. Returns the new centres of the nodes that moved.
 */
export function separate(
  boxes: readonly SizedPoint[],
  fixed: ReadonlySet<string> = new Set(),
  gap = 4,
  rounds = 200,
): Record<string, Point> {
  const nodes = [...boxes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((b) => ({ ...b }));
  const cell = Math.max(1, ...nodes.map((n) => Math.max(n.w, n.h))) + gap;
  const moved = new Set<string>();
  for (let round = 0; round < rounds; round++) {
    const grid = new Map<string, number[]>();
    nodes.forEach((n, i) => {
      const k = `${Math.floor(n.x / cell)},${Math.floor(n.y / cell)}`;
      (grid.get(k) ?? grid.set(k, []).get(k)!).push(i);
    });
    const dx: number[] = nodes.map(() => 0);
    const dy: number[] = nodes.map(() => 0);
    let any = false;
    nodes.forEach((a, i) => {
      const [ci, cj] = [Math.floor(a.x / cell), Math.floor(a.y / cell)];
      for (let di = -1; di <= 1; di++)
        for (let dj = -1; dj <= 1; dj++)
          for (const j of grid.get(`${ci + di},${cj + dj}`) ?? []) {
            if (j <= i) continue;
            const b = nodes[j]!;
            const ox = (a.w + b.w) / 2 + gap - Math.abs(a.x - b.x);
            const oy = (a.h + b.h) / 2 + gap - Math.abs(a.y - b.y);
            if (ox <= 0 || oy <= 0) continue;
            const [aFixed, bFixed] = [fixed.has(a.id), fixed.has(b.id)];
            if (aFixed && bFixed) continue;
            any = true;
            // Share the push: all of it to the one that is free to move, if only one is.
            const [sa, sb] = aFixed ? [0, 1] : bFixed ? [1, 0] : [0.5, 0.5];
            if (ox <= oy) {
              // b to the right of a, or, on the same spot, the later id.
              const dir = b.x > a.x || (b.x === a.x && b.y >= a.y) ? 1 : -1;
              dx[i]! -= dir * ox * sa;
              dx[j]! += dir * ox * sb;
            } else {
              const dir = b.y > a.y || (b.y === a.y && b.x >= a.x) ? 1 : -1;
              dy[i]! -= dir * oy * sa;
              dy[j]! += dir * oy * sb;
            }
          }
    });
    if (!any) break;
    nodes.forEach((n, i) => {
      if (dx[i] === 0 && dy[i] === 0) return;
      n.x += dx[i]!;
      n.y += dy[i]!;
      moved.add(n.id);
    });
  }
  return Object.fromEntries(nodes.filter((n) => moved.has(n.id)).map((n) => [n.id, { x: n.x, y: n.y }]));
}

/**
 * A quick first place for every node of a new graph while its layout is worked out (the force layout takes
 * seconds on thousands of nodes): a sunflower spiral `spacing` apart, the best connected in the middle (ties by
 * id, so the same graph gives the same picture). Linear in the nodes, so it never holds up the first frame.
 */
export function spiral(ids: readonly string[], graph: GraphData, spacing = 60): Record<string, Point> {
  const degree = (id: string) => graph.nodes[id]?.degree ?? 0;
  const order = [...ids].sort((a, b) => degree(b) - degree(a) || (a < b ? -1 : a > b ? 1 : 0));
  const golden = Math.PI * (3 - Math.sqrt(5));
  const out: Record<string, Point> = {};
  order.forEach((id, i) => {
    const r = spacing * Math.sqrt(i);
    out[id] = { x: r * Math.cos(i * golden), y: r * Math.sin(i * golden) };
  });
  return out;
}
