// From stored nodes and relationships (as the projections in ./cypher.ts return them) to the contract's
// GraphNode and GraphEdge.
import { nodeLabel } from './label.ts';
import { NODE_KINDS, type NodeKind } from '../../../core/model/index.ts';
import { type GraphEdge, type GraphNode, type SourceRef } from './model.ts';

/** A node as NODE_PROJECTION returns it. */
export interface StoredNode {
  props: Record<string, unknown>;
  sources: unknown[];
  degree: number;
}

/** A relationship as EDGE_PROJECTION returns it. */
export interface StoredEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  props: Record<string, unknown>;
  sources: unknown[];
}

/** A row of a query that returns one projected node as `node`. */
export interface NodeRow {
  node: StoredNode;
}

/** A row of a query that returns one projected relationship as `edge`. */
export interface EdgeRow {
  edge: StoredEdge;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** A source reference from a stored Source node's properties (all of them, the contract's fields normalised). */
export function toSourceRef(value: unknown): SourceRef {
  const s = (value ?? {}) as Record<string, unknown>;
  const id = String(s.id);
  return {
    ...s,
    id,
    title: str(s.title) ?? id,
    url: str(s.url),
    publisher: str(s.publisher),
    date: str(s.date),
    footnote: typeof s.footnote === 'number' ? s.footnote : null,
  };
}

function kindOf(props: Record<string, unknown>): NodeKind {
  const kind = props.kind;
  if (typeof kind === 'string' && (NODE_KINDS as readonly string[]).includes(kind)) return kind as NodeKind;
  // A node written without `kind`: fall back on its id prefix ("actor:…" → ACTOR).
  const prefix = String(props.id ?? '')
    .split(':')[0]
    ?.toUpperCase();
  return (NODE_KINDS as readonly string[]).includes(prefix ?? '') ? (prefix as NodeKind) : 'ACTOR';
}

/** Builds the contract's GraphNode from a projected node. */
export function toGraphNode(row: StoredNode): GraphNode {
  const props = row.props;
  return {
    id: String(props.id),
    kind: kindOf(props),
    label: nodeLabel(props),
    date: str(props.date),
    summary: str(props.summary),
    properties: props,
    sources: (row.sources ?? []).map(toSourceRef),
    degree: Number(row.degree ?? 0),
  };
}

/** Builds the contract's GraphEdge from a projected relationship. */
export function toGraphEdge(row: StoredEdge): GraphEdge {
  return {
    id: row.id,
    type: row.type,
    source: row.source,
    target: row.target,
    properties: row.props,
    sources: (row.sources ?? []).map(toSourceRef),
  };
}
