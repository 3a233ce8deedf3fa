// `npm run bench:measures`: how long the explorer's graph measures (client/src/analysis/measures.ts: degree,
// PageRank, betweenness, Louvain communities; the code the page runs in its Web Worker) take on canvases of 500,
// 2,000 and 5,000 nodes with the memo's density and a skew towards hubs (deterministic: the same sizes give the
// same graphs). Target (issue 17): 5,000 nodes within 2 s. Prints the median and the slowest of --reps runs, each
// measure's median, and graphology's betweenness beside the explorer's own (client/src/analysis/betweenness.ts).
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweenness from 'graphology-metrics/centrality/betweenness';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { parseOptions, runCli } from '../../core/cli.ts';
import { adjacencyOf, betweennessOf } from '../../client/src/analysis/betweenness.ts';
import { computeMeasures, type MeasureInput } from '../../client/src/analysis/measures.ts';
import { seededRandom } from '../../client/src/graph/layouts/seeded.ts';
import { machineInfo } from '../machine.ts';

const USAGE = `usage: npm run bench:measures -- [--sizes 500,2000,5000] [--reps N]
  --sizes  node counts (default 500,2000,5000)
  --reps   runs per size (default 5)`;

/** Relationships per node: the memo's canvas has 365 for 178 nodes, about 2 per node. */
const PER_NODE = 2.1;

/** A canvas of `n` nodes: each relationship's ends drawn with a skew towards low indexes (a few hubs). */
export function canvasOf(n: number, seed = 17): MeasureInput {
  const random = seededRandom(seed);
  const nodes = Array.from({ length: n }, (_, i) => `node:${i}`);
  const pick = () => Math.floor(n * random() ** 2.2);
  const edges: [string, string][] = [];
  for (let i = 0; i < Math.round(n * PER_NODE); i++)
    edges.push([nodes[pick()]!, nodes[Math.floor(n * random())]!]);
  return { nodes, edges };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function time(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

async function main(): Promise<number> {
  const args = parseOptions({ values: ['sizes', 'reps'], flags: [] }, USAGE);
  const sizes = (args.sizes ?? '500,2000,5000').split(',').map(Number);
  const reps = Number(args.reps ?? 5);
  const machine = await machineInfo();
  console.log(
    `measures on ${machine.cpus} cores, load average ${machine.loadAverage.join(' ')}, Node ${process.version}`,
  );
  console.log(
    'nodes  relationships  all four: median (slowest)  betweenness  pagerank  louvain  graphology betweenness',
  );
  for (const size of sizes) {
    const input = canvasOf(size);
    const g = new Graph({ type: 'undirected' });
    const index = new Map(input.nodes.map((id, i) => [id, i]));
    const pairs: [number, number][] = [];
    for (const id of input.nodes) g.addNode(id);
    for (const [a, b] of input.edges)
      if (a !== b && !g.hasEdge(a, b)) {
        g.addEdge(a, b);
        pairs.push([index.get(a)!, index.get(b)!]);
      }
    computeMeasures(input); // warm-up: the first run compiles the code
    const all = Array.from({ length: reps }, () => time(() => computeMeasures(input)));
    const part = (f: () => void) => median(Array.from({ length: reps }, () => time(f)));
    console.log(
      [
        String(size).padStart(5),
        String(g.size).padStart(14),
        `${median(all).toFixed(0)} ms (${Math.max(...all).toFixed(0)} ms)`.padStart(27),
        `${part(() => betweennessOf(adjacencyOf(size, pairs))).toFixed(0)} ms`.padStart(12),
        `${part(() => pagerank(g, { getEdgeWeight: null })).toFixed(0)} ms`.padStart(9),
        `${part(() => louvain(g, { rng: seededRandom(1), getEdgeWeight: null })).toFixed(0)} ms`.padStart(8),
        `${part(() => betweenness(g, { normalized: true, getEdgeWeight: null })).toFixed(0)} ms`.padStart(23),
      ].join(' '),
    );
  }
  return 0;
}

runCli(main);
