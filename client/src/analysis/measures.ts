// Graph measures of the nodes on the canvas: degree, PageRank and communities with graphology's metrics and
// Louvain, betweenness (normalised) with betweenness.ts, which gives graphology's numbers several times faster. Pure and deterministic (the same graph gives the same numbers and the
// same communities), so it runs the same in the page's Web Worker (measures.worker.ts), in tests and in the
// benchmark (bench/client/measures.ts). Relationships count once between two nodes, whatever their direction.
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { seededRandom } from '../graph/layouts/seeded.ts';
import { adjacencyOf, betweennessOf } from './betweenness.ts';

/** The measures, in the order the table shows them. */
export const MEASURES = ['degree', 'pagerank', 'betweenness', 'community'] as const;
export type Measure = (typeof MEASURES)[number];

export const MEASURE_LABELS: Record<Measure, string> = {
  degree: 'Degree',
  pagerank: 'PageRank',
  betweenness: 'Betweenness',
  community: 'Community',
};

/** What the measures are computed on: node ids and relationships as [source, target]. */
export interface MeasureInput {
  nodes: string[];
  edges: [string, string][];
}

/** Each node's measures; communities are numbered from 1, the largest first. */
export type Measures = Record<string, Record<Measure, number>>;

/** The measures of every node of `input`. */
export function computeMeasures(input: MeasureInput): Measures {
  const g = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const ids = [...new Set(input.nodes)].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const pairs: [number, number][] = [];
  for (const id of ids) g.addNode(id);
  for (const [a, b] of input.edges)
    if (a !== b && g.hasNode(a) && g.hasNode(b) && !g.hasEdge(a, b)) {
      g.addEdge(a, b);
      pairs.push([index.get(a)!, index.get(b)!]);
    }
  const ranks = g.size > 0 ? pagerank(g, { getEdgeWeight: null }) : {};
  const between = betweennessOf(adjacencyOf(ids.length, pairs));
  const found = g.size > 0 ? louvain(g, { rng: seededRandom(1), getEdgeWeight: null }) : {};
  // Communities renumbered by size (largest first, ties by their first member's id), so the numbers mean something.
  const members = new Map<number, string[]>();
  for (const id of ids) {
    const c = found[id] ?? -1 - members.size;
    members.set(c, [...(members.get(c) ?? []), id]);
  }
  const order = [...members.values()].sort((x, y) => y.length - x.length || x[0]!.localeCompare(y[0]!));
  const community = new Map(order.flatMap((group, i) => group.map((id) => [id, i + 1] as const)));
  const result: Measures = {};
  for (const id of ids)
    result[id] = {
      degree: g.degree(id),
      pagerank: ranks[id] ?? 1 / Math.max(ids.length, 1),
      betweenness: between[index.get(id)!]!,
      community: community.get(id)!,
    };
  return result;
}
