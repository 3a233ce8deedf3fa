// The hierarchical layout: relationships point down, from the nodes nothing points to (an actor that attended,
// said or signed) to what they point at. Cytoscape's `breadthfirst` layout (registry.ts) finds each node's depth
// from the roots chosen here and orders each depth under its parents; the rows are then placed here, a depth
// wider than the canvas wrapping onto several rows, so a graph of 60 actors does not become one line 7,000 wide.

import type { Point } from './placement.ts';

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The roots of the hierarchy: every node no drawn relationship points to (a relationship to itself aside), in id
 * order; then, while some node cannot be reached from a root by following relationships forward (a cycle with
 * nothing above it, or a component that is all cycles), the best connected of those nodes (ties by id) is made a
 * root too. Every node is then below some root.
 */
export function hierarchyRoots(
  ids: readonly string[],
  edges: readonly { source: string; target: string }[],
): string[] {
  const nodes = new Set(ids);
  const out = new Map<string, string[]>();
  const incoming = new Set<string>();
  const degree = new Map<string, number>();
  for (const e of edges) {
    if (!nodes.has(e.source) || !nodes.has(e.target) || e.source === e.target) continue;
    (out.get(e.source) ?? out.set(e.source, []).get(e.source)!).push(e.target);
    incoming.add(e.target);
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const sorted = [...nodes].sort(byId);
  const roots = sorted.filter((id) => !incoming.has(id));
  const reached = new Set<string>();
  const reach = (from: string) => {
    const queue = [from];
    reached.add(from);
    while (queue.length) {
      for (const next of out.get(queue.shift()!) ?? []) {
        if (!reached.has(next)) {
          reached.add(next);
          queue.push(next);
        }
      }
    }
  };
  roots.forEach(reach);
  for (;;) {
    let best: string | null = null;
    for (const id of sorted) {
      if (reached.has(id)) continue;
      if (best === null || (degree.get(id) ?? 0) > (degree.get(best) ?? 0)) best = id;
    }
    if (best === null) break;
    roots.push(best);
    reach(best);
  }
  return roots.sort(byId);
}

export interface RowSpacing {
  /** Between the centres of two neighbours on a row. */
  column: number;
  /** Between two rows of one depth (a wrapped depth). */
  row: number;
  /** Between the last row of a depth and the first of the next. */
  depth: number;
}

/** How many nodes a row holds at most: the count whose picture is nearest the canvas's shape (width / height). */
export function rowLength(depthSizes: readonly number[], spacing: RowSpacing, aspect: number): number {
  const widest = Math.max(1, ...depthSizes);
  let best = widest;
  let bestScore = Infinity;
  for (let n = Math.min(widest, 6); n <= widest; n++) {
    const rows = depthSizes.reduce((s, size) => s + Math.max(1, Math.ceil(size / n)), 0);
    const w = n * spacing.column;
    const h = (rows - depthSizes.length) * spacing.row + depthSizes.length * spacing.depth;
    const score = Math.abs(Math.log(w / h / aspect));
    // Ties go to longer rows: wrapping only when it makes the picture fit the canvas better.
    if (score <= bestScore) {
      best = n;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Positions for depths of nodes (each in its order, left to right): one depth under the other, a depth longer
 * than `perRow` wrapping onto further rows, each row centred on x = 0 and every other row of a wrapped depth
 * shifted half a column, so that relationships from above pass between its nodes.
 */
export function rowPositions(
  depths: readonly (readonly string[])[],
  spacing: RowSpacing,
  perRow: number,
): Record<string, Point> {
  const out: Record<string, Point> = {};
  let y = 0;
  depths.forEach((ids, d) => {
    if (d > 0) y += spacing.depth;
    const rows = Math.max(1, Math.ceil(ids.length / perRow));
    for (let r = 0; r < rows; r++) {
      if (r > 0) y += spacing.row;
      const row = ids.slice(r * perRow, (r + 1) * perRow);
      const shift = rows > 1 && r % 2 === 1 ? spacing.column / 2 : 0;
      row.forEach((id, i) => {
        out[id] = { x: (i - (row.length - 1) / 2) * spacing.column + shift, y };
      });
    }
  });
  return out;
}
