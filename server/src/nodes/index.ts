// node(id) and nodes(kind, filter, limit, offset): single nodes and pages of nodes, in id order.
import { cypher, int, type Db } from '../../../core/db/database.ts';
import { filterParams, inWindow, loadNodes, nodeProjection, onEvidence } from '../graph/cypher.ts';
import { toGraphNode, type NodeRow } from '../graph/mapping.ts';
import { NODE_KINDS, type NodeKind } from '../../../core/model/index.ts';
import { type GraphNode } from '../graph/model.ts';
import { checkId, checkInt, resolveFilter, type GraphFilterInput } from '../graph/validate.ts';
import { graphQLModule } from '../graphql/module.ts';

/** Most nodes one page returns, and the furthest a page may start. */
export const NODES_LIMIT_MAX = 1000;
export const NODES_OFFSET_MAX = 1_000_000;

const NODES = cypher(
  'nodesPage',
  `MATCH (n:Entity)
   WHERE n.kind IN $kinds AND ${inWindow('n')} AND ${onEvidence('n', 'node')}
     AND ($types IS NULL OR EXISTS { (n)-[r]-() WHERE type(r) IN $types })
   WITH n ORDER BY n.id SKIP $offset LIMIT $limit
   RETURN ${nodeProjection('n')} AS node`,
);

/** The node with this id, or null when there is none. */
export async function node(db: Db, id: string): Promise<GraphNode | null> {
  const [found] = await loadNodes(db, [checkId(id)]);
  return found ?? null;
}

/** A page of nodes in id order: of one kind (and/or the filter's kinds), dated within the filter's window. */
export async function nodes(
  db: Db,
  kind: NodeKind | null | undefined,
  filterInput: GraphFilterInput | null | undefined,
  limit: number,
  offset: number,
): Promise<GraphNode[]> {
  checkInt(limit, 'limit', 1, NODES_LIMIT_MAX);
  checkInt(offset, 'offset', 0, NODES_OFFSET_MAX);
  const filter = resolveFilter(filterInput);
  let kinds: readonly NodeKind[] = filter.kinds ?? NODE_KINDS;
  if (kind) kinds = kinds.filter((k) => k === kind);
  if (kinds.length === 0) return [];
  const rows = await db.read<NodeRow>(NODES, {
    kinds,
    types: filter.relationshipTypes,
    ...filterParams(filter),
    offset: int(offset),
    limit: int(limit),
  });
  return rows.map((r) => toGraphNode(r.node));
}

const typeDefs = /* GraphQL */ `
  type Query {
    "The node with this id, or null when there is none."
    node(id: ID!): GraphNode
    """
    Nodes in id order, of one kind and/or the filter's kinds (all kinds by default, sources included). With
    relationshipTypes, only nodes that have such a relationship. At most ${NODES_LIMIT_MAX} per page.
    """
    nodes(kind: NodeKind, filter: GraphFilter, limit: Int = 100, offset: Int = 0): [GraphNode!]!
  }
`;

export const nodesModule = graphQLModule(typeDefs, {
  Query: {
    node: (_, args, ctx) => node(ctx.db, args.id),
    nodes: (_, args, ctx) => nodes(ctx.db, args.kind, args.filter, args.limit, args.offset),
  },
});
