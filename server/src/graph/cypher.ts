// Cypher shared by the explorer operations: how a node and a relationship are projected, the time-window test,
// and the queries that load nodes by id and the edges among them. Fragments are fixed text; user input only
// ever arrives as parameters.
import { cypher, int, readRows, type Reader } from '../../../core/db/database.ts';
import {
  toGraphEdge,
  toGraphNode,
  type EdgeRow,
  type NodeRow,
  type StoredEdge,
  type StoredNode,
} from './mapping.ts';
import { CITES, FILTER_RELATIONSHIP_TYPES, UNGRADED } from '../../../core/model/index.ts';
import { contestedOf } from './contested.ts';
import { type GraphEdge, type GraphNode, type ResolvedFilter } from './model.ts';

/**
 * The properties of node or relationship `v`, with its dates as ISO strings: the driver's Date objects cost more
 * to decode and convert than text (a 200-node neighbourhood's sources and edges carry hundreds). A date `v` does
 * not have comes back null; the mapping leaves nulls out, as a stored property never is one.
 */
export function propertiesOf(v: string): string {
  return `${v} {.*, date: toString(${v}.date), endDate: toString(${v}.endDate), accessed: toString(${v}.accessed)}`;
}

/** The degree of node `v` without CITES and saved views' INCLUDES (each term is a cheap degree lookup). */
export function degreeOf(v: string): string {
  return `COUNT { (${v})--() } - COUNT { (${v})-[:CITES]-() } - COUNT { (${v})<-[:INCLUDES]-() }`;
}

/**
 * Projects node `v` for `toGraphNode`: all its properties, the sources it CITES (by footnote, all their properties:
 * the `Source` type's other scalar fields, kind, authors…, resolve too), its degree, and
 * whether it is contested (a DISPUTES relationship, or a disagreement between documents: ./contested.ts).
 */
export function nodeProjection(v: string): string {
  return `{
    props: ${propertiesOf(v)},
    sources: COLLECT { MATCH (${v})-[:CITES]->(s:Source) WITH s ORDER BY s.footnote, s.id RETURN ${propertiesOf('s')} },
    degree: ${degreeOf(v)},
    contested: ${contestedOf(v)}
  }`;
}

/** The stable id of relationship `r`: its stored id, or the seed format's default `rel:<from>-<TYPE>-><to>`. */
export function edgeId(r: string): string {
  return `coalesce(${r}.id, 'rel:' + startNode(${r}).id + '-' + type(${r}) + '->' + endNode(${r}).id)`;
}

/** Projects relationship `r` for `toGraphEdge`: direction as stored, and the sources named in `sourceIds`. */
export function edgeProjection(r: string): string {
  return `{
    id: ${edgeId(r)},
    type: type(${r}),
    source: startNode(${r}).id,
    target: endNode(${r}).id,
    props: ${propertiesOf(r)},
    sources: COLLECT { UNWIND coalesce(${r}.sourceIds, []) AS sid MATCH (s:Entity {id: sid}) WHERE s:Source RETURN ${propertiesOf('s')} }
  }`;
}

/**
 * True when `x` (node or relationship) has no date or its period overlaps [$since, $until]. The stored date is
 * the first day of its period, so a "September 2022" item counts as lasting the whole month, and one with an
 * end date (January-July 2022) until the end of the end date's period.
 */
export function inWindow(x: string): string {
  // The last period is the end date's when there is one (at its own precision), else the date's.
  const lastPrecision = `CASE WHEN ${x}.endDate IS NULL THEN ${x}.datePrecision
      ELSE coalesce(${x}.endDatePrecision, ${x}.datePrecision) END`;
  const periodEnd = `CASE ${lastPrecision}
      WHEN 'year' THEN coalesce(${x}.endDate, ${x}.date) + duration('P1Y') - duration('P1D')
      WHEN 'month' THEN coalesce(${x}.endDate, ${x}.date) + duration('P1M') - duration('P1D')
      ELSE coalesce(${x}.endDate, ${x}.date) END`;
  // Without a window nothing is read: the parameters are tested first and OR stops at the first true.
  return `(($since IS NULL AND $until IS NULL) OR ${x}.date IS NULL OR (
      ($until IS NULL OR ${x}.date <= date($until)) AND ($since IS NULL OR ${periodEnd} >= date($since))))`;
}

/**
 * True when `x` passes the filter's evidence tests: with `$statedOnly`, it is not inferred; with
 * `$minReliability` (a grade, A best), it rests on at least one source graded that well or better (an ungraded
 * source counts as F). A node rests on the sources it CITES (a source on its own grade); a relationship on its
 * `sourceIds` (a CITES relationship on the source it points to). Grades compare as text: 'A' < 'B' < … < 'F'.
 */
export function onEvidence(x: string, what: 'node' | 'relationship'): string {
  const grade = (s: string) => `coalesce(${s}.reliability, '${UNGRADED}') <= $minReliability`;
  const stated = `(NOT $statedOnly OR coalesce(${x}.basis, 'stated') <> 'inferred')`;
  const graded =
    what === 'node'
      ? `(${x}:Source AND ${grade(x)}) OR EXISTS { MATCH (${x})-[:${CITES}]->(s:Source) WHERE ${grade('s')} }`
      : `(type(${x}) = '${CITES}' AND ${grade(`endNode(${x})`)})
         OR any(sid IN coalesce(${x}.sourceIds, []) WHERE EXISTS { MATCH (s:Entity {id: sid}) WHERE s:Source AND ${grade('s')} })`;
  // Without the evidence parameters nothing is read: they are tested first and OR stops at the first true.
  return `(${stated} AND ($minReliability IS NULL OR ${graded}))`;
}

/** The parameters `inWindow` and `onEvidence` read, from a validated filter. */
export function filterParams(filter: ResolvedFilter) {
  return {
    since: filter.since,
    until: filter.until,
    statedOnly: filter.statedOnly,
    minReliability: filter.minReliability,
  };
}

const NODES_BY_IDS = cypher(
  'graphNodesByIds',
  `UNWIND $ids AS id
   MATCH (n:Entity {id: id})
   RETURN ${nodeProjection('n')} AS node`,
);

const EXISTING_IDS = cypher(
  'graphExistingIds',
  `UNWIND $ids AS id
   OPTIONAL MATCH (n:Entity {id: id})
   WITH id, n WHERE n IS NULL
   RETURN collect(id) AS missing`,
);

/**
 * Nodes with more relationships than this are not expanded when looking for the edges among a set of nodes: their
 * edges to the others are found from the other end, or, between two such nodes, by Neo4j's Expand(Into), which
 * starts from the less connected of the pair.
 */
export const DENSE_DEGREE = 200;

/** The graph's relationship types as a Cypher pattern (`A|B|…|CITES`): everything but saved views' INCLUDES. */
const GRAPH_TYPES = FILTER_RELATIONSHIP_TYPES.join('|');

/** Node `v`'s degree for telling dense from sparse in relationshipsAmong: saved views' INCLUDES left out. */
const denseDegreeOf = (v: string) => `COUNT { (${v})--() } - COUNT { (${v})<-[:INCLUDES]-() }`;

/**
 * relationshipsAmong for fewer than MANY_IDS ids. The cost is the sum of the sparse nodes' degrees (each at most
 * DENSE_DEGREE) plus one Expand(Into) per pair of dense nodes, which walks the relationships of the less connected
 * end: a hub next to ordinary nodes costs nothing for its own degree, but two hubs in one set cost the smaller
 * one's degree (an index on relationships' end pairs would remove that: see docs/benchmarks.md). Degrees and
 * expansions leave INCLUDES out (a node in many saved views is not a hub; a dense node keeps each type in its own
 * chain, so the typed pattern skips them). `b IN all` compares node references without reading a property; UNION
 * drops an edge found from both ends. A relationship from a dense node to itself is not found (the model has
 * none). Its rows carry the lists of nodes, which Neo4j counts once per row in a sort that follows: on 2,000
 * nodes of the 10,000-node synthetic graph, edgesAmong ran out of its transaction memory (1 GiB heap).
 */
function relationshipsAmongFew(param: string): string {
  return `MATCH (n:Entity) WHERE n.id IN $${param}
   WITH n, ${denseDegreeOf('n')} AS degree
   WITH collect(n) AS all,
        collect(CASE WHEN degree <= $dense THEN n END) AS sparse,
        collect(CASE WHEN degree > $dense THEN n END) AS dense
   CALL (all, sparse, dense) {
     UNWIND sparse AS a
     MATCH (a)-[r:${GRAPH_TYPES}]-(b)
     WHERE b IN all
     RETURN r
     UNION
     UNWIND dense AS a
     UNWIND dense AS b
     WITH a, b WHERE a <> b
     MATCH (a)-[r:${GRAPH_TYPES}]->(b)
     RETURN r
   }`;
}

/**
 * relationshipsAmong from MANY_IDS ids (a view of thousands of nodes): no list of nodes is collected. A sparse
 * node's neighbours are tested by id against the parameter, which Neo4j turns into a set once; a dense node looks
 * the ids up and walks to each other dense node by Expand(Into); an edge found from both ends is dropped at the
 * end (`WITH DISTINCT r`). 5,000 nodes of that graph: 0.7 s; on a 200-node neighbourhood it is slower than
 * relationshipsAmongFew (each neighbour's id is read), hence the two.
 */
function relationshipsAmongMany(param: string): string {
  return `MATCH (a:Entity) WHERE a.id IN $${param}
   WITH a, ${denseDegreeOf('a')} AS degree
   CALL (a, degree) {
     WITH a WHERE degree <= $dense
     MATCH (a)-[r:${GRAPH_TYPES}]-(b:Entity)
     WHERE b.id IN $${param}
     RETURN r
     UNION ALL
     WITH a WHERE degree > $dense
     UNWIND $${param} AS id
     MATCH (b:Entity {id: id})
     WHERE b <> a AND ${denseDegreeOf('b')} > $dense
     MATCH (a)-[r:${GRAPH_TYPES}]->(b)
     RETURN r
   }
   WITH DISTINCT r`;
}

/** From this many ids, the relationships among them are found by relationshipsAmongMany. */
export const MANY_IDS = 500;

/**
 * Cypher that yields `r` once for every relationship of the graph (CITES included, saved views' INCLUDES not)
 * with both ends among the nodes whose ids are in the list parameter `$<param>`; `$dense` must be DENSE_DEGREE.
 * Two forms, the same answer (server/src/graph/edges.int.test.ts): for fewer than MANY_IDS ids the faster one,
 * for more the one whose memory does not grow with the square of the ids.
 */
export function relationshipsAmong(param: string, many: boolean): string {
  return many ? relationshipsAmongMany(param) : relationshipsAmongFew(param);
}

/** Rows `r` of the relationships among `$ids` that pass `$types` and the filter, by id, at most `$limit`. */
const edgesAmongRows = (many: boolean) => `${relationshipsAmong('ids', many)}
   WITH r WHERE type(r) IN $types AND ${inWindow('r')} AND ${onEvidence('r', 'relationship')}
   WITH r, ${edgeId('r')} AS eid
   ORDER BY eid
   LIMIT $limit`;

const edgesAmongQuery = (name: string, many: boolean) =>
  cypher(
    name,
    `${edgesAmongRows(many)}
   RETURN ${edgeProjection('r')} AS edge`,
  );
const EDGES_AMONG = edgesAmongQuery('graphEdgesAmong', false);
const EDGES_AMONG_MANY = edgesAmongQuery('graphEdgesAmongMany', true);

// NODES_BY_IDS and EDGES_AMONG in one query (one RUN and one result instead of two): the lists keep the rows'
// order, edges by id.
const subgraphAmongQuery = (name: string, many: boolean) =>
  cypher(
    name,
    `CALL () {
     ${edgesAmongRows(many)}
     RETURN collect(${edgeProjection('r')}) AS edges
   }
   CALL () {
     UNWIND $ids AS id
     MATCH (n:Entity {id: id})
     RETURN collect(${nodeProjection('n')}) AS nodes
   }
   RETURN nodes, edges`,
  );
const SUBGRAPH_AMONG = subgraphAmongQuery('graphSubgraphAmong', false);
const SUBGRAPH_AMONG_MANY = subgraphAmongQuery('graphSubgraphAmongMany', true);

/** The GraphNodes of projected nodes, in the order of `ids`; ids with no node are left out. */
function inOrder(ids: readonly string[], stored: readonly StoredNode[]): GraphNode[] {
  const byId = new Map<string, GraphNode>();
  for (const row of stored) {
    const node = toGraphNode(row);
    byId.set(node.id, node);
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Loads the GraphNodes with these ids, in the order given; unknown ids are left out. */
export async function loadNodes(db: Reader, ids: readonly string[]): Promise<GraphNode[]> {
  if (ids.length === 0) return [];
  const rows = await readRows<NodeRow>(db, NODES_BY_IDS, { ids });
  return inOrder(
    ids,
    rows.map((r) => r.node),
  );
}

/** The ids among `ids` that name no node (checked inside `tx` when given, so a write can rely on it). */
export async function missingNodeIds(db: Reader, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await readRows<{ missing: string[] }>(db, EXISTING_IDS, { ids });
  return rows[0]?.missing ?? [];
}

/**
 * The relationships of the given types among the given nodes, by id, at most `limit` + 1 of them (so the caller
 * can tell that more exist). `dense` is DENSE_DEGREE but for tests, which check both ways of finding them.
 */
export async function edgesAmong(
  db: Reader,
  ids: readonly string[],
  types: readonly string[],
  filter: ResolvedFilter,
  limit: number,
  dense = DENSE_DEGREE,
): Promise<GraphEdge[]> {
  if (ids.length === 0 || types.length === 0) return [];
  const query = ids.length >= MANY_IDS ? EDGES_AMONG_MANY : EDGES_AMONG;
  const rows = await readRows<EdgeRow>(db, query, edgesAmongParams(ids, types, filter, limit, dense));
  return rows.map((row) => toGraphEdge(row.edge));
}

function edgesAmongParams(
  ids: readonly string[],
  types: readonly string[],
  filter: ResolvedFilter,
  limit: number,
  dense: number,
) {
  return { ids, types, ...filterParams(filter), dense: int(dense), limit: int(limit + 1) };
}

/**
 * `loadNodes(db, ids)` and `edgesAmong(db, ids, types, filter, limit)` in one query: the same nodes in the order
 * of `ids` and the same edges (at most `limit` + 1).
 */
export async function subgraphAmong(
  db: Reader,
  ids: readonly string[],
  types: readonly string[],
  filter: ResolvedFilter,
  limit: number,
): Promise<{ nodes: GraphNode[]; edges: GraphEdge[] }> {
  if (types.length === 0 || ids.length === 0) return { nodes: await loadNodes(db, ids), edges: [] };
  const [row] = await readRows<{ nodes: StoredNode[]; edges: StoredEdge[] }>(
    db,
    ids.length >= MANY_IDS ? SUBGRAPH_AMONG_MANY : SUBGRAPH_AMONG,
    edgesAmongParams(ids, types, filter, limit, DENSE_DEGREE),
  );
  return { nodes: inOrder(ids, row?.nodes ?? []), edges: (row?.edges ?? []).map(toGraphEdge) };
}
