// contested(limit): the claims that disagree. A DISPUTES relationship (a claim that says another is wrong: the
// memo against the press's reading of Samarkand) makes a contested pair; both of its ends report
// `GraphNode.contested`. Disagreements found between documents (a relationship one document states and another
// denies) will join this list as pairs with `aEdge` and `bEdge`.
import { cypher, int, type Db } from '../../../core/db/database.ts';
import { edgeProjection, nodeProjection } from '../graph/cypher.ts';
import { toGraphEdge, toGraphNode, type StoredEdge, type StoredNode } from '../graph/mapping.ts';
import type { GraphEdge, GraphNode } from '../graph/model.ts';
import { checkInt } from '../graph/validate.ts';
import { graphQLModule } from '../graphql/module.ts';

/** Most pairs one request returns. */
export const CONTESTED_LIMIT_MAX = 500;

const CONTESTED = cypher(
  'contestedPairs',
  `MATCH (a:Entity)-[r:DISPUTES]->(b:Entity)
   WITH a, r, b ORDER BY r.id
   LIMIT $limit
   RETURN ${edgeProjection('r')} AS link, ${nodeProjection('a')} AS a, ${nodeProjection('b')} AS b`,
);

/** The contract's Contested: two claims that disagree, and why. */
export interface Contested {
  id: string;
  reason: string;
  a: GraphNode;
  b: GraphNode;
  aEdge: GraphEdge | null;
  bEdge: GraphEdge | null;
}

/** The contested pairs, in the order of their relationship ids. */
export async function contested(db: Db, limit: number): Promise<Contested[]> {
  checkInt(limit, 'limit', 1, CONTESTED_LIMIT_MAX);
  const rows = await db.read<{ link: StoredEdge; a: StoredNode; b: StoredNode }>(CONTESTED, {
    limit: int(limit),
  });
  return rows.map((row) => {
    const link = toGraphEdge(row.link);
    const a = toGraphNode(row.a);
    const b = toGraphNode(row.b);
    const note = typeof link.properties.note === 'string' ? link.properties.note : null;
    return {
      id: link.id,
      reason: note ?? `${a.label} disputes ${b.label}.`,
      a,
      b,
      aEdge: null,
      bEdge: null,
    };
  });
}

const typeDefs = /* GraphQL */ `
  "Two claims that disagree: a disputes b (a DISPUTES relationship), or, between documents, aEdge against bEdge."
  type Contested {
    "The id of what records the disagreement (the DISPUTES relationship's id)."
    id: ID!
    "Why they disagree, as the encoder wrote it."
    reason: String!
    "The claim that disputes."
    a: GraphNode!
    "The claim disputed."
    b: GraphNode!
    "Where the disagreement is about a relationship: the one a stands for (null for claims that dispute claims)."
    aEdge: GraphEdge
    "Where the disagreement is about a relationship: the one b stands for."
    bEdge: GraphEdge
  }

  type Query {
    "The contested claims, as pairs (at most ${CONTESTED_LIMIT_MAX})."
    contested(limit: Int = 100): [Contested!]!
  }
`;

export const contestedModule = graphQLModule(typeDefs, {
  Query: { contested: (_, args, ctx) => contested(ctx.db, args.limit) },
});
