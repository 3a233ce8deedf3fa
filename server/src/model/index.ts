// model: the graph's fixed lists as data, for clients that build forms and legends from them: the node kinds,
// the relationship types with the kinds each joins, and the error table. The enums NodeKind, RelationshipType and
// ErrorCode are built from the same lists (core/model, core/errors), so the schema cannot drift from them.
import { ERROR_CODES, ERROR_TABLE } from '../../../core/errors.ts';
import { CITES, NODE_KINDS, RELATIONSHIP_TYPES, RELATIONSHIP_TYPE_NAMES } from '../../../core/model/index.ts';
import type { GraphModel } from '../generated/graphql.ts';
import { graphQLModule } from '../graphql/module.ts';

/** An enum value with the description GraphQL shows for it. */
const value = (name: string, description: string) => `${JSON.stringify(description)}\n    ${name}`;

/** What CITES means (it is not in the domain table: the loader adds it from every item's sources). */
const CITES_MEANING = 'what a node’s facts rest on';

const typeDefs = /* GraphQL */ `
  """
  The relationship types between the graph's nodes (GraphEdge.type, GraphFilter.relationshipTypes); CITES links a
  node to a source it rests on.
  """
  enum RelationshipType {
    ${RELATIONSHIP_TYPE_NAMES.map((t) => value(t, RELATIONSHIP_TYPES[t].meaning)).join('\n    ')}
    ${value(CITES, CITES_MEANING)}
  }

  "The codes an error carries in extensions.code."
  enum ErrorCode {
    ${ERROR_CODES.map((c) => value(c, ERROR_TABLE[c].meaning)).join('\n    ')}
  }

  "A relationship type and the kinds of node it may join."
  type RelationshipTypeInfo {
    type: RelationshipType!
    from: [NodeKind!]!
    to: [NodeKind!]!
    meaning: String!
  }

  "An error code, the HTTP status it is answered with when it ends a request, and whether a retry may succeed."
  type ErrorCodeInfo {
    code: ErrorCode!
    status: Int!
    retryable: Boolean!
    meaning: String!
  }

  "The graph model: what kinds of node and relationship exist, and the errors the API may answer with."
  type GraphModel {
    nodeKinds: [NodeKind!]!
    relationshipTypes: [RelationshipTypeInfo!]!
    errorCodes: [ErrorCodeInfo!]!
  }

  extend type Query {
    "The graph model: node kinds, relationship types with the kinds they join, and the error codes."
    model: GraphModel!
  }
`;

const MODEL: GraphModel = {
  nodeKinds: NODE_KINDS,
  relationshipTypes: [
    ...RELATIONSHIP_TYPE_NAMES.map((type) => ({ type, ...RELATIONSHIP_TYPES[type] })),
    { type: CITES, from: NODE_KINDS, to: ['SOURCE'], meaning: CITES_MEANING },
  ],
  errorCodes: ERROR_CODES.map((code) => ({ code, ...ERROR_TABLE[code] })),
};

export const modelModule = graphQLModule(typeDefs, { Query: { model: () => MODEL } });
