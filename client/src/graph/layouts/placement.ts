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
