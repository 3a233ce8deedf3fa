// The explorer's view of the stored graph: node kinds, relationship types, and the contract's shapes
// (GraphNode, GraphEdge, Subgraph, Path) as plain TypeScript objects that the resolvers return.
import { CITES as SEED_CITES, RELATIONSHIP_TYPE_NAMES } from '../../../graph-seed/src/schema.ts';

/** Every kind of node the explorer shows (the contract's `NodeKind`; FIGURE is one of the "more kinds"). */
export const NODE_KINDS = ['ACTOR', 'MEETING', 'STATEMENT', 'AGREEMENT', 'FIGURE', 'SOURCE'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** Kinds shown by default in neighbourhoods and paths: sources only when asked for. */
export const DOMAIN_KINDS: readonly NodeKind[] = NODE_KINDS.filter((k) => k !== 'SOURCE');

/** The bookkeeping relationship from a node to what it rests on; hidden unless asked for. */
export const CITES = SEED_CITES;

/** Relationship types between domain nodes: the seed format's fixed list, which user input is checked against. */
export const DOMAIN_RELATIONSHIP_TYPES: readonly string[] = RELATIONSHIP_TYPE_NAMES;

/** Every relationship type a user may name in a filter. */
export const RELATIONSHIP_TYPES: readonly string[] = [...DOMAIN_RELATIONSHIP_TYPES, CITES];

/** A reference as the contract's `Source` type shows it (with the Source node's other properties beside). */
export interface SourceRef {
  [property: string]: unknown;
  id: string;
  title: string;
  url: string | null;
  publisher: string | null;
  date: string | null;
  footnote: number | null;
}

/** The contract's GraphNode. */
export interface GraphNode {
  id: string;
  kind: NodeKind;
  label: string;
  date: string | null;
  summary: string | null;
  properties: Record<string, unknown>;
  sources: SourceRef[];
  degree: number;
}

/** The contract's GraphEdge: `source` and `target` follow the stored direction. */
export interface GraphEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
  sources: SourceRef[];
}

/** The contract's Subgraph. */
export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
}

/** The contract's Path, plus `citations`: every source its edges rest on. */
export interface GraphPath {
  nodes: GraphNode[];
  edges: GraphEdge[];
  length: number;
  explanation: string;
  citations: SourceRef[];
}

/** A GraphFilter after validation: null means "no restriction given". */
export interface ResolvedFilter {
  kinds: NodeKind[] | null;
  relationshipTypes: string[] | null;
  /** ISO calendar dates ("2022-09-15"). */
  since: string | null;
  until: string | null;
}

export const NO_FILTER: ResolvedFilter = { kinds: null, relationshipTypes: null, since: null, until: null };
