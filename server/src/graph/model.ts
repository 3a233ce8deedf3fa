// The explorer's view of the stored graph: node kinds, relationship types, and the contract's shapes
// (GraphNode, GraphEdge, Subgraph, Path, SavedView) as plain TypeScript objects that the resolvers return; the
// generated resolver types map the schema's types to these (scripts/codegen.ts).
import type { NodeKind, ReliabilityGrade } from '../../../core/model/index.ts';

/** The contract's Basis. */
export type Basis = 'STATED' | 'INFERRED';

/** The contract's Passage: a span of a document's text (character offsets) that a claim rests on. */
export type { Passage } from '../../../core/model/index.ts';
import type { Passage } from '../../../core/model/index.ts';

/** A reference as the contract's `Source` type shows it (with the Source node's other properties beside). */
export interface SourceRef {
  [property: string]: unknown;
  id: string;
  title: string;
  url: string | null;
  publisher: string | null;
  date: string | null;
  footnote: number | null;
  /** Its Admiralty grade; F (cannot be judged) when it has none yet. */
  reliability: ReliabilityGrade;
  reliabilityNote: string | null;
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
  basis: Basis;
  inferenceNote: string | null;
  passages: Passage[];
  /**
   * Whether a claim disputes this one or this one disputes another (a DISPUTES relationship either way), or it is
   * one of the nodes of a disagreement between documents (./contested.ts).
   */
  contested: boolean;
}

/** The contract's GraphEdge: `source` and `target` follow the stored direction. */
export interface GraphEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
  sources: SourceRef[];
  basis: Basis;
  inferenceNote: string | null;
  passages: Passage[];
  /** 1 (confirmed) to 6 (cannot be judged), where the relationship has one. */
  credibility: number | null;
  /** Distinct publishers among its sources (a source without a publisher counts as its own). */
  corroboration: number;
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

/** What a list of views reads of each: everything but its content (which can be megabytes). */
export interface SavedViewSummary {
  id: string;
  name: string;
  description: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Who saved it (an API token's name, or "local"); null for views saved before this was recorded. */
  createdBy: string | null;
  /** Who changed it last. */
  updatedBy: string | null;
  /** How many node ids the view saved. */
  nodeCount: number;
}

/** A view's content: read when the view is opened, or when a list asks for it (server/src/views). */
export interface SavedViewContent {
  nodeIds: string[];
  edgeIds: string[];
  layout: unknown;
  filter: unknown;
}

/** The contract's SavedView, without `subgraph` (resolved on demand, server/src/views). */
export type SavedView = SavedViewSummary & SavedViewContent;

/** A SavedView as resolvers return it: the content may be left to its fields' resolvers. */
export type SavedViewParent = SavedViewSummary & Partial<SavedViewContent>;

/** A GraphFilter after validation: null means "no restriction given". */
export interface ResolvedFilter {
  kinds: NodeKind[] | null;
  relationshipTypes: string[] | null;
  /** ISO calendar dates ("2022-09-15"). */
  since: string | null;
  until: string | null;
  /** Leave out inferred nodes and relationships. */
  statedOnly: boolean;
  /** Leave out what rests only on sources graded below this (A best; an ungraded source counts as F). */
  minReliability: ReliabilityGrade | null;
}

export const NO_FILTER: ResolvedFilter = {
  kinds: null,
  relationshipTypes: null,
  since: null,
  until: null,
  statedOnly: false,
  minReliability: null,
};
