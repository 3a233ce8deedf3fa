// Choosing which candidate paths to show (docs/decisions/2026-11-29-paths.md): simple paths only, one per
// sequence of nodes, shortest first, then those through less connected nodes (a specific meeting says more
// than a hub such as a country), then by the nodes' ids so that the order never changes between calls.
// Between paths through the same nodes (Xi met Putin several times), the one with more dated edges, then the one
// whose dates lie closest together, wins.

/** A path as the search returns it: its nodes (ids and degrees) and edge ids in path order. */
export interface CandidatePath {
  nodes: { id: string; degree: number }[];
  edgeIds: string[];
  /** How many of its edges carry a date (between two paths through the same nodes, the dated one explains more). */
  datedEdges: number;
  /** Days between its earliest and latest dated edge (0 with fewer than two): events close in time belong together. */
  dateSpanDays: number;
}

/** Days between the earliest and the latest of these ISO dates; 0 for fewer than two. */
export function dateSpanDays(dates: readonly string[]): number {
  const times = dates.map((d) => Date.parse(`${d.slice(0, 10)}T00:00:00Z`)).filter((t) => !Number.isNaN(t));
  if (times.length < 2) return 0;
  return Math.round((Math.max(...times) - Math.min(...times)) / 86_400_000);
}

function compareLists(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i]! < b[i]!) return -1;
    if (a[i]! > b[i]!) return 1;
  }
  return a.length - b.length;
}

/** The sum of the degrees of a path's inner nodes: the "hub penalty". */
export function hubPenalty(path: CandidatePath): number {
  return path.nodes.slice(1, -1).reduce((sum, n) => sum + n.degree, 0);
}

/** Picks up to `limit` distinct simple paths, best first. */
export function rankPaths<T extends CandidatePath>(candidates: readonly T[], limit: number): T[] {
  const simple = candidates.filter((p) => new Set(p.nodes.map((n) => n.id)).size === p.nodes.length);
  const ordered = [...simple].sort(
    (a, b) =>
      a.edgeIds.length - b.edgeIds.length ||
      hubPenalty(a) - hubPenalty(b) ||
      compareLists(
        a.nodes.map((n) => n.id),
        b.nodes.map((n) => n.id),
      ) ||
      b.datedEdges - a.datedEdges ||
      a.dateSpanDays - b.dateSpanDays ||
      compareLists(a.edgeIds, b.edgeIds),
  );
  const seen = new Set<string>();
  const chosen: T[] = [];
  for (const path of ordered) {
    const key = path.nodes.map((n) => n.id).join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    chosen.push(path);
    if (chosen.length === limit) break;
  }
  return chosen;
}
