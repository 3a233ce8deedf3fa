// The canvas in formats other tools open: GEXF (Gephi, Gephi Lite), GraphML (yEd, Cytoscape desktop, NetworkX) and
// CSV (a nodes file and a relationships file, for spreadsheets), written by core/exchange, the same writers as the
// server's whole-graph export. Each keeps ids, kinds, dates at their precision, basis (stated or inferred),
// passages and sources, and the measures when computed. The whole graph is the server's (/export/<file>): it is
// fetched with the page's token and saved as it comes.
import {
  exchangeEdge,
  exchangeNode,
  type Column,
  type Exchange,
  toCsv as csvOf,
  toGexf as gexfOf,
  toGraphml as graphmlOf,
} from '../../../core/exchange/exchange.ts';
import { visibleElements } from '../explorer/projection.ts';
import type { ExplorerState } from '../explorer/state.ts';
import { MEASURES, type Measures } from './measures.ts';

export type { Exchange };

/** The measures' columns, after the fixed ones. */
const MEASURE_COLUMNS: Column[] = MEASURES.map((name) => ({ name, type: 'double' }));

/** What the canvas shows, with the measures when they were computed. */
export function exchangeOf(state: ExplorerState, measures: Measures | null = null): Exchange {
  const { nodeIds, edgeIds } = visibleElements(state);
  return {
    nodes: nodeIds.map((id) => {
      const m = measures?.[id];
      return exchangeNode(
        state.graph.nodes[id]!,
        m ? Object.fromEntries(MEASURES.map((k) => [k, m[k]])) : {},
      );
    }),
    edges: edgeIds.map((id) => exchangeEdge(state.graph.edges[id]!)),
  };
}

/** GEXF 1.2, as Gephi reads it. */
export const toGexf = (x: Exchange): string => gexfOf(x, {}, MEASURE_COLUMNS);

/** GraphML, with a typed key for every attribute of nodes and of relationships. */
export const toGraphml = (x: Exchange): string => graphmlOf(x, {}, MEASURE_COLUMNS);

/** Two CSV files (RFC 4180): the nodes with their attributes, and the relationships with source and target. */
export const toCsv = (x: Exchange): { nodes: string; edges: string } => csvOf(x, MEASURE_COLUMNS);

/** The whole graph's files, as the server serves them at /export/<file>. */
export const WHOLE_GRAPH_FILES = ['graph.gexf', 'graph.graphml', 'nodes.csv', 'edges.csv'] as const;
export type WholeGraphFile = (typeof WHOLE_GRAPH_FILES)[number];

/**
 * Fetches the whole graph's `file` from the server with `token` (where tokens are on): the file as a Blob, or the
 * server's error message.
 */
export async function fetchWholeGraph(
  file: WholeGraphFile,
  token: string | null,
  fetchFn: typeof fetch = fetch,
): Promise<{ ok: true; blob: Blob } | { ok: false; message: string }> {
  let response: Response;
  try {
    response = await fetchFn(`/export/${file}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  } catch {
    return { ok: false, message: 'The explorer’s server cannot be reached.' };
  }
  if (response.ok) return { ok: true, blob: await response.blob() };
  const body = (await response.json().catch(() => null)) as { errors?: { message?: string }[] } | null;
  return {
    ok: false,
    message:
      body?.errors?.[0]?.message ?? `The server answered ${response.status} ${response.statusText}`.trim(),
  };
}
