// The document view (issue 14): a document's whole text with every encoded span marked, opened from a claim's
// passage in the details panel (or from the header), and a click on a span selecting its node or relationship
// on the canvas, brought there first when it is not drawn yet (as search does for a hit). Its state, the one
// query it asks, and the workflow from a span to the canvas.
import { ApiError, describeError, request } from '../api/client.ts';
import type { api } from '../api/operations.ts';
import type { GraphEdge, GraphNode, Subgraph } from '../api/types.ts';
import { noticeShown, type ConnectionState } from '../connection/connection.ts';
import { select } from '../details/selection.ts';
import type { ExplorerState } from '../explorer/state.ts';
import type { ExplorerDocumentQuery } from '../generated/graphql.ts';
import { addNode, linksToGraph } from '../search/search.ts';
import type { Store } from '../shared/store.ts';
import { documentIdOf, passagesOf } from '../../../core/model/index.ts';
import { itemId, type DocumentSpan, type SpanItem } from './spans.ts';

/** A range of the text: the passage the view was opened from, or the span chosen in it last. */
export interface TextRange {
  start: number;
  end: number;
}

/** Whether the document view is open, on which document, and which span it emphasises. */
export type DocumentView =
  | { open: false }
  | {
      open: true;
      documentId: string;
      current: TextRange | null;
      /** Grows each time the view is opened, so that the current span is scrolled to again. */
      seq: number;
    };

export const closedDocument: DocumentView = { open: false };

/** Opens (or turns) the view on `documentId`, emphasising `current`. */
export function documentOpened(
  view: DocumentView,
  documentId: string,
  current: TextRange | null,
): DocumentView {
  return { open: true, documentId, current, seq: (view.open ? view.seq : 0) + 1 };
}

/** Closes the view. */
export const documentClosed = (): DocumentView => closedDocument;

/** Makes `range` the emphasised span (a click on it); the view does not scroll, the span is in sight. */
export function spanChosen(view: DocumentView, range: TextRange): DocumentView {
  return view.open ? { ...view, current: { start: range.start, end: range.end } } : view;
}

/**
 * The document the header's "Document" button opens: the one the selected node or relationship rests on, else
 * the one most of the canvas's nodes come from; null when none rests on a document.
 */
export function documentOfGraph(state: ExplorerState): string | null {
  const sel = state.selection;
  const selected =
    sel.type === 'node' ? state.graph.nodes[sel.id] : sel.type === 'edge' ? state.graph.edges[sel.id] : null;
  const passage = selected ? passagesOf(selected.properties)[0] : undefined;
  if (passage) return passage.documentId;
  const counts = new Map<string, number>();
  for (const n of Object.values(state.graph.nodes)) {
    const folder = n.properties.document;
    if (typeof folder === 'string') counts.set(folder, (counts.get(folder) ?? 0) + 1);
  }
  let best: [string, number] | null = null;
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
  return best ? documentIdOf(best[0]) : null;
}

/** A document's text and every span of it that a claim rests on. */
export const DOCUMENT = /* GraphQL */ `
  query ExplorerDocument($id: ID!) {
    documentText(id: $id)
    documentSpans(id: $id) {
      start
      end
      nodeId
      edgeId
      label
      kind
      source
      target
    }
  }
`;

export interface DocumentContent {
  /** Null when the document has no stored text. */
  text: string | null;
  spans: DocumentSpan[];
}

/** Asks for document `id`'s text and spans. */
export async function fetchDocument(id: string, signal?: AbortSignal): Promise<DocumentContent> {
  const d = await request<ExplorerDocumentQuery>(DOCUMENT, { id }, { signal });
  return { text: d.documentText ?? null, spans: d.documentSpans };
}

/**
 * Brings a relationship onto the graph with its two ends (each with its links to the nodes drawn already) and
 * selects it: both ends made visible as search makes a chosen node visible, the relationship then selected.
 */
export function edgeShown(
  state: ExplorerState,
  { nodes, edges, edge }: { nodes: GraphNode[]; edges: GraphEdge[]; edge: GraphEdge },
): ExplorerState {
  const added = state.graph.edges[edge.id] ? edges : [...edges, edge];
  const withSource = addNode(state, { type: 'nodeAdded', nodes, edges: added, focus: edge.source });
  const withTarget = addNode(withSource, { type: 'nodeAdded', nodes: [], edges: [], focus: edge.target });
  return select(withTarget, { type: 'edge', id: edge.id });
}

/** What choosing a span reads and writes. */
export interface ChooseSpanDeps {
  explorer: Store<ExplorerState>;
  connection: Store<ConnectionState>;
  api: Pick<typeof api, 'neighborhood' | 'node'>;
}

const NEIGHBOURS = 200;

/** The node `id` from a neighbourhood that holds it, else asked for alone. */
async function nodeFrom(api: ChooseSpanDeps['api'], sub: Subgraph, id: string): Promise<GraphNode | null> {
  return sub.nodes.find((n) => n.id === id) ?? (await api.node(id));
}

/**
 * Selects the claim `item` on the canvas: at once when it is drawn; otherwise its node (with its links to what is
 * drawn) or its relationship (with both ends, from their neighbourhoods) is loaded first, saying so meanwhile.
 */
export async function chooseSpan(
  { explorer, connection, api }: ChooseSpanDeps,
  item: SpanItem,
): Promise<void> {
  const id = itemId(item);
  const { graph } = explorer.get();
  if (item.nodeId !== null && graph.nodes[id]) {
    explorer.set((s) => addNode(s, { type: 'nodeAdded', nodes: [], edges: [], focus: id }));
    return;
  }
  const drawn = graph.edges[id];
  if (item.edgeId !== null && drawn && graph.nodes[drawn.source] && graph.nodes[drawn.target]) {
    explorer.set((s) => edgeShown(s, { nodes: [], edges: [], edge: drawn }));
    return;
  }
  connection.set((c) => noticeShown(c, `Loading ${item.label}…`));
  try {
    if (item.nodeId !== null) {
      const sub = await api.neighborhood({ id, depth: 1, limit: NEIGHBOURS });
      const node = await nodeFrom(api, sub, id);
      if (!node) throw new ApiError(`${item.label} is no longer in the graph.`, 'NOT_FOUND');
      const edges = linksToGraph(explorer.get().graph, id, sub.edges);
      explorer.set((s) => addNode(s, { type: 'nodeAdded', nodes: [node], edges, focus: id }));
    } else {
      const [from, to] = [item.source ?? '', item.target ?? ''];
      // Both neighbourhoods: a busy end may have more neighbours than one page holds, the other end fewer.
      const [fromSub, toSub] = await Promise.all([
        api.neighborhood({ id: from, depth: 1, limit: NEIGHBOURS }),
        api.neighborhood({ id: to, depth: 1, limit: NEIGHBOURS }),
      ]);
      const edge = [...fromSub.edges, ...toSub.edges].find((e) => e.id === id);
      const [source, target] = await Promise.all([nodeFrom(api, fromSub, from), nodeFrom(api, toSub, to)]);
      if (!edge || !source || !target)
        throw new ApiError(`${item.label} is no longer in the graph.`, 'NOT_FOUND');
      const current = explorer.get().graph;
      const edges = [
        ...linksToGraph(current, from, fromSub.edges),
        ...linksToGraph(current, to, toSub.edges),
      ];
      explorer.set((s) => edgeShown(s, { nodes: [source, target], edges, edge }));
    }
    connection.set((c) => noticeShown(c, null));
  } catch (e) {
    connection.set((c) => noticeShown(c, describeError(e)));
  }
}
