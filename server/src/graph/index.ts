// The contract's shared explorer types (NodeKind, GraphNode, GraphEdge, Subgraph, Path, GraphStats,
// GraphFilter) and the JSON scalar. The operations that return them live in their own concept folders.
import { GraphQLJSON } from 'graphql-type-json';
import { NODE_KINDS } from '../../../core/model/index.ts';
import { graphQLModule } from '../graphql/module.ts';

const typeDefs = /* GraphQL */ `
  "Any JSON value: an object, list, string, number, boolean or null."
  scalar JSON

  "The kinds of node in the graph."
  enum NodeKind {
    ${NODE_KINDS.join('\n    ')}
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
  dated period lies wholly outside the window (undated ones stay).
  """
  input GraphFilter {
    kinds: [NodeKind!]
    relationshipTypes: [String!]
    since: Date
    until: Date
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
