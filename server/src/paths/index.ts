// paths(sourceId, targetId, maxLength, filter, limit): how two nodes are connected, shortest first, each path
// explained in sentences and with the sources it rests on. Never through CITES. See
// docs/decisions/2026-11-29-paths.md for the search and the ranking.
import { cypher, int, type Db, type NamedQuery } from '../db/database.ts';
import { degreeOf, edgeProjection, inWindow, loadNodes } from '../graph/cypher.ts';
import { toGraphEdge, type StoredEdge } from '../graph/mapping.ts';
import type { GraphEdge, GraphPath, SourceRef } from '../graph/model.ts';
import { pathScope } from '../graph/scope.ts';
import { checkId, checkInt, resolveFilter, type GraphFilterInput } from '../graph/validate.ts';
import { badInput, notFound } from '../errors.ts';
import type { GraphQLModule } from '../graphql/module.ts';
import { explainPath } from './explanation.ts';
import { dateSpanDays, rankPaths, type CandidatePath } from './rank.ts';

export const PATHS_MAX_LENGTH = 8;
export const PATHS_LIMIT_MAX = 10;
/** Nodes with more relationships than this are hubs: the search for longer alternatives does not go through them. */
export const HUB_DEGREE = 1000;

// What each search returns: the path's nodes (id and degree, for the ranking) and its edges, projected.
const PATH_RETURN = `RETURN [n IN nodes(p) | {id: n.id, degree: ${degreeOf('n')}}] AS nodes,
            [rel IN relationships(p) | ${edgeProjection('rel')}] AS edges`;

// Both searches want the upper bound of the length as a literal, so there is one fixed query per maxLength.
const byLength = (make: (max: number) => NamedQuery): NamedQuery[] =>
  Array.from({ length: PATHS_MAX_LENGTH }, (_, i) => make(i + 1));

// 1. Every shortest path (up to 50): a bidirectional breadth-first search (allShortestPaths), which stays fast
//    between hubs. The predicates are of the form all(x IN nodes(p)/relationships(p) WHERE …) so that Neo4j
//    checks them while it searches instead of falling back to enumerating every path.
const SHORTEST_QUERIES = byLength((max) =>
  cypher(
    `pathsShortestUpTo${max}`,
    `MATCH (a:Entity {id: $sourceId}), (b:Entity {id: $targetId})
     MATCH p = allShortestPaths((a)-[*..${max}]-(b))
     WHERE all(r IN relationships(p) WHERE type(r) IN $types AND ${inWindow('r')})
       AND all(n IN nodes(p) WHERE n.id IN [$sourceId, $targetId] OR (n.kind IN $kinds AND ${inWindow('n')}))
     WITH p LIMIT 50
     ${PATH_RETURN}`,
  ),
);

// 2. When fewer than `limit` shortest paths exist: the 50 shortest paths of any length up to maxLength, through
//    no hub (a k-shortest search around a hub would enumerate its tens of thousands of neighbours).
const ALTERNATIVE_QUERIES = byLength((max) =>
  cypher(
    `pathsAlternativesUpTo${max}`,
    `MATCH (a:Entity {id: $sourceId}), (b:Entity {id: $targetId})
     MATCH p = SHORTEST 50 (a)(()-[r]-(x:Entity)
       WHERE type(r) IN $types AND ${inWindow('r')}
         AND (x = b OR (x.kind IN $kinds AND ${inWindow('x')} AND ${degreeOf('x')} <= $hubDegree))){1,${max}}(b)
     ${PATH_RETURN}`,
  ),
);

const ENDPOINTS = cypher(
  'pathsEndpoints',
  `UNWIND $ids AS id
   OPTIONAL MATCH (n:Entity {id: id})
   RETURN id, n IS NOT NULL AS found, CASE WHEN n IS NULL THEN 0 ELSE ${degreeOf('n')} END AS degree`,
);

interface Candidate extends CandidatePath {
  edges: GraphEdge[];
}

function toCandidate(row: Record<string, unknown>): Candidate {
  const edges = (row.edges as StoredEdge[]).map(toGraphEdge);
  const dates = edges.flatMap((e) => (typeof e.properties.date === 'string' ? [e.properties.date] : []));
  return {
    nodes: row.nodes as { id: string; degree: number }[],
    edges,
    edgeIds: edges.map((e) => e.id),
    datedEdges: dates.length,
    dateSpanDays: dateSpanDays(dates),
  };
}

function citationsOf(edges: readonly GraphEdge[]): SourceRef[] {
  const seen = new Map<string, SourceRef>();
  for (const e of edges) for (const s of e.sources) if (!seen.has(s.id)) seen.set(s.id, s);
  return [...seen.values()];
}

/** Up to `limit` distinct paths from `sourceId` to `targetId`, shortest first, each with its explanation. */
export async function paths(
  db: Db,
  sourceId: string,
  targetId: string,
  maxLength: number,
  filterInput: GraphFilterInput | null | undefined,
  limit: number,
): Promise<GraphPath[]> {
  checkId(sourceId, 'sourceId');
  checkId(targetId, 'targetId');
  checkInt(maxLength, 'maxLength', 1, PATHS_MAX_LENGTH);
  checkInt(limit, 'limit', 1, PATHS_LIMIT_MAX);
  if (sourceId === targetId)
    throw badInput('sourceId and targetId name the same node.', { argument: 'targetId' });
  const filter = resolveFilter(filterInput);
  const ends = await db.read(ENDPOINTS, { ids: [sourceId, targetId] });
  const missing = ends.filter((e) => e.found !== true).map((e) => JSON.stringify(e.id));
  if (missing.length > 0) throw notFound(`No node has the id ${missing.join(' or ')}.`);

  const scope = pathScope(filter);
  if (scope.types.length === 0) return [];
  const params = {
    sourceId,
    targetId,
    types: scope.types,
    kinds: scope.kinds,
    since: filter.since,
    until: filter.until,
    hubDegree: int(HUB_DEGREE),
  };
  let candidates = (await db.read(SHORTEST_QUERIES[maxLength - 1]!, params)).map(toCandidate);
  let chosen = rankPaths(candidates, limit);
  const shortest = chosen[0]?.edgeIds.length ?? maxLength;
  const endsAreHubs = ends.some((e) => Number(e.degree) > HUB_DEGREE);
  if (chosen.length > 0 && chosen.length < limit && shortest < maxLength && !endsAreHubs) {
    candidates = [
      ...candidates,
      ...(await db.read(ALTERNATIVE_QUERIES[maxLength - 1]!, params)).map(toCandidate),
    ];
    chosen = rankPaths(candidates, limit);
  }

  const nodeIds = [...new Set(chosen.flatMap((p) => p.nodes.map((n) => n.id)))];
  const byId = new Map((await loadNodes(db, nodeIds)).map((n) => [n.id, n]));
  return chosen.map((p) => {
    const pathNodes = p.nodes.flatMap((n) => byId.get(n.id) ?? []);
    return {
      nodes: pathNodes,
      edges: p.edges,
      length: p.edges.length,
      explanation: explainPath(pathNodes, p.edges),
      citations: citationsOf(p.edges),
    };
  });
}

const typeDefs = /* GraphQL */ `
  type Query {
    """
    Up to limit (at most 10) distinct paths of at most maxLength (1 to 8) relationships between two nodes, shortest
    first; among equally short ones, paths through less connected nodes first. Never through CITES; sources in
    the middle only when the filter's kinds name SOURCE. A node or relationship dated outside [since, until]
    is not used.
    """
    paths(sourceId: ID!, targetId: ID!, maxLength: Int = 4, filter: GraphFilter, limit: Int = 3): [Path!]!
  }
`;

interface PathsArgs {
  sourceId: string;
  targetId: string;
  maxLength?: number | null;
  filter?: GraphFilterInput | null;
  limit?: number | null;
}

export const pathsModule: GraphQLModule = {
  typeDefs,
  resolvers: {
    Query: {
      paths: (_: unknown, a: PathsArgs, ctx) =>
        paths(ctx.db, a.sourceId, a.targetId, a.maxLength ?? 4, a.filter, a.limit ?? 3),
    },
  },
};
