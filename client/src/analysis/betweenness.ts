// Betweenness of an unweighted, undirected graph: Brandes' algorithm over flat typed arrays. graphology-metrics
// gives the same numbers (the unit test compares them) but builds a predecessor list per node per source, which
// took 2.8 s on a 5,000-node canvas (npm run bench:measures). Here each search appends the shortest-path steps it
// finds to one flat list, read backwards to share out the dependencies, and nothing is allocated per source. A node
// with one neighbour is never a source: its paths are its neighbour's, plus one step (folded into the neighbour's).

/** The graph as compressed adjacency: node i's neighbours are `neighbours[offsets[i] .. offsets[i + 1])`. */
export interface Adjacency {
  offsets: Int32Array;
  neighbours: Int32Array;
}

/** Compressed adjacency of `order` nodes from undirected pairs of indexes (each pair given once). */
export function adjacencyOf(order: number, pairs: readonly (readonly [number, number])[]): Adjacency {
  const degree = new Int32Array(order);
  for (const [a, b] of pairs) {
    degree[a]!++;
    degree[b]!++;
  }
  const offsets = new Int32Array(order + 1);
  for (let i = 0; i < order; i++) offsets[i + 1] = offsets[i]! + degree[i]!;
  const next = offsets.slice(0, order);
  const neighbours = new Int32Array(offsets[order]!);
  for (const [a, b] of pairs) {
    neighbours[next[a]!++] = b;
    neighbours[next[b]!++] = a;
  }
  return { offsets, neighbours };
}

/**
 * Each node's betweenness, normalised as graphology's is for an undirected graph: the share of the pairs of other
 * nodes whose shortest paths run through it (0 for every node of a graph of two nodes or fewer).
 */
export function betweennessOf({ offsets, neighbours }: Adjacency): Float64Array {
  const n = offsets.length - 1;
  const degree = (v: number) => offsets[v + 1]! - offsets[v]!;
  // How many one-neighbour nodes hang off each node: their searches are this node's, counted again.
  const leaves = new Int32Array(n);
  for (let v = 0; v < n; v++) if (degree(v) === 1) leaves[neighbours[offsets[v]!]!]!++;
  const centrality = new Float64Array(n);
  const order = new Int32Array(n); // nodes in the order the search reached them (also its queue)
  const distance = new Int32Array(n).fill(-1);
  const paths = new Float64Array(n); // shortest paths from the source
  const delta = new Float64Array(n);
  const stepFrom = new Int32Array(neighbours.length); // each shortest-path step found, in the order found
  const stepTo = new Int32Array(neighbours.length);
  for (let s = 0; s < n; s++) {
    if (degree(s) <= 1) continue;
    distance[s] = 0;
    paths[s] = 1;
    order[0] = s;
    let head = 0;
    let reached = 1;
    let steps = 0;
    while (head < reached) {
      const v = order[head++]!;
      const next = distance[v]! + 1;
      for (let k = offsets[v]!, end = offsets[v + 1]!; k < end; k++) {
        const w = neighbours[k]!;
        const d = distance[w]!;
        if (d === -1) {
          distance[w] = next;
          order[reached++] = w;
        } else if (d !== next) continue;
        paths[w]! += paths[v]!;
        stepFrom[steps] = v;
        stepTo[steps++] = w;
      }
    }
    // Backwards, every step after the ones beyond it: each node hands its share to the one nearer the source.
    for (let i = steps - 1; i >= 0; i--) {
      const v = stepFrom[i]!;
      const w = stepTo[i]!;
      delta[v]! += (paths[v]! / paths[w]!) * (1 + delta[w]!);
    }
    const times = 1 + leaves[s]!;
    for (let i = 1; i < reached; i++) centrality[order[i]!]! += times * delta[order[i]!]!;
    // From each leaf of s, every other node reached lies beyond s.
    centrality[s]! += leaves[s]! * (reached - 2);
    for (let i = 0; i < reached; i++) {
      const v = order[i]!;
      distance[v] = -1;
      paths[v] = 0;
      delta[v] = 0;
    }
  }
  if (n > 2) for (let i = 0; i < n; i++) centrality[i]! /= (n - 1) * (n - 2);
  return centrality;
}
