// The contract's shared explorer types (NodeKind, GraphNode, GraphEdge, Subgraph, Path, GraphStats,
// GraphFilter) and the JSON scalar. The operations that return them live in their own concept folders.
import { GraphQLJSON } from 'graphql-type-json';
import {
  CREDIBILITY_MEANINGS,
  NODE_KINDS,
  RELIABILITY_GRADES,
  RELIABILITY_MEANINGS,
} from '../../../core/model/index.ts';
import { graphQLModule } from '../graphql/module.ts';

const typeDefs = /* GraphQL */ `
  "Any JSON value: an object, list, string, number, boolean or null."
  scalar JSON

  "The kinds of node in the graph."
  enum NodeKind {
    ${NODE_KINDS.join('\n    ')}
  }

  "Whether a claim is stated by its sources or inferred by whoever encoded it."
  enum Basis {
    "The cited passage says it."
    STATED
    "The encoder's reading of the sources (inferenceNote says on what it rests)."
    INFERRED
  }

  "A source's reliability on the Admiralty (NATO) scale; F when it cannot be judged, or has no grade yet."
  enum Reliability {
    ${RELIABILITY_GRADES.map((g) => `"${RELIABILITY_MEANINGS[g]}"\n    ${g}`).join('\n    ')}
  }

  "Words of a document that a claim rests on: character offsets into the document's text (documentText)."
  type Passage {
    "The document, e.g. \\"document:no-limits-memo\\"."
    documentId: ID!
    "Offset of the first character (0-based, UTF-16 code units as JavaScript counts them)."
    start: Int!
    "Offset after the last character."
    end: Int!
    "The words, exactly as the document's text has them."
    text: String!
  }

  "A node of the graph as the explorer shows it."
  type GraphNode {
    "Stable and readable, e.g. \\"actor:li-zhanshu\\"."
    id: ID!
    kind: NodeKind!
    "Display name: the name or title; for a statement its quote, shortened to at most 80 characters."
    label: String!
    "When it happened, was said, was agreed or was published (the first day of the period: see datePrecision)."
    date: Date
    "How much of the date is known: day, month or year (a date known to the month reads \\"September 2022\\")."
    datePrecision: String
    "The first day of the last period of an item that spans several (a figure for January-July 2022: 2022-07-01)."
    endDate: Date
    "How much of endDate is known: day, month or year."
    endDatePrecision: String
    summary: String
    "Every stored property (a statement's full verbatim text among them); dates as ISO strings."
    properties: JSON!
    "What this node's facts rest on (its CITES relationships)."
    sources: [Source!]!
    "Number of relationships, not counting CITES."
    degree: Int!
    "STATED for entities named by their sources and claims their passages state; INFERRED for the encoder's reading."
    basis: Basis!
    "What an inference rests on; set when basis is INFERRED."
    inferenceNote: String
    "The spans of the document this node's claims rest on (empty for a bare entity)."
    passages: [Passage!]!
    "Whether another claim disputes this one, or this one disputes another (a DISPUTES relationship either way), or documents disagree about it: its date or place (a shared meeting or agreement), its value (a figure), its speakers (a statement) or an attendance (the actor and the meeting). Query.contested lists them."
    contested: Boolean!
  }

  "A relationship of the graph; source and target follow its stored direction."
  type GraphEdge {
    "Stable, e.g. \\"rel:actor:xi-jinping-ATTENDED->meeting:sco-summit-samarkand-2022\\"."
    id: ID!
    "Relationship type, e.g. ATTENDED."
    type: String!
    source: ID!
    target: ID!
    "Every stored property: date, datePrecision, role, note, sourceIds…"
    properties: JSON!
    "What this relationship rests on (its sourceIds)."
    sources: [Source!]!
    basis: Basis!
    "What an inference rests on; set when basis is INFERRED."
    inferenceNote: String
    "The spans of the document this relationship rests on."
    passages: [Passage!]!
    "Admiralty information credibility: ${Object.entries(CREDIBILITY_MEANINGS)
      .map(([n, m]) => `${n} ${m}`)
      .join(', ')}."
    credibility: Int
    "Independent sources: the number of distinct publishers among its sources."
    corroboration: Int!
  }

  type Subgraph {
    nodes: [GraphNode!]!
    edges: [GraphEdge!]!
    "True when more nodes or edges matched than the limit allowed."
    truncated: Boolean!
  }

  "A chain of relationships between two nodes, explained in words."
  type Path {
    "From the path's source to its target."
    nodes: [GraphNode!]!
    "In path order; each keeps its stored direction."
    edges: [GraphEdge!]!
    "Number of edges."
    length: Int!
    "The path as sentences with dates, e.g. \\"Narendra Modi attended the SCO summit in Samarkand (16 September 2022), which Xi Jinping also attended (15 September 2022).\\""
    explanation: String!
    "Every source the path's edges rest on, in the order they first appear."
    citations: [Source!]!
  }

  type GraphStats {
    "Nodes of every kind, sources included."
    nodeCount: Int!
    "Relationships between nodes, not counting CITES (see citationCount)."
    edgeCount: Int!
    "CITES relationships: node to the source it rests on."
    citationCount: Int!
    "Nodes per kind, e.g. {\\"ACTOR\\": 80}."
    countsByKind: JSON!
    "Relationships per type, CITES included."
    countsByRelationshipType: JSON!
  }

  """
  Restricts what an operation shows. kinds: node kinds to include; relationshipTypes: relationship types to follow
  (CITES and SOURCE nodes are left out unless named here); since/until: leave out nodes and relationships whose
  dated period lies wholly outside the window (undated ones stay); statedOnly: leave out inferred nodes and
  relationships; minReliability: leave out what rests only on sources graded below it (an ungraded source
  counts as F).
  """
  input GraphFilter {
    kinds: [NodeKind!]
    relationshipTypes: [String!]
    since: Date
    until: Date
    statedOnly: Boolean
    minReliability: Reliability
  }
`;

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export const graphModule = graphQLModule(typeDefs, {
  JSON: GraphQLJSON,
  // Read from the stored properties, so a GraphNode stays one shape (server/src/graph/model.ts).
  GraphNode: {
    datePrecision: (n) => text(n.properties.datePrecision),
    endDate: (n) => text(n.properties.endDate),
    endDatePrecision: (n) => text(n.properties.endDatePrecision),
  },
});
