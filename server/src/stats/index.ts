// stats: how big the graph is. Counts cover the domain graph only (Entity nodes and the relationships between
// them); saved views and their INCLUDES links are not part of it. edgeCount leaves CITES out, like degree does:
// a citation is bookkeeping, counted on its own as citationCount.
import { cypher, type Db } from '../../../core/db/database.ts';
import { KIND_LABELS, CITES, NODE_KINDS, FILTER_RELATIONSHIP_TYPES } from '../../../core/model/index.ts';
import { graphQLModule } from '../graphql/module.ts';

// Every count is a count-store lookup (constant time, whatever the graph's size): one COUNT per kind label and
// per relationship type, both from fixed lists. A scan of the nodes' `kind` property took seconds at a million.
const COUNTS = cypher(
  'statsCounts',
  `RETURN {${NODE_KINDS.map((k) => `${k}: COUNT { (:${KIND_LABELS[k]}) }`).join(', ')}} AS kinds,
          {${FILTER_RELATIONSHIP_TYPES.map((t) => `${t}: COUNT { ()-[:${t}]->() }`).join(', ')}} AS types`,
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
  const [row] = await db.read<{ kinds: Record<string, number>; types: Record<string, number> }>(COUNTS);
  const countsByKind: Record<string, number> = Object.fromEntries(
    NODE_KINDS.map((k) => [k, row?.kinds[k] ?? 0]),
  );
  const countsByRelationshipType: Record<string, number> = Object.fromEntries(
    FILTER_RELATIONSHIP_TYPES.map((t) => [t, row?.types[t] ?? 0]),
  );
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

export const statsModule = graphQLModule(typeDefs, { Query: { stats: (_, _args, ctx) => stats(ctx.db) } });
