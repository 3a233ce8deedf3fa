// The API's shapes as the client uses them, derived from the operation types graphql-codegen generates from
// server/schema.graphql (client/src/generated/graphql.ts), so a schema change that breaks the client fails
// `tsc`. JSON fields (properties, layout, filter, countsByKind) are narrowed from `unknown` here.
import type {
  EdgeFieldsFragment,
  ExplorerHistoryQuery,
  ExplorerPathsQuery,
  ExplorerStatsQuery,
  ExplorerViewQuery,
  ExplorerViewerQuery,
  GraphFilter as GeneratedGraphFilter,
  NodeFieldsFragment,
  NodeKind as GeneratedNodeKind,
  Reliability as GeneratedReliability,
  SavedViewInput as GeneratedSavedViewInput,
  SourceFieldsFragment,
  ViewSummaryFieldsFragment,
} from '../generated/graphql.ts';

export type NodeKind = GeneratedNodeKind;

export type Reliability = GeneratedReliability;

export type Source = SourceFieldsFragment;

export type GraphNode = Omit<NodeFieldsFragment, 'properties'> & { properties: Record<string, unknown> };

export type GraphEdge = Omit<EdgeFieldsFragment, 'properties'> & { properties: Record<string, unknown> };

export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
}

type GeneratedPath = ExplorerPathsQuery['paths'][number];
export type Path = Omit<GeneratedPath, 'nodes' | 'edges' | 'citations'> & {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Every source the path's relationships rest on, in order of first appearance. */
  citations: Source[];
};

export type GraphStats = Omit<ExplorerStatsQuery['stats'], 'countsByKind' | 'countsByRelationshipType'> & {
  countsByKind: Record<string, number>;
  countsByRelationshipType: Record<string, number>;
};

export type GraphFilter = GeneratedGraphFilter;

export type SavedViewSummary = ViewSummaryFieldsFragment;

type GeneratedView = NonNullable<ExplorerViewQuery['view']>;
export type SavedView = Omit<GeneratedView, 'subgraph'> & { subgraph: Subgraph };

export type SavedViewInput = GeneratedSavedViewInput;

/** Who the server takes the caller to be: a token's name and role (see the `viewer` query). */
export type Viewer = ExplorerViewerQuery['viewer'];

/** One write as the history keeps it: who, when, what, and the target before and after (JSON, read by history/). */
export type ChangeEvent = ExplorerHistoryQuery['history'][number];
