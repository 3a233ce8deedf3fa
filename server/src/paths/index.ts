// paths(sourceId, targetId, maxLength, filter, limit): how two nodes are connected, shortest first, each path
// explained in sentences and with the sources it rests on. Never through CITES. See
// docs/decisions/2026-11-29-paths.md for the search and the ranking.
import { cypher, int, type Db, type NamedQuery } from '../../../core/db/database.ts';
import {
  DENSE_DEGREE,
  degreeOf,
  edgeId,
  edgeProjection,
  filterParams,
  inWindow,
  loadNodes,
  onEvidence,
} from '../graph/cypher.ts';
import { toGraphEdge, type StoredEdge } from '../graph/mapping.ts';
import type { GraphPath } from '../graph/model.ts';
import { pathScope } from '../graph/scope.ts';
import { checkId, checkInt, resolveFilter, type GraphFilterInput } from '../graph/validate.ts';
import { badInput, notFound } from '../../../core/errors.ts';
import { graphQLModule } from '../graphql/module.ts';
import { citationsOf, explainPath } from './explanation.ts';
import { dateSpanDays, rankPaths, type CandidatePath } from './rank.ts';

export const PATHS_MAX_LENGTH = 8;
export const PATHS_LIMIT_MAX = 10;
/** Nodes with more relationships than this are hubs: the search for longer alternatives does not go through them. */
export const HUB_DEGREE = 1000;

// What each search returns: what the ranking reads of the path's nodes (id and degree) and edges (id and date).
// A search returns up to 50 paths; only the few chosen are projected whole, at the end (EDGES_BY_ELEMENT_ID).
const PATH_RETURN = `RETURN [n IN nodes(p) | {id: n.id, degree: ${degreeOf('n')}}] AS nodes,
            [rel IN relationships(p) | {id: ${edgeId('rel')}, date: toString(rel.date)}] AS edges,
            [rel IN relationships(p) | elementId(rel)] AS elementIds`;

// Both searches want the upper bound of the length as a literal, so there is one fixed query per maxLength.
const byLength = (make: (max: number) => NamedQuery): NamedQuery[] =>
  Array.from({ length: PATHS_MAX_LENGTH }, (_, i) => make(i + 1));

// Every shortest path (up to 50) through no relationship in $avoid (element ids) and no node in $avoidNodes: a
// bidirectional breadth-first search
// (allShortestPaths). The predicates are of the form all(x IN nodes(p)/relationships(p) WHERE …) so that Neo4j
// checks them while it searches instead of falling back to enumerating every path. A node above $maxDegree
// relationships is not stepped onto, so its relationships are never expanded.
const SHORTEST_QUERIES = byLength((max) =>
  cypher(
    `pathsShortestUpTo${max}`,
    `MATCH (a:Entity {id: $sourceId}), (b:Entity {id: $targetId})
     MATCH p = allShortestPaths((a)-[*..${max}]-(b))
     WHERE all(r IN relationships(p) WHERE type(r) IN $types AND NOT elementId(r) IN $avoid AND ${inWindow('r')}
                                            AND ${onEvidence('r', 'relationship')})
       AND all(n IN nodes(p) WHERE n.id IN [$sourceId, $targetId]
             OR (n.kind IN $kinds AND NOT n.id IN $avoidNodes AND ${inWindow('n')} AND ${onEvidence('n', 'node')}
                 AND ($maxDegree IS NULL OR COUNT { (n)--() } <= $maxDegree)))
     WITH p LIMIT 50
     ${PATH_RETURN}`,
  ),
);

/** Spur searches for alternatives, at most (see step 2 of `paths`). */
export const ALTERNATIVE_SEARCHES = 4;

const EDGES_BY_ELEMENT_ID = cypher(
  'pathsEdgesByElementId',
  `UNWIND $elementIds AS eid
   MATCH ()-[r]->() WHERE elementId(r) = eid
   RETURN eid, ${edgeProjection('r')} AS edge`,
);

const ENDPOINTS = cypher(
  'pathsEndpoints',
  `UNWIND $ids AS id
   OPTIONAL MATCH (n:Entity {id: id})
   RETURN id, n IS NOT NULL AS found, CASE WHEN n IS NULL THEN 0 ELSE ${degreeOf('n')} END AS degree`,
);

/** What the ranking reads of a path's edge. */
interface EdgeKey {
  id: string;
  date: string | null;
}

interface Candidate extends CandidatePath {
  edges: EdgeKey[];
  /** The relationships' element ids, which the next search avoids and by which the chosen edges are loaded. */
  elementIds: string[];
}

/** A candidate from its nodes (id and degree), edges (id and date) and the edges' element ids. */
function candidate(nodes: Candidate['nodes'], edges: EdgeKey[], elementIds: string[]): Candidate {
  const dates = edges.flatMap((e) => (e.date === null ? [] : [e.date]));
  return {
    nodes,
    edges,
    edgeIds: edges.map((e) => e.id),
    elementIds,
    datedEdges: dates.length,
    dateSpanDays: dateSpanDays(dates),
  };
}

/** A row of the path searches (PATH_RETURN). */
interface PathRow {
  nodes: Candidate['nodes'];
  edges: EdgeKey[];
  elementIds: string[];
}

function toCandidate(row: PathRow): Candidate {
  return candidate(row.nodes, row.edges, row.elementIds);
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
  // One read transaction for every search: one snapshot, one BEGIN and COMMIT.
  return db.readTransaction(async (tx) => {
    const ends = await tx.run<{ id: string; found: boolean; degree: number }>(ENDPOINTS, {
      ids: [sourceId, targetId],
    });
    const missing = ends.filter((e) => !e.found).map((e) => JSON.stringify(e.id));
    if (missing.length > 0) throw notFound(`No node has the id ${missing.join(' or ')}.`);

    const scope = pathScope(filter);
    if (scope.types.length === 0) return [];
    const params = {
      sourceId,
      targetId,
      types: scope.types,
      kinds: scope.kinds,
      ...filterParams(filter),
    };
    // 1. The shortest paths through no hub; through hubs only when there are none.
    const search = (
      from: string,
      max: number,
      maxDegree: number | null,
      avoid: string[] = [],
      avoidNodes: string[] = [],
    ) =>
      tx.run<PathRow>(SHORTEST_QUERIES[max - 1]!, {
        ...params,
        sourceId: from,
        maxDegree: maxDegree === null ? null : int(maxDegree),
        avoid,
        avoidNodes,
      });
    let rows = await search(sourceId, maxLength, HUB_DEGREE);
    if (rows.length === 0) rows = await search(sourceId, maxLength, null);
    const candidates = rows.map(toCandidate);
    let chosen = rankPaths(candidates, limit);

    // 2. Too few: alternatives at most one step longer (a longer detour says little), through no hub, found as
    //    Yen's algorithm does: keep the first i steps of a chosen path (the root), and search from its i-th node
    //    to the target for the shortest paths that leave the root nodes alone and do not take the next step any
    //    path found so far takes from that root. Spurs near the target first: their searches are the shallowest;
    //    none from an inner node above DENSE_DEGREE relationships (its detours are many and say little).
    //    At most ALTERNATIVE_SEARCHES breadth-first searches, where a k-shortest search enumerated every detour.
    const shortest = chosen[0]?.edgeIds.length ?? maxLength;
    const endsAreHubs = ends.some((e) => e.degree > HUB_DEGREE);
    if (chosen.length > 0 && shortest < maxLength && !endsAreHubs) {
      const detour = shortest + 1;
      const spurs = chosen.flatMap((path) =>
        path.nodes
          .slice(0, -1)
          .map((_, i) => ({ path, i }))
          .filter(({ i }) => i === 0 || path.nodes[i]!.degree <= DENSE_DEGREE)
          .reverse(),
      );
      for (const { path, i } of spurs.slice(0, ALTERNATIVE_SEARCHES)) {
        if (chosen.length >= limit) break;
        const root = path.nodes.slice(0, i + 1).map((n) => n.id);
        const sameRoot = candidates.filter((c) => root.every((id, k) => c.nodes[k]?.id === id));
        const taken = sameRoot.flatMap((c) => c.elementIds[i] ?? []);
        const more = await search(root[i]!, detour - i, HUB_DEGREE, taken, root.slice(0, -1));
        if (more.length === 0) continue;
        for (const spur of more.map(toCandidate)) {
          candidates.push(
            candidate(
              [...path.nodes.slice(0, i), ...spur.nodes],
              [...path.edges.slice(0, i), ...spur.edges],
              [...path.elementIds.slice(0, i), ...spur.elementIds],
            ),
          );
        }
        chosen = rankPaths(candidates, limit);
      }
    }

    // The chosen paths' nodes and edges, each projected once.
    const nodeIds = [...new Set(chosen.flatMap((p) => p.nodes.map((n) => n.id)))];
    const byId = new Map((await loadNodes(tx, nodeIds)).map((n) => [n.id, n]));
    const elementIds = [...new Set(chosen.flatMap((p) => p.elementIds))];
    const edgeRows = await tx.run<{ eid: string; edge: StoredEdge }>(EDGES_BY_ELEMENT_ID, { elementIds });
    const byElementId = new Map(edgeRows.map((r) => [r.eid, toGraphEdge(r.edge)]));
    return chosen.map((p) => {
      const pathNodes = p.nodes.flatMap((n) => byId.get(n.id) ?? []);
      const pathEdges = p.elementIds.flatMap((e) => byElementId.get(e) ?? []);
      return {
        nodes: pathNodes,
        edges: pathEdges,
        length: pathEdges.length,
        explanation: explainPath(pathNodes, pathEdges),
        citations: citationsOf(pathEdges),
      };
    });
  });
}

const typeDefs = /* GraphQL */ `
  type Query {
    """
    Up to limit (at most ${PATHS_LIMIT_MAX}) distinct paths of at most maxLength (1 to ${PATHS_MAX_LENGTH}) relationships between two nodes, shortest
    first; among equally short ones, paths through less connected nodes first. Never through CITES; sources in
    the middle only when the filter's kinds name SOURCE. A node or relationship dated outside [since, until]
    is not used; with statedOnly, no inferred one (a path that needs an inferred step is not returned); with
    minReliability, none that rests only on sources graded below it.
    """
    paths(sourceId: ID!, targetId: ID!, maxLength: Int = 4, filter: GraphFilter, limit: Int = 3): [Path!]!
  }
`;

export const pathsModule = graphQLModule(typeDefs, {
  Query: {
    paths: (_, a, ctx) => paths(ctx.db, a.sourceId, a.targetId, a.maxLength, a.filter, a.limit),
  },
});
