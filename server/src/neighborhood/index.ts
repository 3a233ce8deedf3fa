// neighborhood(id, depth, filter, limit): the nodes within `depth` steps of a node and the edges among them.
// A breadth-first search, one bounded query per step: each step asks for at most the room left under `limit`
// (plus one, to know whether more exist), so a hub with tens of thousands of relationships is never expanded
// further than the limit needs.
import { cypher, int, type Db, type Tx } from '../../../core/db/database.ts';
import { filterParams, inWindow, onEvidence, subgraphAmong } from '../graph/cypher.ts';
import type { NodeKind } from '../../../core/model/index.ts';
import type { ResolvedFilter, Subgraph } from '../graph/model.ts';
import { neighborhoodScope } from '../graph/scope.ts';
import { checkId, checkInt, resolveFilter, type GraphFilterInput } from '../graph/validate.ts';
import { notFound } from '../../../core/errors.ts';
import { LIMIT_ARGUMENT_CAP } from '../graphql/limits.ts';
import { graphQLModule } from '../graphql/module.ts';

/** Steps a neighbourhood goes at most. Its nodes are at most LIMIT_ARGUMENT_CAP, its edges EDGES_PER_NODE per node. */
export const NEIGHBORHOOD_DEPTH_MAX = 3;
const EDGES_PER_NODE = 5;

const START = cypher('neighborhoodStart', 'MATCH (n:Entity {id: $id}) RETURN n.kind AS kind');

// No ORDER BY before LIMIT: the step stops as soon as it has enough nodes (the caller sorts what it keeps).
const STEP = cypher(
  'neighborhoodStep',
  `UNWIND $frontier AS fid
   MATCH (f:Entity {id: fid})-[r]-(m:Entity)
   WHERE type(r) IN $types AND m.kind IN $kinds AND NOT m.id IN $known AND ${inWindow('r')} AND ${inWindow('m')}
     AND ${onEvidence('r', 'relationship')} AND ${onEvidence('m', 'node')}
   WITH DISTINCT m.id AS id
   LIMIT $cap
   RETURN id`,
);

/** The neighbourhood of node `id`: nodes by distance then id (the node itself first), edges by id. */
export async function neighborhood(
  db: Db,
  id: string,
  depth: number,
  filterInput: GraphFilterInput | null | undefined,
  limit: number,
): Promise<Subgraph> {
  checkId(id);
  checkInt(depth, 'depth', 1, NEIGHBORHOOD_DEPTH_MAX);
  checkInt(limit, 'limit', 1, LIMIT_ARGUMENT_CAP);
  const filter = resolveFilter(filterInput);
  // One read transaction for every step: one snapshot, and one BEGIN and COMMIT for the whole neighbourhood.
  return db.readTransaction((tx) => within(tx, id, depth, filter, limit));
}

async function within(
  tx: Tx,
  id: string,
  depth: number,
  filter: ResolvedFilter,
  limit: number,
): Promise<Subgraph> {
  const [start] = await tx.run<{ kind: NodeKind | null }>(START, { id });
  if (!start) throw notFound(`No node has the id ${JSON.stringify(id)}.`);
  const scope = neighborhoodScope(filter, start.kind);

  const known: string[] = [id];
  let frontier: string[] = [id];
  let truncated = false;
  for (let step = 1; step <= depth && frontier.length > 0; step++) {
    const room = limit - known.length;
    const rows = await tx.run<{ id: string }>(STEP, {
      frontier,
      known,
      kinds: scope.kinds,
      types: scope.types,
      ...filterParams(filter),
      cap: int(room + 1),
    });
    const found = rows.map((r) => r.id).sort();
    if (found.length > room) {
      truncated = true;
      known.push(...found.slice(0, room));
      break;
    }
    known.push(...found);
    frontier = found;
  }

  const edgeLimit = limit * EDGES_PER_NODE;
  // The nodes and the edges among them in one query.
  const { nodes, edges } = await subgraphAmong(tx, known, scope.types, filter, edgeLimit);
  if (edges.length > edgeLimit) {
    truncated = true;
    edges.length = edgeLimit;
  }
  return { nodes, edges, truncated };
}

const typeDefs = /* GraphQL */ `
  type Query {
    """
    The nodes within depth (1 to ${NEIGHBORHOOD_DEPTH_MAX}) steps of a node and the relationships among them: nodes by distance then id,
    the node itself first. CITES and sources are left out unless the filter names CITES or SOURCE (or the node
    is a source). At most limit nodes (up to ${LIMIT_ARGUMENT_CAP}) and ${EDGES_PER_NODE} x limit edges; truncated tells that more exist.
    """
    neighborhood(id: ID!, depth: Int = 1, filter: GraphFilter, limit: Int = 200): Subgraph!
  }
`;

export const neighborhoodModule = graphQLModule(typeDefs, {
  Query: {
    neighborhood: (_, args, ctx) => neighborhood(ctx.db, args.id, args.depth, args.filter, args.limit),
  },
});
