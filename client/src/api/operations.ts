// The explorer's GraphQL operations, one place for all of them. Each document carries the `/* GraphQL */`
// marker so graphql-codegen can pluck it and generate operation types.
import type { Disagreement } from '../contest/disagreements.ts';
import { request } from './client.ts';
import type {
  ExplorerEvidenceQuery,
  ExplorerHistoryQuery,
  ExplorerDocumentsQuery,
  ExplorerDraftDocumentQuery,
  ExplorerDraftFilesQuery,
  ExplorerDraftFilesQueryVariables,
  ExplorerImportDocumentMutation,
  ExplorerPreviewDocumentMutation,
  ExplorerSearchQuery,
  ExplorerSearchQueryVariables,
  CitationInput,
  EdgeInput,
  ExplorerMergeEventsQuery,
  ExplorerRetractMutation,
  ExplorerUnmergeMutation,
  NodeInput,
} from '../generated/graphql.ts';
import type {
  GraphEdge,
  GraphFilter,
  GraphNode,
  GraphStats,
  Reliability,
  Path,
  SavedView,
  SavedViewInput,
  SavedViewSummary,
  Subgraph,
  Viewer,
} from './types.ts';

const SOURCE_FIELDS = /* GraphQL */ `
  fragment SourceFields on Source {
    id
    title
    url
    publisher
    date
    footnote
  }
`;

const NODE_FIELDS = /* GraphQL */ `
  fragment NodeFields on GraphNode {
    id
    kind
    label
    date
    summary
    properties
    degree
    contested
    sources {
      ...SourceFields
    }
  }
  ${SOURCE_FIELDS}
`;

const EDGE_FIELDS = /* GraphQL */ `
  fragment EdgeFields on GraphEdge {
    id
    type
    source
    target
    properties
    corroboration
    sources {
      ...SourceFields
    }
  }
`;

const SUBGRAPH_FIELDS = `${NODE_FIELDS}${EDGE_FIELDS}`;

export const STATS = /* GraphQL */ `
  query ExplorerStats {
    stats {
      nodeCount
      edgeCount
      countsByKind
      countsByRelationshipType
    }
  }
`;

export const NODES = /* GraphQL */ `
  query ExplorerNodes($filter: GraphFilter, $limit: Int, $offset: Int) {
    nodes(filter: $filter, limit: $limit, offset: $offset) {
      ...NodeFields
    }
  }
  ${NODE_FIELDS}
`;

export const NODE = /* GraphQL */ `
  query ExplorerNode($id: ID!) {
    node(id: $id) {
      ...NodeFields
    }
  }
  ${NODE_FIELDS}
`;

export const NODE_VIEWS = /* GraphQL */ `
  query ExplorerNodeViews($id: ID!) {
    node(id: $id) {
      id
      savedViews {
        id
        name
      }
    }
  }
`;

export const SEARCH = /* GraphQL */ `
  query ExplorerSearch(
    $text: String!
    $kinds: [NodeKind!]
    $limit: Int
    $statedOnly: Boolean
    $minReliability: Reliability
  ) {
    search(
      text: $text
      kinds: $kinds
      limit: $limit
      statedOnly: $statedOnly
      minReliability: $minReliability
    ) {
      id
      kind
      label
      date
      datePrecision
      endDate
      endDatePrecision
      summary
      degree
    }
  }
`;

export const NEIGHBORHOOD = /* GraphQL */ `
  query ExplorerNeighborhood($id: ID!, $depth: Int, $filter: GraphFilter, $limit: Int) {
    neighborhood(id: $id, depth: $depth, filter: $filter, limit: $limit) {
      truncated
      nodes {
        ...NodeFields
      }
      edges {
        ...EdgeFields
      }
    }
  }
  ${SUBGRAPH_FIELDS}
`;

export const PATHS = /* GraphQL */ `
  query ExplorerPaths($sourceId: ID!, $targetId: ID!, $maxLength: Int, $filter: GraphFilter, $limit: Int) {
    paths(sourceId: $sourceId, targetId: $targetId, maxLength: $maxLength, filter: $filter, limit: $limit) {
      length
      explanation
      citations {
        ...SourceFields
      }
      nodes {
        ...NodeFields
      }
      edges {
        ...EdgeFields
      }
    }
  }
  ${SUBGRAPH_FIELDS}
`;

/** The ids of the sources graded at or above a minimum (the canvas applies the minimum with them). */
export const GRADED_SOURCES = /* GraphQL */ `
  query ExplorerGradedSources($filter: GraphFilter, $limit: Int) {
    nodes(filter: $filter, limit: $limit) {
      id
    }
  }
`;

/**
 * The evidence for the selected item only (too much for every node of a neighbourhood under the cost limit):
 * its sources' grades and, when it rests on passages, its document's text.
 */
export const EVIDENCE = /* GraphQL */ `
  query ExplorerEvidence($sourceIds: [ID!] = [], $documentId: ID = "", $withText: Boolean = false) {
    sources(where: { id: { in: $sourceIds } }, limit: 200) {
      id
      reliability
      reliabilityNote
    }
    documentText(id: $documentId) @include(if: $withText)
  }
`;

const VIEW_SUMMARY = /* GraphQL */ `
  fragment ViewSummaryFields on SavedView {
    id
    name
    description
    version
    createdAt
    updatedAt
    nodeCount
  }
`;

export const VIEWS = /* GraphQL */ `
  query ExplorerViews {
    views {
      ...ViewSummaryFields
    }
  }
  ${VIEW_SUMMARY}
`;

// A view with its content and its nodes and edges as they are now: opened at its current version or an earlier one.
const VIEW_CONTENT = /* GraphQL */ `
  fragment ViewContentFields on SavedView {
    ...ViewSummaryFields
    nodeIds
    edgeIds
    layout
    filter
    subgraph {
      truncated
      nodes {
        ...NodeFields
      }
      edges {
        ...EdgeFields
      }
    }
  }
  ${VIEW_SUMMARY}
  ${SUBGRAPH_FIELDS}
`;

export const VIEW = /* GraphQL */ `
  query ExplorerView($id: ID!) {
    view(id: $id) {
      ...ViewContentFields
    }
  }
  ${VIEW_CONTENT}
`;

export const SAVE_VIEW = /* GraphQL */ `
  mutation ExplorerSaveView($input: SavedViewInput!) {
    saveView(input: $input) {
      ...ViewSummaryFields
    }
  }
  ${VIEW_SUMMARY}
`;

export const UPDATE_VIEW = /* GraphQL */ `
  mutation ExplorerUpdateView($id: ID!, $expectedVersion: Int!, $input: SavedViewInput!) {
    updateView(id: $id, expectedVersion: $expectedVersion, input: $input) {
      ...ViewSummaryFields
    }
  }
  ${VIEW_SUMMARY}
`;

export const PREVIEW_DOCUMENT = /* GraphQL */ `
  mutation ExplorerPreviewDocument($files: [DocumentFileInput!]!) {
    previewDocument(files: $files) {
      id
      documentId
      valid
      errors
      added
      changed
      removed
      matches {
        incomingId
        existingId
        reason
        score
      }
      conflicts
    }
  }
`;

export const IMPORT_DOCUMENT = /* GraphQL */ `
  mutation ExplorerImportDocument($previewId: ID!, $decisions: [MatchDecision!]) {
    importDocument(previewId: $previewId, decisions: $decisions) {
      id
      title
      nodeCount
      edgeCount
    }
  }
`;

export const DRAFT_DOCUMENT = /* GraphQL */ `
  query ExplorerDraftDocument($text: String!) {
    draftDocument(text: $text) {
      quotes {
        start
        end
        text
        speaker {
          start
          end
          text
          entityId
          label
          how
        }
        date {
          text
          date
          precision
        }
      }
      dates {
        start
        end
        text
        date
        precision
        endDate
        endPrecision
      }
      names {
        start
        end
        text
        entityId
        kind
        label
        how
      }
    }
  }
`;

export const DRAFT_FILES = /* GraphQL */ `
  query ExplorerDraftFiles($text: String!, $document: DraftDocumentInput!, $quotes: [AcceptedQuoteInput!]!) {
    draftFiles(text: $text, document: $document, quotes: $quotes) {
      name
      content
    }
  }
`;

export const CONTESTED = /* GraphQL */ `
  query ExplorerContested($limit: Int, $nodeId: ID) {
    contested(limit: $limit, nodeId: $nodeId) {
      id
      kind
      reason
      a {
        ...NodeFields
        datePrecision
        passages {
          documentId
          text
        }
      }
      b {
        ...NodeFields
        datePrecision
        passages {
          documentId
          text
        }
      }
      aEdge {
        ...EdgeFields
        passages {
          documentId
          text
        }
      }
      bEdge {
        ...EdgeFields
        passages {
          documentId
          text
        }
      }
    }
  }
  ${SUBGRAPH_FIELDS}
`;

export const DOCUMENTS = /* GraphQL */ `
  query ExplorerDocuments {
    documents {
      id
      title
      publisher
      date
      url
      nodeCount
      edgeCount
      addedAt
      addedBy
    }
  }
`;

export const REMOVE_DOCUMENT = /* GraphQL */ `
  mutation ExplorerRemoveDocument($id: ID!) {
    removeDocument(id: $id)
  }
`;

export const DELETE_VIEW = /* GraphQL */ `
  mutation ExplorerDeleteView($id: ID!) {
    deleteView(id: $id)
  }
`;

/** The changes of a node, relationship, view or document, newest first (their before and after as JSON). */
export const HISTORY = /* GraphQL */ `
  query ExplorerHistory($id: ID!, $limit: Int) {
    history(id: $id, limit: $limit) {
      id
      at
      by
      action
      targetId
      otherIds
      before
      after
    }
  }
`;

/** An earlier version of a saved view, as its history keeps it, with its nodes and relationships as they are now. */
export const VIEW_VERSION = /* GraphQL */ `
  query ExplorerViewVersion($id: ID!, $version: Int!) {
    viewVersion(id: $id, version: $version) {
      ...ViewContentFields
    }
  }
  ${VIEW_CONTENT}
`;

export const RESTORE_VIEW = /* GraphQL */ `
  mutation ExplorerRestoreView($id: ID!, $version: Int!) {
    restoreView(id: $id, version: $version) {
      ...ViewSummaryFields
    }
  }
  ${VIEW_SUMMARY}
`;

export const VIEWER = /* GraphQL */ `
  query ExplorerViewer {
    viewer {
      name
      role
      tokensRequired
    }
  }
`;

/** Edits that cite (client/src/edit): a node, a relationship, a correction, a retraction, a merge and its undo. */
export const ADD_NODE = /* GraphQL */ `
  mutation ExplorerAddNode($input: NodeInput!) {
    addNode(input: $input) {
      ...NodeFields
    }
  }
  ${NODE_FIELDS}
`;

export const ADD_EDGE = /* GraphQL */ `
  mutation ExplorerAddEdge($input: EdgeInput!) {
    addEdge(input: $input) {
      ...EdgeFields
    }
  }
  ${EDGE_FIELDS}
  ${SOURCE_FIELDS}
`;

export const UPDATE_NODE = /* GraphQL */ `
  mutation ExplorerUpdateNode(
    $id: ID!
    $expectedVersion: Int!
    $properties: JSON!
    $citations: [CitationInput!]!
  ) {
    updateNode(id: $id, expectedVersion: $expectedVersion, properties: $properties, citations: $citations) {
      ...NodeFields
    }
  }
  ${NODE_FIELDS}
`;

export const RETRACT = /* GraphQL */ `
  mutation ExplorerRetract($id: ID!, $reason: String!) {
    retract(id: $id, reason: $reason)
  }
`;

export const MERGE_NODES = /* GraphQL */ `
  mutation ExplorerMergeNodes($keepId: ID!, $mergeId: ID!) {
    mergeNodes(keepId: $keepId, mergeId: $mergeId) {
      ...NodeFields
    }
  }
  ${NODE_FIELDS}
`;

export const UNMERGE = /* GraphQL */ `
  mutation ExplorerUnmerge($eventId: ID!) {
    unmerge(eventId: $eventId) {
      id
      label
    }
  }
`;

/** A node's changes, newest first, as far as finding the merge to undo needs them. */
export const MERGE_EVENTS = /* GraphQL */ `
  query ExplorerMergeEvents($id: ID!) {
    history(id: $id, limit: 100) {
      id
      action
      at
      targetId
    }
  }
`;

type GeneratedHit = ExplorerSearchQuery['search'][number];
type HitDates = 'datePrecision' | 'endDate' | 'endDatePrecision';
/** The search suggestion: a node without its properties and sources; its date with its precision when known. */
export type SearchHit = Omit<GeneratedHit, HitDates> & Partial<Pick<GeneratedHit, HitDates>>;

/** Typed calls, one per operation. */
export const api = {
  stats: (signal?: AbortSignal) => request<{ stats: GraphStats }>(STATS, {}, { signal }).then((d) => d.stats),
  nodes: (vars: { filter?: GraphFilter; limit?: number; offset?: number }, signal?: AbortSignal) =>
    request<{ nodes: GraphNode[] }>(NODES, vars, { signal }).then((d) => d.nodes),
  node: (id: string, signal?: AbortSignal) =>
    request<{ node: GraphNode | null }>(NODE, { id }, { signal }).then((d) => d.node),
  nodeViews: (id: string, signal?: AbortSignal) =>
    request<{ node: { id: string; savedViews: { id: string; name: string }[] } | null }>(
      NODE_VIEWS,
      { id },
      { signal },
    ).then((d) => d.node?.savedViews ?? []),
  search: (vars: ExplorerSearchQueryVariables, signal?: AbortSignal) =>
    request<{ search: SearchHit[] }>(SEARCH, vars, { signal }).then((d) => d.search),
  neighborhood: (
    vars: { id: string; depth?: number; filter?: GraphFilter; limit?: number },
    signal?: AbortSignal,
  ) => request<{ neighborhood: Subgraph }>(NEIGHBORHOOD, vars, { signal }).then((d) => d.neighborhood),
  paths: (
    vars: { sourceId: string; targetId: string; maxLength?: number; filter?: GraphFilter; limit?: number },
    signal?: AbortSignal,
  ) => request<{ paths: Path[] }>(PATHS, vars, { signal }).then((d) => d.paths),
  gradedSources: (minReliability: Reliability, signal?: AbortSignal) =>
    request<{ nodes: { id: string }[] }>(
      GRADED_SOURCES,
      { filter: { kinds: ['SOURCE'], minReliability }, limit: 1000 },
      { signal },
    ).then((d) => d.nodes.map((n) => n.id)),
  evidence: (vars: { sourceIds: string[]; documentId: string | null }, signal?: AbortSignal) =>
    request<ExplorerEvidenceQuery>(
      EVIDENCE,
      { sourceIds: vars.sourceIds, documentId: vars.documentId ?? '', withText: vars.documentId !== null },
      { signal },
    ),
  views: (signal?: AbortSignal) =>
    request<{ views: SavedViewSummary[] }>(VIEWS, {}, { signal }).then((d) => d.views),
  view: (id: string, signal?: AbortSignal) =>
    request<{ view: SavedView | null }>(VIEW, { id }, { signal }).then((d) => d.view),
  /** Writes take an Idempotency-Key: send the same one again to retry the same write safely. */
  saveView: (input: SavedViewInput, idempotencyKey?: string) =>
    request<{ saveView: SavedViewSummary }>(SAVE_VIEW, { input }, { idempotencyKey }).then((d) => d.saveView),
  updateView: (id: string, expectedVersion: number, input: SavedViewInput, idempotencyKey?: string) =>
    request<{ updateView: SavedViewSummary }>(
      UPDATE_VIEW,
      { id, expectedVersion, input },
      { idempotencyKey },
    ).then((d) => d.updateView),
  /** Who the server takes the caller to be; with `token`, for that token instead of the one in use. */
  viewer: (token?: string | null, signal?: AbortSignal) =>
    request<{ viewer: Viewer }>(VIEWER, {}, { signal, token }).then((d) => d.viewer),
  /** The claims that disagree (a DISPUTES, or documents that disagree), all or those of one node. */
  contested: (vars: { limit?: number; nodeId?: string }, signal?: AbortSignal) =>
    request<{ contested: Disagreement[] }>(CONTESTED, vars, { signal }).then((d) => d.contested),
  /** The documents the graph holds, with what each makes and who added it. */
  documents: (signal?: AbortSignal) =>
    request<ExplorerDocumentsQuery>(DOCUMENTS, {}, { signal }).then((d) => d.documents),
  /** Removes a document: exactly its claims, and the entities nothing else names. */
  removeDocument: (id: string) =>
    request<{ removeDocument: boolean }>(REMOVE_DOCUMENT, { id }).then((d) => d.removeDocument),
  /** Proposes a draft of a document's plain text: quotes with speakers and dates, dates, names (nothing written). */
  draftDocument: (text: string) =>
    request<ExplorerDraftDocumentQuery>(DRAFT_DOCUMENT, { text }).then((d) => d.draftDocument),
  /** The seed format's files for the text and the quotes accepted from its draft (nothing written). */
  draftFiles: (variables: ExplorerDraftFilesQueryVariables) =>
    request<ExplorerDraftFilesQuery>(DRAFT_FILES, variables).then((d) => d.draftFiles),
  /** Validates a document's files and says what importing them would change (nothing is written). */
  previewDocument: (files: { name: string; content: string }[]) =>
    request<ExplorerPreviewDocumentMutation>(PREVIEW_DOCUMENT, { files }).then((d) => d.previewDocument),
  /** Imports a previewed document with the analyst's decisions on its matches (one transaction). */
  importDocument: (
    previewId: string,
    decisions: { incomingId: string; existingId: string | null; judgement: string }[],
  ) =>
    request<ExplorerImportDocumentMutation>(IMPORT_DOCUMENT, { previewId, decisions }).then(
      (d) => d.importDocument,
    ),
  /** The changes of a node, relationship, view or document, newest first. */
  history: (id: string, signal?: AbortSignal, limit = 100) =>
    request<ExplorerHistoryQuery>(HISTORY, { id, limit }, { signal }).then((d) => d.history),
  /** A view as it was at `version` (null when its history does not know that version). */
  viewVersion: (id: string, version: number, signal?: AbortSignal) =>
    request<{ viewVersion: SavedView | null }>(VIEW_VERSION, { id, version }, { signal }).then(
      (d) => d.viewVersion,
    ),
  /** Makes an earlier version of a view its newest (current + 1). */
  restoreView: (id: string, version: number, idempotencyKey?: string) =>
    request<{ restoreView: SavedViewSummary }>(RESTORE_VIEW, { id, version }, { idempotencyKey }).then(
      (d) => d.restoreView,
    ),
  /** Adds a node with its basis and citation (client/src/edit). */
  addNode: (input: NodeInput, idempotencyKey?: string) =>
    request<{ addNode: GraphNode }>(ADD_NODE, { input }, { idempotencyKey }).then((d) => d.addNode),
  /** Adds a relationship with its basis and citation. */
  addEdge: (input: EdgeInput, idempotencyKey?: string) =>
    request<{ addEdge: GraphEdge }>(ADD_EDGE, { input }, { idempotencyKey }).then((d) => d.addEdge),
  /** Corrects a node's properties from `expectedVersion` (CONFLICT when it moved on), citing a source. */
  updateNode: (
    vars: {
      id: string;
      expectedVersion: number;
      properties: Record<string, unknown>;
      citations: CitationInput[];
    },
    idempotencyKey?: string,
  ) => request<{ updateNode: GraphNode }>(UPDATE_NODE, vars, { idempotencyKey }).then((d) => d.updateNode),
  /** Retracts a node or a relationship with a reason (its history keeps it). */
  retract: (id: string, reason: string, idempotencyKey?: string) =>
    request<ExplorerRetractMutation>(RETRACT, { id, reason }, { idempotencyKey }).then((d) => d.retract),
  /** Merges `mergeId` into `keepId` (one MERGE_NODES event, which unmerge takes back). */
  mergeNodes: (keepId: string, mergeId: string, idempotencyKey?: string) =>
    request<{ mergeNodes: GraphNode }>(MERGE_NODES, { keepId, mergeId }, { idempotencyKey }).then(
      (d) => d.mergeNodes,
    ),
  /** Takes a merge back exactly; returns both nodes. */
  unmerge: (eventId: string, idempotencyKey?: string) =>
    request<ExplorerUnmergeMutation>(UNMERGE, { eventId }, { idempotencyKey }).then((d) => d.unmerge),
  /** A node's changes, newest first (id, action, when). */
  mergeEvents: (id: string, signal?: AbortSignal) =>
    request<ExplorerMergeEventsQuery>(MERGE_EVENTS, { id }, { signal }).then((d) => d.history),
  deleteView: (id: string, idempotencyKey?: string) =>
    request<{ deleteView: boolean }>(DELETE_VIEW, { id }, { idempotencyKey }).then((d) => d.deleteView),
};
