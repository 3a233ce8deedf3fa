import Graph from 'graphology';
import betweenness from 'graphology-metrics/centrality/betweenness';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../graph/layouts/seeded.ts';
import { adjacencyOf, betweennessOf } from './betweenness.ts';

/** A random graph of `n` nodes and about `m` relationships, with a few hubs and some nodes left alone. */
function randomPairs(n: number, m: number, seed: number): [number, number][] {
  const random = seededRandom(seed);
  const seen = new Set<string>();
  const pairs: [number, number][] = [];
  for (let i = 0; i < m; i++) {
    const a = Math.floor(n * random() ** 2);
    const b = Math.floor(n * random());
    const key = a < b ? `${a} ${b}` : `${b} ${a}`;
    if (a !== b && !seen.has(key)) {
      seen.add(key);
      pairs.push([a, b]);
    }
  }
  return pairs;
}

describe('betweenness', () => {
  it('gives graphology’s numbers on random graphs, hubs, several components and nodes alone', () => {
    for (const [n, m, seed] of [
      [30, 40, 1],
      [120, 200, 2],
      [400, 900, 3],
      [60, 20, 4],
    ] as const) {
      const pairs = randomPairs(n, m, seed);
      const g = new Graph({ type: 'undirected' });
      for (let i = 0; i < n; i++) g.addNode(String(i));
      for (const [a, b] of pairs) g.addEdge(String(a), String(b));
      const expected = betweenness(g, { normalized: true, getEdgeWeight: null });
      const got = betweennessOf(adjacencyOf(n, pairs));
      for (let i = 0; i < n; i++) expect(got[i]).toBeCloseTo(expected[String(i)]!, 12);
      expect(Math.max(...got)).toBeGreaterThan(0);
    }
  });

  it('counts every shortest path: in a square, each corner carries half of the pair across from it', () => {
    // 0-1-2-3-0: between 0 and 2 run two shortest paths, through 1 and through 3.
    const got = betweennessOf(
      adjacencyOf(4, [
        [0, 1],
        [1, 2],
        [2, 3],
        [3, 0],
      ]),
    );
    // Each corner: half of one pair of the three pairs of other nodes.
    expect([...got]).toEqual([1 / 6, 1 / 6, 1 / 6, 1 / 6]);
  });

  it('is 0 for graphs too small to have a node between two others', () => {
    expect([...betweennessOf(adjacencyOf(2, [[0, 1]]))]).toEqual([0, 0]);
    expect([...betweennessOf(adjacencyOf(0, []))]).toEqual([]);
  });
});
