// What the details panel says about a node: its title (a statement reads as its speaker's quote), the quote,
// the properties shown in the table, its relationships on the graph, how its last expansion went, and what its
// History section needs. Pure.
import type { GraphEdge, GraphNode } from '../api/types.ts';
import { edgesOf } from '../explorer/graph.ts';
import { documentsOf } from '../explorer/projection.ts';
import type { ExplorerState } from '../explorer/state.ts';
import type { ExpandStatus } from '../expand/expand.ts';

/** A node's label, or its id when it is not on the graph. */
export function nodeName(state: ExplorerState, id: string): string {
  return state.graph.nodes[id]?.label ?? id;
}

export interface NodeView {
  title: string;
  /** A statement's full text, shown as a quote (and left out of the property table). */
  quote: string | null;
  properties: Record<string, unknown>;
  edges: GraphEdge[];
}

/** The parts of a node's details. */
export function nodeView(state: ExplorerState, node: GraphNode): NodeView {
  const quote =
    node.kind === 'STATEMENT' && typeof node.properties.text === 'string' ? node.properties.text : null;
  const edges = edgesOf(state.graph, node.id);
  const { text: _text, ...rest } = node.properties;
  const speaker =
    node.kind === 'STATEMENT' ? edges.find((e) => e.type === 'SAID' && e.target === node.id) : undefined;
  const title = quote ? (speaker ? `${nodeName(state, speaker.source)}: quote` : 'Quote') : node.label;
  return { title, quote, properties: quote ? rest : node.properties, edges };
}

/** How the last expansion of node `id` stands: running, its sentence when done, its error when failed. */
export function expansionOf(
  status: ExpandStatus,
  id: string,
): { busy: boolean; done: string | null; error: string | null } {
  const mine = status?.id === id ? status.status : null;
  return {
    busy: mine?.type === 'loading',
    done: mine?.type === 'ready' ? mine.value : null,
    error: mine?.type === 'error' ? mine.message : null,
  };
}

/**
 * What a node's or relationship's History section needs: its id; its properties as the key that asks again (an
 * edit changes them; a copy of the same item loaded again by an expansion does not); the page's names for the
 * ids an event mentions; and what it says when nothing has changed it (where it came from).
 */
export function historyProps(
  state: ExplorerState,
  item: GraphNode | GraphEdge,
): { id: string; refresh: string; nameOf: (id: string) => string | null; unchanged: string } {
  const documents = documentsOf(item.properties);
  return {
    id: item.id,
    refresh: JSON.stringify(item.properties),
    nameOf: (id) => state.graph.nodes[id]?.label ?? null,
    unchanged: `No changes since it was loaded from its document${documents.length ? ` (${documents.join(', ')})` : ''}.`,
  };
}
