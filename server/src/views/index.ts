// Saved views: a named selection of nodes and edges with its layout and filter, stored in Neo4j as
// (:SavedView)-[:INCLUDES]->(:Entity) so that "which views include this actor" is a query (GraphNode.savedViews).
// Every mutation is one write transaction; updateView checks the version under the view's write lock, so of two
// updates from the same version exactly one wins and the other gets CONFLICT.
import { randomUUID } from 'node:crypto';
import { cypher, int, type Db, type Tx } from '../db/database.ts';
import { AppError, badInput, notFound } from '../errors.ts';
import { batchLoad } from '../graph/batch.ts';
import { edgeId, edgeProjection, edgesAmong, loadNodes, missingNodeIds } from '../graph/cypher.ts';
import { toGraphEdge, type StoredEdge } from '../graph/mapping.ts';
import { DOMAIN_RELATIONSHIP_TYPES, NO_FILTER, type GraphNode, type Subgraph } from '../graph/model.ts';
import { checkId, checkInt } from '../graph/validate.ts';
import type { Context } from '../graphql/context.ts';
import type { GraphQLModule } from '../graphql/module.ts';
import { VIEW_NODES_MAX, validateViewInput, type ViewInput } from './input.ts';

export const VIEWS_LIMIT_MAX = 1000;
/** Unknown ids listed in an error message (all of them are in extensions.unknownIds). */
const LISTED_IDS = 20;

/** A saved view as the contract shows it (subgraph resolved on demand). */
export interface SavedView {
  id: string;
  name: string;
  description: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  nodeIds: string[];
  edgeIds: string[];
  layout: unknown;
  filter: unknown;
}

const SCHEMA = cypher(
  'viewsConstraintId',
  'CREATE CONSTRAINT saved_view_id_unique IF NOT EXISTS FOR (v:SavedView) REQUIRE v.id IS UNIQUE',
);

const CREATE = cypher(
  'viewsCreate',
  `MERGE (v:SavedView {id: $id})
   ON CREATE SET v.name = $name, v.description = $description, v.version = 1,
     v.createdAt = datetime.transaction(), v.updatedAt = datetime.transaction(),
     v.nodeIds = $nodeIds, v.edgeIds = $edgeIds, v.layout = $layout, v.filter = $filter
   WITH v
   CALL (v) {
     UNWIND $nodeIds AS nid
     MATCH (n:Entity {id: nid})
     MERGE (v)-[:INCLUDES]->(n)
   }
   RETURN v {.*} AS view`,
);

// Taking the view's write lock first: a concurrent update of the same view waits here until the other commits,
// and then reads the version that one wrote.
const LOCK = cypher('viewsLock', 'MATCH (v:SavedView {id: $id}) SET v.lock = true RETURN count(v) AS locked');
const CURRENT_VERSION = cypher(
  'viewsCurrentVersion',
  'MATCH (v:SavedView {id: $id}) RETURN v.version AS version',
);

const UPDATE = cypher(
  'viewsUpdate',
  `MATCH (v:SavedView {id: $id})
   SET v.name = $name, v.description = $description, v.version = $version,
     v.updatedAt = datetime.transaction(),
     v.nodeIds = $nodeIds, v.edgeIds = $edgeIds, v.layout = $layout, v.filter = $filter
   REMOVE v.lock
   WITH v
   CALL (v) {
     MATCH (v)-[i:INCLUDES]->(n)
     WHERE NOT n.id IN $nodeIds
     DELETE i
   }
   CALL (v) {
     UNWIND $nodeIds AS nid
     MATCH (n:Entity {id: nid})
     MERGE (v)-[:INCLUDES]->(n)
   }
   RETURN v {.*} AS view`,
);

const DELETE = cypher(
  'viewsDelete',
  'MATCH (v:SavedView {id: $id}) DETACH DELETE v RETURN count(*) AS deleted',
);

const ONE = cypher('viewsOne', 'MATCH (v:SavedView {id: $id}) RETURN v {.*} AS view');

const ALL = cypher(
  'viewsAll',
  'MATCH (v:SavedView) WITH v ORDER BY v.updatedAt DESC, v.id LIMIT $limit RETURN v {.*} AS view',
);

const INCLUDING = cypher(
  'viewsIncluding',
  `UNWIND $ids AS id
   MATCH (v:SavedView)-[:INCLUDES]->(:Entity {id: id})
   WITH id, v ORDER BY v.updatedAt DESC, v.id
   RETURN id, collect(v {.*}) AS views`,
);

// The given edges that exist with both ends among the given nodes.
const EDGES_AMONG_BY_ID = cypher(
  'viewsEdgesById',
  `UNWIND $nodeIds AS nid
   MATCH (a:Entity {id: nid})-[r]->(b:Entity)
   WHERE b.id IN $nodeIds AND ${edgeId('r')} IN $edgeIds
   WITH DISTINCT r
   RETURN ${edgeProjection('r')} AS edge
   ORDER BY edge.id`,
);

const schemaReady = new WeakMap<Db, Promise<unknown>>();

/** Creates the uniqueness constraint on SavedView.id once per database handle. */
function ensureSchema(db: Db): Promise<unknown> {
  let ready = schemaReady.get(db);
  if (!ready) {
    ready = db.write(SCHEMA).catch((e: unknown) => {
      schemaReady.delete(db);
      throw e;
    });
    schemaReady.set(db, ready);
  }
  return ready;
}

const iso = (v: unknown) => (typeof v === 'string' ? new Date(v).toISOString() : new Date(0).toISOString());
const parseJson = (v: unknown): unknown => (typeof v === 'string' ? (JSON.parse(v) as unknown) : null);

/** A SavedView from the stored node's properties. */
export function toSavedView(props: Record<string, unknown>): SavedView {
  return {
    id: String(props.id),
    name: String(props.name),
    description: typeof props.description === 'string' ? props.description : null,
    version: Number(props.version),
    createdAt: iso(props.createdAt),
    updatedAt: iso(props.updatedAt),
    nodeIds: Array.isArray(props.nodeIds) ? props.nodeIds.map(String) : [],
    edgeIds: Array.isArray(props.edgeIds) ? props.edgeIds.map(String) : [],
    layout: parseJson(props.layout),
    filter: parseJson(props.filter),
  };
}

function listIds(ids: readonly string[]): string {
  const shown = ids.slice(0, LISTED_IDS).join(', ');
  return ids.length > LISTED_IDS ? `${shown} and ${ids.length - LISTED_IDS} more` : shown;
}

/** Throws BAD_USER_INPUT listing the node ids that name no node and the edge ids that are not among the nodes. */
async function checkMembers(tx: Tx, input: ViewInput): Promise<void> {
  const missing = await missingNodeIds(tx, input.nodeIds);
  if (missing.length > 0) {
    throw badInput(`Unknown node ids: ${listIds(missing)}.`, {
      argument: 'input.nodeIds',
      unknownIds: missing,
    });
  }
  if (input.edgeIds.length === 0) return;
  const rows = await tx.run(EDGES_AMONG_BY_ID, { nodeIds: input.nodeIds, edgeIds: input.edgeIds });
  const found = new Set(rows.map((r) => String((r.edge as StoredEdge).id)));
  const unknown = input.edgeIds.filter((e) => !found.has(e));
  if (unknown.length > 0) {
    throw badInput(`Unknown edge ids, or edges whose ends are not both in the view: ${listIds(unknown)}.`, {
      argument: 'input.edgeIds',
      unknownIds: unknown,
    });
  }
}

const params = (input: ViewInput) => ({
  name: input.name,
  description: input.description,
  nodeIds: input.nodeIds,
  edgeIds: input.edgeIds,
  layout: input.layout,
  filter: input.filter,
});

/** Creates a view (version 1). The id is made before the transaction, so a retried transaction MERGEs, never duplicates. */
export async function saveView(db: Db, rawInput: unknown): Promise<SavedView> {
  const input = validateViewInput(rawInput);
  await ensureSchema(db);
  const id = `view:${randomUUID()}`;
  return db.writeTransaction(async (tx) => {
    await checkMembers(tx, input);
    const [row] = await tx.run(CREATE, { id, ...params(input) });
    return toSavedView(row!.view as Record<string, unknown>);
  });
}

/** Replaces a view's content if its version is still `expectedVersion`; CONFLICT (and no change) otherwise. */
export async function updateView(
  db: Db,
  id: string,
  expectedVersion: number,
  rawInput: unknown,
): Promise<SavedView> {
  checkId(id);
  checkInt(expectedVersion, 'expectedVersion', 1, Number.MAX_SAFE_INTEGER);
  const input = validateViewInput(rawInput);
  return db.writeTransaction(async (tx) => {
    const [lock] = await tx.run(LOCK, { id });
    if (Number(lock?.locked ?? 0) === 0) throw notFound(`No saved view has the id ${JSON.stringify(id)}.`);
    const [current] = await tx.run(CURRENT_VERSION, { id });
    const version = Number(current?.version);
    if (version !== expectedVersion) {
      throw new AppError(
        'CONFLICT',
        `The view was changed by someone else: it is at version ${version}, not ${expectedVersion}. Reload it and try again.`,
        { currentVersion: version },
      );
    }
    await checkMembers(tx, input);
    const [row] = await tx.run(UPDATE, { id, version: version + 1, ...params(input) });
    return toSavedView(row!.view as Record<string, unknown>);
  });
}

/** Deletes a view; NOT_FOUND when there is none. */
export async function deleteView(db: Db, id: string): Promise<boolean> {
  checkId(id);
  const [row] = await db.write(DELETE, { id });
  if (Number(row?.deleted ?? 0) === 0) throw notFound(`No saved view has the id ${JSON.stringify(id)}.`);
  return true;
}

/** The view with this id, or null. */
export async function view(db: Db, id: string): Promise<SavedView | null> {
  checkId(id);
  const [row] = await db.read(ONE, { id });
  return row ? toSavedView(row.view as Record<string, unknown>) : null;
}

/** Saved views, most recently changed first. */
export async function views(db: Db, limit: number): Promise<SavedView[]> {
  checkInt(limit, 'limit', 1, VIEWS_LIMIT_MAX);
  const rows = await db.read(ALL, { limit: int(limit) });
  return rows.map((r) => toSavedView(r.view as Record<string, unknown>));
}

/**
 * A view's nodes and edges as they are now: its nodes that still exist, and its saved edges that still exist
 * (or, when it saved none, every relationship among its nodes except CITES).
 */
export async function viewSubgraph(db: Db, v: SavedView): Promise<Subgraph> {
  const nodes = await loadNodes(db, v.nodeIds);
  const ids = nodes.map((n) => n.id);
  if (v.edgeIds.length > 0) {
    const rows = await db.read(EDGES_AMONG_BY_ID, { nodeIds: ids, edgeIds: v.edgeIds });
    return { nodes, edges: rows.map((r) => toGraphEdge(r.edge as StoredEdge)), truncated: false };
  }
  const limit = VIEW_NODES_MAX * 5;
  const edges = await edgesAmong(db, ids, DOMAIN_RELATIONSHIP_TYPES, NO_FILTER, limit);
  const truncated = edges.length > limit;
  if (truncated) edges.length = limit;
  return { nodes, edges, truncated };
}

/** The views that include each of the given nodes (one query for all). */
async function viewsIncluding(db: Db, ids: string[]): Promise<Map<string, SavedView[]>> {
  const rows = await db.read(INCLUDING, { ids });
  return new Map(
    rows.map((r) => [String(r.id), (r.views as Record<string, unknown>[]).map(toSavedView)] as const),
  );
}

const typeDefs = /* GraphQL */ `
  "A saved selection of nodes and edges, with its layout and filter; opens from /?view=<id>."
  type SavedView {
    "Made by the server: view:<uuid>."
    id: ID!
    name: String!
    description: String
    "Starts at 1, +1 on every update."
    version: Int!
    createdAt: DateTime!
    updatedAt: DateTime!
    nodeIds: [ID!]!
    edgeIds: [ID!]!
    "Positions, zoom, pan."
    layout: JSON
    filter: JSON
    "The view's nodes and edges as they are now (nodes or edges removed from the graph since are left out)."
    subgraph: Subgraph!
  }

  """
  name: 1 to 200 characters; nodeIds: 1 to 5000 existing node ids; edgeIds: existing relationships between those
  nodes; layout: a JSON object of at most 1 MB; filter: a JSON object.
  """
  input SavedViewInput {
    name: String!
    description: String
    nodeIds: [ID!]!
    edgeIds: [ID!]
    layout: JSON
    filter: JSON
  }

  extend type GraphNode {
    "The saved views that include this node, most recently changed first."
    savedViews: [SavedView!]!
  }

  type Query {
    "Saved views, most recently changed first (at most 1000)."
    views(limit: Int = 200): [SavedView!]!
    view(id: ID!): SavedView
  }

  type Mutation {
    saveView(input: SavedViewInput!): SavedView!
    "CONFLICT when expectedVersion is no longer the view's version; nothing changes then."
    updateView(id: ID!, expectedVersion: Int!, input: SavedViewInput!): SavedView!
    "NOT_FOUND when there is no such view."
    deleteView(id: ID!): Boolean!
  }
`;

export const viewsModule: GraphQLModule = {
  typeDefs,
  resolvers: {
    Query: {
      views: (_: unknown, args: { limit?: number | null }, ctx) => views(ctx.db, args.limit ?? 200),
      view: (_: unknown, args: { id: string }, ctx) => view(ctx.db, args.id),
    },
    Mutation: {
      saveView: (_: unknown, args: { input: unknown }, ctx) => saveView(ctx.db, args.input),
      updateView: (_: unknown, args: { id: string; expectedVersion: number; input: unknown }, ctx) =>
        updateView(ctx.db, args.id, args.expectedVersion, args.input),
      deleteView: (_: unknown, args: { id: string }, ctx) => deleteView(ctx.db, args.id),
    },
    SavedView: {
      subgraph: (v: SavedView, _args: unknown, ctx: Context) => viewSubgraph(ctx.db, v),
    },
    GraphNode: {
      savedViews: async (node: GraphNode, _args: unknown, ctx: Context) =>
        (await batchLoad(ctx, 'savedViews', node.id, (ids) => viewsIncluding(ctx.db, ids))) ?? [],
    },
  },
};
