// What the canvas shows, computed from the state: which elements are drawn and the classes each one carries.
// The Cytoscape stylesheet is keyed on these classes (graph/stylesheet.ts); nothing else styles elements.
import { edgePasses, nodePasses } from '../evidence/evidence.ts';
import { edgeInWindow, windowKeeps } from '../time/time.ts';
import { drawableEdges } from './graph.ts';
import type { ExplorerState } from './state.ts';

/** What decides which elements are drawn. */
export type Filters = Pick<ExplorerState, 'graph' | 'hidden' | 'hiddenKinds' | 'timeWindow'> &
  Partial<Pick<ExplorerState, 'evidence' | 'documents'>>;

/**
 * The documents that make a node or relationship's claim: a shared entity's `documents` (every document that names
 * it), else the one `document` that owns it; none for an element that says neither.
 */
export function documentsOf(properties: Record<string, unknown>): string[] {
  if (Array.isArray(properties.documents)) return properties.documents.filter((d) => typeof d === 'string');
  return typeof properties.document === 'string' ? [properties.document] : [];
}

/** Whether the document filter keeps an element: no filter, one of its documents shown, or it names none. */
function documentKeeps(documents: string[] | null | undefined, properties: Record<string, unknown>): boolean {
  if (!documents) return true;
  const own = documentsOf(properties);
  return own.length === 0 || own.some((d) => documents.includes(d));
}

/**
 * Whether the analyst's own filters (hidden nodes, hidden kinds, the documents, the evidence filter) leave a node out, before
 * the time window.
 */
function hiddenByFilters(state: Filters, id: string): boolean {
  const n = state.graph.nodes[id];
  return (
    !n ||
    state.hidden.includes(id) ||
    state.hiddenKinds.includes(n.kind) ||
    !documentKeeps(state.documents, n.properties) ||
    (state.evidence !== undefined && !nodePasses(state.evidence, n))
  );
}

/** Ids of the nodes and relationships drawn now (filters, hidden nodes and the time window applied). */
export function visibleElements(state: Filters): { nodeIds: string[]; edgeIds: string[] } {
  const keeps = windowKeeps(state.graph, state.timeWindow, (n) => !hiddenByFilters(state, n));
  const nodeIds = Object.keys(state.graph.nodes).filter((id) => !hiddenByFilters(state, id) && keeps(id));
  const shown = new Set(nodeIds);
  const edgeIds = drawableEdges(state.graph)
    .filter(
      (e) =>
        shown.has(e.source) &&
        shown.has(e.target) &&
        edgeInWindow(e, state.timeWindow) &&
        documentKeeps(state.documents, e.properties) &&
        (state.evidence === undefined || edgePasses(state.evidence, e)),
    )
    .map((e) => e.id);
  return { nodeIds, edgeIds };
}

/** The class string of every node and relationship in the working graph, keyed by id. */
export function elementClasses(state: ExplorerState): Map<string, string> {
  const out = new Map<string, string>();
  const { nodeIds, edgeIds } = visibleElements(state);
  const shownNodes = new Set(nodeIds);
  const shownEdges = new Set(edgeIds);
  const pathNodes = new Set(state.path?.nodeIds ?? []);
  const pathEdges = new Set(state.path?.edgeIds ?? []);
  const sel = state.selection;
  const selectedNode = sel.type === 'node' ? sel.id : null;
  const selectedEdge = sel.type === 'edge' ? sel.id : null;
  const edges = drawableEdges(state.graph);
  const pinned = new Set(state.pinned);
  // Comparing two versions of a view: what the current one added and what it removed are marked.
  const added = new Set(state.earlier?.compare?.added ?? []);
  const removed = new Set(state.earlier?.compare?.removed ?? []);

  // Neighbours of the selected node and of the hovered node are emphasised.
  const near = new Set<string>();
  const nearEdges = new Set<string>();
  // With a node selected (and no path shown), what is not it, its neighbours or their relationships recedes.
  const focus = selectedNode && !state.path ? new Set<string>([selectedNode]) : null;
  for (const centre of [selectedNode, state.hover]) {
    if (!centre) continue;
    for (const e of edges) {
      if (!shownEdges.has(e.id)) continue;
      if (e.source === centre || e.target === centre) {
        near.add(e.source === centre ? e.target : e.source);
        nearEdges.add(e.id);
        if (focus && centre === selectedNode) focus.add(e.source).add(e.target).add(e.id);
      }
    }
  }

  for (const id of Object.keys(state.graph.nodes)) {
    const c: string[] = [];
    if (!shownNodes.has(id)) c.push('filtered');
    if (id === selectedNode) c.push('selected');
    if (id === state.hover) c.push('hovered');
    if (near.has(id)) c.push('neighbour');
    if (state.focus?.id === id) c.push('focused');
    if (state.path) c.push(pathNodes.has(id) ? 'on-path' : 'off-path');
    if (focus && !focus.has(id)) c.push('dimmed');
    if (state.expansions[id]?.truncated) c.push('has-more');
    if (pinned.has(id)) c.push('pinned');
    if (added.has(id)) c.push('version-added');
    if (removed.has(id)) c.push('version-removed');
    out.set(id, c.join(' '));
  }
  for (const e of edges) {
    const c: string[] = [];
    if (!shownEdges.has(e.id)) c.push('filtered');
    if (e.id === selectedEdge) c.push('selected');
    if (nearEdges.has(e.id)) c.push('neighbour');
    if (state.path) c.push(pathEdges.has(e.id) ? 'on-path' : 'off-path');
    if (focus && !focus.has(e.id)) c.push('dimmed');
    if (state.layout.name === 'timeline' && !state.map) c.push('timeline');
    if (added.has(e.id)) c.push('version-added');
    if (removed.has(e.id)) c.push('version-removed');
    out.set(e.id, c.join(' '));
  }
  return out;
}

/** Counts of drawn nodes per kind, for the legend. */
export function visibleCountsByKind(state: ExplorerState): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const id of visibleElements(state).nodeIds) {
    const k = state.graph.nodes[id]!.kind;
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}
