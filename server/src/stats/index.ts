// stats: how big the graph is. Counts cover the domain graph only (Entity nodes and the relationships between
// them); saved views and their INCLUDES links are not part of it. edgeCount leaves CITES out, like degree does:
// a citation is bookkeeping, counted on its own as citationCount.
import { cypher, type Db } from '../db/database.ts';
import { CITES, NODE_KINDS, RELATIONSHIP_TYPES } from '../graph/model.ts';
import type { GraphQLModule } from '../graphql/module.ts';

const NODE_COUNTS = cypher('statsNodesByKind', 'MATCH (n:Entity) RETURN n.kind AS kind, count(*) AS count');

// One count-store lookup per type (fixed list), instead of a scan of every relationship.
const RELATIONSHIP_COUNTS = cypher(
  'statsRelationshipsByType',
  RELATIONSHIP_TYPES.map((t) => `MATCH ()-[r:${t}]->() RETURN '${t}' AS type, count(r) AS count`).join(
    '\nUNION ALL\n',
  ),
);

/** The contract's GraphStats. */
export interface GraphStats {
  nodeCount: number;
  edgeCount: number;
  citationCount: number;
  countsByKind: Record<string, number>;
  countsByRelationshipType: Record<string, number>;
}

/** Counts nodes per kind and relationships per type. */
export async function stats(db: Db): Promise<GraphStats> {
  const countsByKind: Record<string, number> = Object.fromEntries(NODE_KINDS.map((k) => [k, 0]));
  for (const row of await db.read(NODE_COUNTS)) {
    countsByKind[String(row.kind)] = (countsByKind[String(row.kind)] ?? 0) + Number(row.count);
  }
  const countsByRelationshipType: Record<string, number> = {};
  for (const row of await db.read(RELATIONSHIP_COUNTS))
    countsByRelationshipType[String(row.type)] = Number(row.count);
  const all = Object.values(countsByRelationshipType).reduce((a, b) => a + b, 0);
  const citationCount = countsByRelationshipType[CITES] ?? 0;
  return {
    nodeCount: Object.values(countsByKind).reduce((a, b) => a + b, 0),
    edgeCount: all - citationCount,
    citationCount,
    countsByKind,
    countsByRelationshipType,
  };
}

const typeDefs = /* GraphQL */ `
  type Query {
    "How big the graph is: nodes per kind, relationships per type (edgeCount leaves CITES out)."
    stats: GraphStats!
  }
`;

export const statsModule: GraphQLModule = {
  typeDefs,
  resolvers: { Query: { stats: (_: unknown, _args: unknown, ctx) => stats(ctx.db) } },
};
