// Search: choosing a hit brings the node onto the graph (with its links to nodes already drawn), makes it
// visible, selects it and emphasises it. The transition, the link filter and the workflow that ties them.
import { ApiError, describeError } from '../api/client.ts';
import type { api, SearchHit } from '../api/operations.ts';
import type { ExplorerSearchQueryVariables } from '../generated/graphql.ts';
import type { GraphEdge, GraphNode, NodeKind } from '../api/types.ts';
import { evidenceFilter, type EvidenceFilter } from '../evidence/evidence.ts';
import { noticeShown, type ConnectionState } from '../connection/connection.ts';
import { addElements, newNodeIds, type GraphData } from '../explorer/graph.ts';
import { remember, type ActionOf, type ExplorerState } from '../explorer/state.ts';
import type { Store } from '../shared/store.ts';
import { periodOf, windowKeeps } from '../time/time.ts';

/** Suggestions asked for: of every kind, and of one kind (more: every trade figure, every September meeting). */
export const SEARCH_LIMIT = 10;
export const KIND_SEARCH_LIMIT = 25;

/**
 * What a search asks of the API: the words, one kind or every kind, and the explorer's evidence filter, so that
 * every suggestion is a node the canvas would draw (an inferred meeting is not offered under "only what the
 * sources state", nor what rests only on sources graded below the minimum).
 */
export function searchVariables(
  text: string,
  kind: NodeKind | null,
  evidence: EvidenceFilter,
): ExplorerSearchQueryVariables {
  const { statedOnly, minReliability } = evidenceFilter(evidence);
  return {
    text,
    ...(kind ? { kinds: [kind], limit: KIND_SEARCH_LIMIT } : { limit: SEARCH_LIMIT }),
    ...(statedOnly ? { statedOnly } : {}),
    ...(minReliability ? { minReliability } : {}),
  };
}

/** What a node-like item (a node, a table row) stands for as a search hit, its dates as precise as its own. */
export function hitOfItem(item: {
  id: string;
  kind: NodeKind;
  label: string;
  date: string | null;
  properties: Record<string, unknown>;
  summary?: string | null;
  degree?: number;
}): SearchHit {
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    id: item.id,
    kind: item.kind,
    label: item.label,
    date: item.date,
    datePrecision: text(item.properties.datePrecision),
    endDate: text(item.properties.endDate),
    endDatePrecision: text(item.properties.endDatePrecision),
    summary: item.summary || null,
    degree: item.degree ?? 0,
  };
}

/** The words between which a search asks for paths: "Modi to Xi", "Modi -> Xi", "Modi → Xi". */
const PATH_QUERY = /^(.+?)\s+(?:to|->|→)\s+(.+)$/i;

/**
 * The two ends named by a search for the paths between them ("Narendra Modi to Xi Jinping"), or null when the
 * words do not read so. Each end needs `min` characters, as a search does.
 */
export function pathQuery(text: string, min = 2): { from: string; to: string } | null {
  const m = PATH_QUERY.exec(text.trim());
  if (!m) return null;
  const [from, to] = [m[1]!.trim(), m[2]!.trim()];
  return from.length >= min && to.length >= min ? { from, to } : null;
}

/** Adds a node found by search (and its links to nodes already shown) and selects it. */
export function addNode(state: ExplorerState, action: ActionOf<'nodeAdded'>): ExplorerState {
  const added = newNodeIds(state.graph, action);
  const focusId = action.focus;
  const next: ExplorerState = {
    ...state,
    history: added.length ? remember(state, 'add') : state.history,
    graph: addElements(state.graph, action),
    hidden: focusId ? state.hidden.filter((id) => id !== focusId) : state.hidden,
  };
  if (!focusId) return next;
  // The chosen node must be visible: show its kind, and widen the time window if it hid it (an undated node:
  // the window stays and shows every undated node).
  const node = next.graph.nodes[focusId];
  const hiddenKinds = node ? next.hiddenKinds.filter((k) => k !== node.kind) : next.hiddenKinds;
  const window = next.timeWindow;
  const timeWindow =
    !node || !window || windowKeeps(next.graph, window)(focusId)
      ? window
      : periodOf(node)
        ? null
        : { ...window, showUndated: true };
  return {
    ...next,
    hiddenKinds,
    timeWindow,
    selection: { type: 'node', id: focusId },
    focus: { id: focusId, seq: (state.focus?.seq ?? 0) + 1 },
  };
}

/** The relationships of `edges` that join node `id` to a node already in the graph. */
export function linksToGraph(graph: GraphData, id: string, edges: readonly GraphEdge[]): GraphEdge[] {
  return edges.filter(
    (e) => (e.source === id && graph.nodes[e.target]) || (e.target === id && graph.nodes[e.source]),
  );
}

/** What the search workflow reads and writes. */
export interface SearchDeps {
  explorer: Store<ExplorerState>;
  connection: Store<ConnectionState>;
  api: Pick<typeof api, 'neighborhood' | 'node'>;
}

/** Brings the chosen hit onto the graph (or just focuses it when it is there), saying so while it loads. */
export async function chooseHit({ explorer, connection, api }: SearchDeps, hit: SearchHit): Promise<void> {
  if (explorer.get().graph.nodes[hit.id]) {
    explorer.set((s) => addNode(s, { type: 'nodeAdded', nodes: [], edges: [], focus: hit.id }));
    return;
  }
  connection.set((c) => noticeShown(c, `Loading ${hit.label}…`));
  try {
    const sub = await api.neighborhood({ id: hit.id, depth: 1, limit: 200 });
    const node: GraphNode | null = sub.nodes.find((n) => n.id === hit.id) ?? (await api.node(hit.id));
    if (!node) throw new ApiError(`${hit.label} is no longer in the graph.`, 'NOT_FOUND');
    const edges = linksToGraph(explorer.get().graph, hit.id, sub.edges);
    explorer.set((s) => addNode(s, { type: 'nodeAdded', nodes: [node], edges, focus: hit.id }));
    connection.set((c) => noticeShown(c, null));
  } catch (e) {
    connection.set((c) => noticeShown(c, describeError(e)));
  }
}
