// Saved views: a named selection of nodes and edges with its layout and filter, stored in Neo4j as
// (:SavedView)-[:INCLUDES]->(:Entity) so that "which views include this actor" is a query (GraphNode.savedViews).
// Every mutation is one write transaction; updateView checks the version under the view's write lock, so of two
// updates from the same version exactly one wins and the other gets CONFLICT. Each write records who made it
// (createdBy/updatedBy) and writes its audit entry in the same transaction (server/src/audit).
import { randomUUID } from 'node:crypto';
import { LOCAL_ACTOR, actorOf, requireRole } from '../access/index.ts';
import { alreadyRecorded, ensureAuditSchema, newAuditId, recordAudit } from '../audit/index.ts';
import { cypher, int, type Db, type Tx } from '../db/database.ts';
import { AppError, badInput, notFound } from '../errors.ts';
import { batchLoad } from '../graph/batch.ts';
import {
  DENSE_DEGREE,
  edgeId,
  edgeProjection,
  edgesAmong,
  loadNodes,
  missingNodeIds,
  relationshipsAmong,
} from '../graph/cypher.ts';
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
  /** Who saved it (an API token's name, or "local"); null for views saved before this was recorded. */
  createdBy: string | null;
  /** Who changed it last. */
  updatedBy: string | null;
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
     v.createdBy = $actor, v.updatedBy = $actor,
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
     v.updatedAt = datetime.transaction(), v.updatedBy = $actor,
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
  `MATCH (v:SavedView {id: $id})
   WITH v, v.version AS version, v.name AS name
   DETACH DELETE v
   RETURN version, name`,
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
  `${relationshipsAmong('nodeIds')}
   WITH r WHERE ${edgeId('r')} IN $edgeIds
   RETURN ${edgeProjection('r')} AS edge
   ORDER BY edge.id`,
);

const schemaReady = new WeakMap<Db, Promise<unknown>>();

/** Creates the uniqueness constraint on SavedView.id (and the audit log's) once per database handle. */
function ensureSchema(db: Db): Promise<unknown> {
  let ready = schemaReady.get(db);
  if (!ready) {
    ready = Promise.all([db.write(SCHEMA), ensureAuditSchema(db)]).catch((e: unknown) => {
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
    createdBy: typeof props.createdBy === 'string' ? props.createdBy : null,
    updatedBy: typeof props.updatedBy === 'string' ? props.updatedBy : null,
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
  const rows = await tx.run(EDGES_AMONG_BY_ID, {
    nodeIds: input.nodeIds,
    edgeIds: input.edgeIds,
    dense: int(DENSE_DEGREE),
  });
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

/**
 * Creates a view (version 1) as `actor`, with its audit entry. The ids are made before the transaction, so a
 * retried transaction MERGEs, never duplicates.
 */
export async function saveView(db: Db, rawInput: unknown, actor = LOCAL_ACTOR): Promise<SavedView> {
  const input = validateViewInput(rawInput);
  await ensureSchema(db);
  const id = `view:${randomUUID()}`;
  const auditId = newAuditId();
  return db.writeTransaction(async (tx) => {
    await checkMembers(tx, input);
    // The audit entry first and the INCLUDES relationships last: the locks these take on shared nodes (a hub in
    // many views) are then held only until the commit, so that concurrent saves do not queue behind each other.
    await recordAudit(tx, {
      id: auditId,
      actor,
      action: 'SAVE_VIEW',
      viewId: id,
      version: 1,
      viewName: input.name,
    });
    const [row] = await tx.run(CREATE, { id, actor, ...params(input) });
    return toSavedView(row!.view as Record<string, unknown>);
  });
}

/** Replaces a view's content if its version is still `expectedVersion`; CONFLICT (and no change) otherwise. */
export async function updateView(
  db: Db,
  id: string,
  expectedVersion: number,
  rawInput: unknown,
  actor = LOCAL_ACTOR,
): Promise<SavedView> {
  checkId(id);
  checkInt(expectedVersion, 'expectedVersion', 1, Number.MAX_SAFE_INTEGER);
  const input = validateViewInput(rawInput);
  await ensureSchema(db);
  const auditId = newAuditId();
  return db.writeTransaction(async (tx) => {
    // A retry of a transaction that did commit (the answer was lost): the update happened, report it.
    if (await alreadyRecorded(tx, auditId)) {
      const [done] = await tx.run(ONE, { id });
      if (done) return toSavedView(done.view as Record<string, unknown>);
    }
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
    // As in saveView: the audit entry before the statement that locks the included nodes.
    await recordAudit(tx, {
      id: auditId,
      actor,
      action: 'UPDATE_VIEW',
      viewId: id,
      version: version + 1,
      viewName: input.name,
    });
    const [row] = await tx.run(UPDATE, { id, actor, version: version + 1, ...params(input) });
    return toSavedView(row!.view as Record<string, unknown>);
  });
}

/** Deletes a view as `actor`, with its audit entry; NOT_FOUND when there is none. */
export async function deleteView(db: Db, id: string, actor = LOCAL_ACTOR): Promise<boolean> {
  checkId(id);
  await ensureSchema(db);
  const auditId = newAuditId();
  return db.writeTransaction(async (tx) => {
    if (await alreadyRecorded(tx, auditId)) return true;
    // The view's write lock first, so that the version and name recorded are the ones deleted.
    const [lock] = await tx.run(LOCK, { id });
    if (Number(lock?.locked ?? 0) === 0) throw notFound(`No saved view has the id ${JSON.stringify(id)}.`);
    const [current] = await tx.run(ONE, { id });
    const props = current!.view as Record<string, unknown>;
    await recordAudit(tx, {
      id: auditId,
      actor,
      action: 'DELETE_VIEW',
      viewId: id,
      version: typeof props.version === 'number' ? props.version : null,
      viewName: typeof props.name === 'string' ? props.name : null,
    });
    await tx.run(DELETE, { id });
    return true;
  });
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
    const rows = await db.read(EDGES_AMONG_BY_ID, {
      nodeIds: ids,
      edgeIds: v.edgeIds,
      dense: int(DENSE_DEGREE),
    });
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
    "Who saved it: the API token's name, or local on a server without tokens (null for views saved before this was kept)."
    createdBy: String
    "Who changed it last (as createdBy)."
    updatedBy: String
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
      saveView: (_: unknown, args: { input: unknown }, ctx) => {
        requireRole(ctx.access, 'editor', 'Saving a view');
        return saveView(ctx.db, args.input, actorOf(ctx.access));
      },
      updateView: (_: unknown, args: { id: string; expectedVersion: number; input: unknown }, ctx) => {
        requireRole(ctx.access, 'editor', 'Changing a view');
        return updateView(ctx.db, args.id, args.expectedVersion, args.input, actorOf(ctx.access));
      },
      deleteView: (_: unknown, args: { id: string }, ctx) => {
        requireRole(ctx.access, 'editor', 'Deleting a view');
        return deleteView(ctx.db, args.id, actorOf(ctx.access));
      },
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
