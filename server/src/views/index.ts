// Saved views: a named selection of nodes and edges with its layout and filter, stored in Neo4j as
// (:SavedView)-[:INCLUDES]->(:Entity) so that "which views include this actor" is a query (GraphNode.savedViews).
// Lists of views (views, GraphNode.savedViews) read each view's summary only; a view's content (node and edge ids,
// a layout of up to 1 MB, its filter) is read when that view is opened, or field by field when a list asks for it,
// and the cost limits count it (server/src/graphql/limits.ts).
// Every mutation is one write transaction; updateView checks the version under the view's write lock, so of two
// updates from the same version exactly one wins and the other gets CONFLICT. Each write records who made it
// (createdBy/updatedBy) and writes its audit entry in the same transaction (server/src/audit). A write sent with
// an Idempotency-Key takes its ids from the key (and the caller), so the same write sent again, also by another
// server process or at the same time, finds its audit entry and returns what the first did without writing again.
// Every write first passes the write gate, which a backup closes while it reads (server/src/backup/pause.ts).
import { createHash, randomUUID } from 'node:crypto';
import { LOCAL_ACTOR, actorOf, requireRole } from '../access/index.ts';
import { ensureAuditSchema, newAuditId, recordAudit, recorded } from '../audit/index.ts';
import { ensureHistorySchema, recordChange } from '../history/index.ts';
import { ensureWriteGate, enterWriteGate } from '../backup/pause.ts';
import { cypher, int, type Db, type NamedQuery, type Tx } from '../../../core/db/database.ts';
import { AppError, badInput, notFound } from '../../../core/errors.ts';
import { batchLoad } from '../graph/batch.ts';
import {
  DENSE_DEGREE,
  edgeId,
  edgeProjection,
  edgesAmong,
  loadNodes,
  MANY_IDS,
  missingNodeIds,
  relationshipsAmong,
} from '../graph/cypher.ts';
import { toGraphEdge, type EdgeRow } from '../graph/mapping.ts';
import { RELATIONSHIP_TYPE_NAMES } from '../../../core/model/index.ts';
import {
  NO_FILTER,
  type SavedView,
  type SavedViewContent,
  type SavedViewParent,
  type SavedViewSummary,
  type Subgraph,
} from '../graph/model.ts';
import { checkId, checkInt } from '../graph/validate.ts';
import type { Context } from '../graphql/context.ts';
import { graphQLModule } from '../graphql/module.ts';
import { VIEW_NODES_MAX, validateViewInput, type ViewInput } from './input.ts';

export const VIEWS_LIMIT_MAX = 1000;
/** Unknown ids listed in an error message (all of them are in extensions.unknownIds). */
const LISTED_IDS = 20;

const SCHEMA = cypher(
  'viewsConstraintId',
  'CREATE CONSTRAINT saved_view_id_unique IF NOT EXISTS FOR (v:SavedView) REQUIRE v.id IS UNIQUE',
);

// Links view `v` to the nodes of $nodeIds (MERGE: the ones it already includes stay as they are).
const INCLUDE_NODES = `CALL (v) {
     UNWIND $nodeIds AS nid
     MATCH (n:Entity {id: nid})
     MERGE (v)-[:INCLUDES]->(n)
   }`;

const CREATE = cypher(
  'viewsCreate',
  `MERGE (v:SavedView {id: $id})
   ON CREATE SET v.name = $name, v.description = $description, v.version = 1,
     v.createdAt = datetime.transaction(), v.updatedAt = datetime.transaction(),
     v.createdBy = $actor, v.updatedBy = $actor,
     v.nodeIds = $nodeIds, v.edgeIds = $edgeIds, v.layout = $layout, v.filter = $filter
   WITH v
   ${INCLUDE_NODES}
   RETURN v {.*} AS view`,
);

// Taking the view's write lock first: a concurrent update of the same view waits here until the other commits,
// and then reads the version that one wrote.
const LOCK = cypher('viewsLock', 'MATCH (v:SavedView {id: $id}) SET v.lock = true RETURN count(v) AS locked');

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
   ${INCLUDE_NODES}
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

/** A view's properties but its content. */
const SUMMARY = `v {.id, .name, .description, .version, .createdAt, .updatedAt, .createdBy, .updatedBy,
  nodeCount: size(coalesce(v.nodeIds, []))}`;

const ALL = cypher(
  'viewsAll',
  `MATCH (v:SavedView) WITH v ORDER BY v.updatedAt DESC, v.id LIMIT $limit RETURN ${SUMMARY} AS view`,
);

const INCLUDING = cypher(
  'viewsIncluding',
  `UNWIND $ids AS id
   MATCH (v:SavedView)-[:INCLUDES]->(:Entity {id: id})
   WITH id, v ORDER BY v.updatedAt DESC, v.id
   RETURN id, collect(${SUMMARY}) AS views`,
);

/** One content property (nodeIds, edgeIds, layout or filter) of each of the given views. */
const CONTENT = cypher(
  'viewsContent',
  `UNWIND $ids AS id
   MATCH (v:SavedView {id: id})
   RETURN id, v[$property] AS value`,
);

// The given edges that exist with both ends among the given nodes (graph/cypher.ts relationshipsAmong: a form
// for a few hundred nodes, and one for thousands).
const edgesAmongById = (name: string, many: boolean) =>
  cypher(
    name,
    `${relationshipsAmong('nodeIds', many)}
   WITH r WHERE ${edgeId('r')} IN $edgeIds
   RETURN ${edgeProjection('r')} AS edge
   ORDER BY edge.id`,
  );
const EDGES_AMONG_BY_ID = edgesAmongById('viewsEdgesById', false);
const EDGES_AMONG_BY_ID_MANY = edgesAmongById('viewsEdgesByIdMany', true);
/** The query for the edges of a view of these nodes. */
const edgesByIdFor = (nodeIds: readonly string[]) =>
  nodeIds.length >= MANY_IDS ? EDGES_AMONG_BY_ID_MANY : EDGES_AMONG_BY_ID;

// The snapshot of a version of a view kept by its history (server/src/history), read in a write's transaction.
const VERSION_IN_TX = cypher(
  'viewsVersionInHistory',
  `MATCH (e:ChangeEvent {targetId: $id})
   WHERE e.version = $version AND e.action IN ['SAVE_VIEW', 'UPDATE_VIEW', 'RESTORE_VIEW']
   WITH e ORDER BY e.at DESC LIMIT 1
   RETURN e.after AS after, toString(e.at) AS at`,
);

/** A row of the queries that return a saved view's stored properties as `view`. */
interface ViewRow {
  view: Record<string, unknown>;
}

const schemaReady = new WeakMap<Db, Promise<unknown>>();

/** Creates the uniqueness constraints of SavedView.id, the audit log and the write gate once per database handle. */
function ensureSchema(db: Db): Promise<unknown> {
  let ready = schemaReady.get(db);
  if (!ready) {
    ready = Promise.all([
      db.write(SCHEMA),
      ensureAuditSchema(db),
      ensureHistorySchema(db),
      ensureWriteGate(db),
    ]).catch((e: unknown) => {
      schemaReady.delete(db);
      throw e;
    });
    schemaReady.set(db, ready);
  }
  return ready;
}

const iso = (v: unknown) => (typeof v === 'string' ? new Date(v).toISOString() : new Date(0).toISOString());
const parseJson = (v: unknown): unknown => (typeof v === 'string' ? (JSON.parse(v) as unknown) : null);

/** A view's summary from its stored properties (nodeCount from the list queries, else from nodeIds). */
function toSummary(props: Record<string, unknown>): SavedViewSummary {
  return {
    id: String(props.id),
    name: String(props.name),
    description: typeof props.description === 'string' ? props.description : null,
    version: Number(props.version),
    createdAt: iso(props.createdAt),
    updatedAt: iso(props.updatedAt),
    createdBy: typeof props.createdBy === 'string' ? props.createdBy : null,
    updatedBy: typeof props.updatedBy === 'string' ? props.updatedBy : null,
    nodeCount: typeof props.nodeCount === 'number' ? props.nodeCount : ids(props.nodeIds).length,
  };
}

const ids = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);

/** Stored content properties as the API gives them: ids as lists, layout and filter parsed from JSON. */
const CONTENT_VALUE: { [K in keyof SavedViewContent]: (stored: unknown) => SavedViewContent[K] } = {
  nodeIds: ids,
  edgeIds: ids,
  layout: parseJson,
  filter: parseJson,
};

/** A SavedView from the stored node's properties. */
export function toSavedView(props: Record<string, unknown>): SavedView {
  return {
    ...toSummary(props),
    nodeIds: CONTENT_VALUE.nodeIds(props.nodeIds),
    edgeIds: CONTENT_VALUE.edgeIds(props.edgeIds),
    layout: CONTENT_VALUE.layout(props.layout),
    filter: CONTENT_VALUE.filter(props.filter),
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
  const rows = await tx.run<EdgeRow>(edgesByIdFor(input.nodeIds), {
    nodeIds: input.nodeIds,
    edgeIds: input.edgeIds,
    dense: int(DENSE_DEGREE),
  });
  const found = new Set(rows.map((r) => r.edge.id));
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

/** A save or update of a view: the view's id and new version, its input, and the audit entry's id and actor. */
interface ViewChange {
  action: 'SAVE_VIEW' | 'UPDATE_VIEW' | 'RESTORE_VIEW';
  id: string;
  version: number;
  input: ViewInput;
  auditId: string;
  actor: string;
  requestHash: string | null;
  /** The view before the write (null for a new one), kept in its history event. */
  before: SavedView | null;
  /** The version a restore brought back. */
  restoredFrom?: number;
}

/** What a view's history event keeps of it: everything an earlier version needs to be opened and restored. */
export const viewSnapshot = (v: SavedView): ViewSnapshot => ({
  id: v.id,
  name: v.name,
  description: v.description,
  version: v.version,
  nodeIds: v.nodeIds,
  edgeIds: v.edgeIds,
  layout: v.layout,
  filter: v.filter,
  updatedAt: v.updatedAt,
  updatedBy: v.updatedBy,
});

/** A view as its history events keep it. */
interface ViewSnapshot {
  id: string;
  name: string;
  description: string | null;
  version: number;
  nodeIds: string[];
  edgeIds: string[];
  layout: unknown;
  filter: unknown;
  updatedAt: string;
  updatedBy: string | null;
}

/** The history event's id of the write whose audit entry is `auditId` (the same uuid, so retries reuse both). */
const changeIdOf = (auditId: string) => `change:${auditId.slice('audit:'.length)}`;

/**
 * Writes a view with `statement` (CREATE or UPDATE) at `version`, after checking its members and recording its
 * audit entry. The audit entry first and the INCLUDES relationships last: the locks these take on shared nodes (a
 * hub in many views) are then held only until the commit, so that concurrent saves do not queue behind each other.
 */
async function writeView(tx: Tx, statement: NamedQuery, change: ViewChange): Promise<SavedView> {
  const { action, id, version, input, auditId, actor, requestHash, before, restoredFrom } = change;
  await checkMembers(tx, input);
  await recordAudit(tx, {
    id: auditId,
    actor,
    // The audit log knows saves, updates and deletes: a restore is an update there (its history says more).
    action: action === 'RESTORE_VIEW' ? 'UPDATE_VIEW' : action,
    viewId: id,
    version,
    viewName: input.name,
    requestHash,
  });
  const [row] = await tx.run<ViewRow>(statement, { id, actor, version, ...params(input) });
  const saved = toSavedView(row!.view);
  await recordChange(tx, {
    id: changeIdOf(auditId),
    by: actor,
    action,
    targetId: id,
    version,
    before: before && viewSnapshot(before),
    after: restoredFrom === undefined ? viewSnapshot(saved) : { ...viewSnapshot(saved), restoredFrom },
  });
  return saved;
}

/** A write sent with an Idempotency-Key: who sent it, the key, and the field (its alias) in the request. */
export interface Replay {
  /** e.g. "ann\n5b0e…\nsaveView". */
  scope: string;
}

/** The ids of one write: fresh ones, or, with an Idempotency-Key, the same ones each time it is sent. */
function writeIds(replay: Replay | undefined): { auditId: string; viewId: string } {
  if (!replay) return { auditId: newAuditId(), viewId: `view:${randomUUID()}` };
  const h = createHash('sha256').update(replay.scope).digest('hex');
  const uuid = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
  return { auditId: `audit:${uuid}`, viewId: `view:${uuid}` };
}

/** A digest of what a write asks for, kept with its audit entry when it came with an Idempotency-Key. */
const requestHash = (replay: Replay | undefined, request: unknown) =>
  replay ? createHash('sha256').update(JSON.stringify(request)).digest('hex') : null;

/**
 * True when this write was already done (its audit entry is committed): a retry by the driver, or the same
 * request sent again with its Idempotency-Key. The same key with another request is BAD_USER_INPUT.
 */
async function done(tx: Tx, auditId: string, hash: string | null): Promise<boolean> {
  const prior = await recorded(tx, auditId);
  if (!prior) return false;
  if (hash !== null && prior.requestHash !== null && prior.requestHash !== hash) {
    throw badInput(
      'This Idempotency-Key was already used for a different request: send a new key with each new write.',
    );
  }
  return true;
}

/**
 * Creates a view (version 1) as `actor`, with its audit entry. The ids are made before the transaction, so a
 * retried transaction MERGEs, never duplicates; with an Idempotency-Key they are the same for every copy sent.
 */
export async function saveView(
  db: Db,
  rawInput: unknown,
  actor = LOCAL_ACTOR,
  replay?: Replay,
): Promise<SavedView> {
  const input = validateViewInput(rawInput);
  await ensureSchema(db);
  const { viewId: id, auditId } = writeIds(replay);
  const hash = requestHash(replay, { action: 'SAVE_VIEW', input });
  return db.writeTransaction(async (tx) => {
    await enterWriteGate(tx);
    if (await done(tx, auditId, hash)) {
      const [row] = await tx.run<ViewRow>(ONE, { id });
      if (row) return toSavedView(row.view);
      throw notFound(`The view this request saved (${id}) has been deleted since.`);
    }
    const change = {
      action: 'SAVE_VIEW',
      id,
      version: 1,
      input,
      auditId,
      actor,
      requestHash: hash,
      before: null,
    } as const;
    return writeView(tx, CREATE, change);
  });
}

/** Takes the view's write lock, then reads the view as it is; NOT_FOUND when there is no such view. */
async function lockView(tx: Tx, id: string): Promise<Record<string, unknown>> {
  const missing = () => notFound(`No saved view has the id ${JSON.stringify(id)}.`);
  const [lock] = await tx.run<{ locked: number }>(LOCK, { id });
  if ((lock?.locked ?? 0) === 0) throw missing();
  const [current] = await tx.run<ViewRow>(ONE, { id });
  if (!current) throw missing();
  return current.view;
}

/** Replaces a view's content if its version is still `expectedVersion`; CONFLICT (and no change) otherwise. */
export async function updateView(
  db: Db,
  id: string,
  expectedVersion: number,
  rawInput: unknown,
  actor = LOCAL_ACTOR,
  replay?: Replay,
): Promise<SavedView> {
  checkId(id);
  checkInt(expectedVersion, 'expectedVersion', 1, Number.MAX_SAFE_INTEGER);
  const input = validateViewInput(rawInput);
  await ensureSchema(db);
  const hash = requestHash(replay, { action: 'UPDATE_VIEW', id, expectedVersion, input });
  return replaceView(db, id, actor, replay, hash, (current) => {
    const version = current.version;
    if (version !== expectedVersion) {
      throw new AppError(
        'CONFLICT',
        `The view was changed by someone else: it is at version ${version}, not ${expectedVersion}. Reload it and try again.`,
        { currentVersion: version },
      );
    }
    return { action: 'UPDATE_VIEW', input };
  });
}

/**
 * Writes a new version of view `id` (its version + 1) under the view's write lock, with the input `decide` makes
 * from the view as it is (or throws). Returns what the first copy wrote when this write was already done.
 */
async function replaceView(
  db: Db,
  id: string,
  actor: string,
  replay: Replay | undefined,
  hash: string | null,
  decide: (
    current: SavedView,
    tx: Tx,
  ) =>
    | Promise<Pick<ViewChange, 'action' | 'input' | 'restoredFrom'>>
    | Pick<ViewChange, 'action' | 'input' | 'restoredFrom'>,
): Promise<SavedView> {
  const { auditId } = writeIds(replay);
  return db.writeTransaction(async (tx) => {
    await enterWriteGate(tx);
    const current = async () => {
      const [row] = await tx.run<ViewRow>(ONE, { id });
      if (row) return toSavedView(row.view);
      throw notFound(`No saved view has the id ${JSON.stringify(id)}.`);
    };
    // A retry of a transaction that did commit (the answer was lost), or the request sent again: report it.
    if (await done(tx, auditId, hash)) return current();
    const locked = toSavedView(await lockView(tx, id));
    // The same request sent at the same time: the other copy committed while this one waited for the lock.
    if (await done(tx, auditId, hash)) return current();
    const { action, input, restoredFrom } = await decide(locked, tx);
    const change: ViewChange = {
      action,
      id,
      version: locked.version + 1,
      input,
      auditId,
      actor,
      requestHash: hash,
      before: locked,
      restoredFrom,
    };
    return writeView(tx, UPDATE, change);
  });
}

/** The view as it was at `version` (from its history), or null when that version is unknown. */
export async function viewVersion(db: Db, id: string, version: number): Promise<SavedView | null> {
  checkId(id);
  checkInt(version, 'version', 1, Number.MAX_SAFE_INTEGER);
  const now = await view(db, id);
  if (now && now.version === version) return now;
  const [row] = await db.read<{ after: string | null; at: string }>(VERSION_IN_TX, {
    id,
    version: int(version),
  });
  if (!row?.after) return null;
  return fromSnapshot(JSON.parse(row.after) as ViewSnapshot, now, new Date(row.at).toISOString());
}

/** A SavedView from a history event's snapshot (created… from the view as it is now, when it still exists). */
function fromSnapshot(s: ViewSnapshot, now: SavedView | null, at: string): SavedView {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    version: s.version,
    createdAt: now?.createdAt ?? at,
    createdBy: now?.createdBy ?? null,
    updatedAt: s.updatedAt ?? at,
    updatedBy: s.updatedBy ?? null,
    nodeCount: s.nodeIds.length,
    nodeIds: s.nodeIds,
    edgeIds: s.edgeIds,
    layout: s.layout,
    filter: s.filter,
  };
}

/**
 * Makes version `version` of a view its newest version (current + 1), as `actor`. Nodes and relationships that
 * have left the graph since are left out (the event says which); NOT_FOUND when the view or that version is
 * unknown, BAD_USER_INPUT when none of its nodes is left.
 */
export async function restoreView(
  db: Db,
  id: string,
  version: number,
  actor = LOCAL_ACTOR,
  replay?: Replay,
): Promise<SavedView> {
  checkId(id);
  checkInt(version, 'version', 1, Number.MAX_SAFE_INTEGER);
  await ensureSchema(db);
  const hash = requestHash(replay, { action: 'RESTORE_VIEW', id, version });
  return replaceView(db, id, actor, replay, hash, async (current, tx) => {
    let old: ViewSnapshot | null = current.version === version ? viewSnapshot(current) : null;
    if (!old) {
      const [row] = await tx.run<{ after: string | null }>(VERSION_IN_TX, { id, version: int(version) });
      old = row?.after ? (JSON.parse(row.after) as ViewSnapshot) : null;
    }
    if (!old) {
      throw notFound(
        `View ${id} has no version ${version} in its history (it is at version ${current.version}).`,
      );
    }
    const missing = new Set(await missingNodeIds(tx, old.nodeIds));
    const nodeIds = old.nodeIds.filter((n) => !missing.has(n));
    if (nodeIds.length === 0) {
      throw badInput(`None of the nodes of version ${version} of view ${id} is in the graph any more.`);
    }
    let edgeIds = old.edgeIds;
    if (edgeIds.length > 0) {
      const rows = await tx.run<EdgeRow>(edgesByIdFor(nodeIds), {
        nodeIds,
        edgeIds,
        dense: int(DENSE_DEGREE),
      });
      const found = new Set(rows.map((r) => r.edge.id));
      edgeIds = edgeIds.filter((e) => found.has(e));
    }
    const input = validateViewInput({
      name: old.name,
      description: old.description,
      nodeIds,
      edgeIds,
      layout: old.layout,
      filter: old.filter,
    });
    return { action: 'RESTORE_VIEW', input, restoredFrom: version };
  });
}

/** Deletes a view as `actor`, with its audit entry; NOT_FOUND when there is none. */
export async function deleteView(db: Db, id: string, actor = LOCAL_ACTOR, replay?: Replay): Promise<boolean> {
  checkId(id);
  await ensureSchema(db);
  const { auditId } = writeIds(replay);
  const hash = requestHash(replay, { action: 'DELETE_VIEW', id });
  return db.writeTransaction(async (tx) => {
    await enterWriteGate(tx);
    if (await done(tx, auditId, hash)) return true;
    // The view's write lock first, so that the version and name recorded are the ones deleted.
    let props: Record<string, unknown>;
    try {
      props = await lockView(tx, id);
    } catch (e) {
      // The same request sent at the same time deleted it while this one waited.
      if (await done(tx, auditId, hash)) return true;
      throw e;
    }
    await recordAudit(tx, {
      id: auditId,
      actor,
      action: 'DELETE_VIEW',
      viewId: id,
      version: typeof props.version === 'number' ? props.version : null,
      viewName: typeof props.name === 'string' ? props.name : null,
      requestHash: hash,
    });
    await recordChange(tx, {
      id: changeIdOf(auditId),
      by: actor,
      action: 'DELETE_VIEW',
      targetId: id,
      before: viewSnapshot(toSavedView(props)),
      after: null,
    });
    await tx.run(DELETE, { id });
    return true;
  });
}

/** The view with this id, or null. */
export async function view(db: Db, id: string): Promise<SavedView | null> {
  checkId(id);
  const [row] = await db.read<ViewRow>(ONE, { id });
  return row ? toSavedView(row.view) : null;
}

/** Saved views, most recently changed first: their summaries. */
export async function views(db: Db, limit: number): Promise<SavedViewSummary[]> {
  checkInt(limit, 'limit', 1, VIEWS_LIMIT_MAX);
  const rows = await db.read<ViewRow>(ALL, { limit: int(limit) });
  return rows.map((r) => toSummary(r.view));
}

/** One content property of a view, read together with the same property of every view asked for in this turn. */
async function contentOf<K extends keyof SavedViewContent>(
  ctx: { db: Db },
  view: SavedViewParent,
  property: K,
): Promise<SavedViewContent[K]> {
  if (view[property] !== undefined) return view[property] as SavedViewContent[K];
  const stored = await batchLoad(ctx, `viewContent:${property}`, view.id, async (keys) => {
    const rows = await ctx.db.read<{ id: string; value: unknown }>(CONTENT, { ids: keys, property });
    return new Map(rows.map((r) => [r.id, r.value] as const));
  });
  return CONTENT_VALUE[property](stored);
}

/**
 * A view's nodes and edges as they are now: its nodes that still exist, and its saved edges that still exist
 * (or, when it saved none, every relationship among its nodes except CITES).
 */
export async function viewSubgraph(db: Db, v: Pick<SavedView, 'nodeIds' | 'edgeIds'>): Promise<Subgraph> {
  const nodes = await loadNodes(db, v.nodeIds);
  const present = nodes.map((n) => n.id);
  if (v.edgeIds.length > 0) {
    const rows = await db.read<EdgeRow>(edgesByIdFor(present), {
      nodeIds: present,
      edgeIds: v.edgeIds,
      dense: int(DENSE_DEGREE),
    });
    return { nodes, edges: rows.map((r) => toGraphEdge(r.edge)), truncated: false };
  }
  const limit = VIEW_NODES_MAX * 5;
  const edges = await edgesAmong(db, present, RELATIONSHIP_TYPE_NAMES, NO_FILTER, limit);
  const truncated = edges.length > limit;
  if (truncated) edges.length = limit;
  return { nodes, edges, truncated };
}

/** The views that include each of the given nodes (one query for all). */
async function viewsIncluding(db: Db, nodeIds: string[]): Promise<Map<string, SavedViewSummary[]>> {
  const rows = await db.read<{ id: string; views: Record<string, unknown>[] }>(INCLUDING, { ids: nodeIds });
  return new Map(rows.map((r) => [r.id, r.views.map(toSummary)] as const));
}

/** The Replay of a write in this request: its caller, its Idempotency-Key and its field's response key. */
function replayOf(ctx: Context, field: string | number): Replay | undefined {
  return ctx.idempotencyKey
    ? { scope: `${actorOf(ctx.access)}\n${ctx.idempotencyKey}\n${field}` }
    : undefined;
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
    "How many nodes it saved (nodeIds' length, without reading them)."
    nodeCount: Int!
    nodeIds: [ID!]!
    edgeIds: [ID!]!
    "Positions, zoom, pan."
    layout: JSON
    """
    The explorer's filters as it saved them: hidden kinds and nodes, the time window, and the evidence filter
    (statedOnly: true or false; minReliability: a grade A to F, or null), which opening the view applies again.
    """
    filter: JSON
    "The view's nodes and edges as they are now (nodes or edges removed from the graph since are left out)."
    subgraph: Subgraph!
  }

  """
  name: 1 to 200 characters; nodeIds: 1 to 5000 existing node ids; edgeIds: existing relationships between those
  nodes; layout: a JSON object of at most 1 MB, whose name (force, concentric, hierarchical or timeline) and pinned
  (at most 5000 node ids) are checked where present; filter: a JSON object, whose statedOnly (true or false) and
  minReliability (one of Reliability's grades) are checked where present (BAD_USER_INPUT otherwise).
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
    "Saved views, most recently changed first (at most ${VIEWS_LIMIT_MAX})."
    views(limit: Int = 200): [SavedView!]!
    view(id: ID!): SavedView
    "The view as it was at that version (from its history; the current one too), or null when that version is unknown."
    viewVersion(id: ID!, version: Int!): SavedView
  }

  type Mutation {
    saveView(input: SavedViewInput!): SavedView!
    "CONFLICT when expectedVersion is no longer the view's version; nothing changes then."
    updateView(id: ID!, expectedVersion: Int!, input: SavedViewInput!): SavedView!
    "NOT_FOUND when there is no such view."
    deleteView(id: ID!): Boolean!
    """
    Makes an earlier version of a view its newest (the current version + 1); nodes and relationships that have left
    the graph since are left out. NOT_FOUND when the view or that version is unknown.
    """
    restoreView(id: ID!, version: Int!): SavedView!
  }
`;

export const viewsModule = graphQLModule(typeDefs, {
  Query: {
    views: (_, args, ctx) => views(ctx.db, args.limit),
    view: (_, args, ctx) => view(ctx.db, args.id),
    viewVersion: (_, args, ctx) => viewVersion(ctx.db, args.id, args.version),
  },
  Mutation: {
    saveView: (_, args, ctx, info) => {
      requireRole(ctx.access, 'editor', 'Saving a view');
      return saveView(ctx.db, args.input, actorOf(ctx.access), replayOf(ctx, info.path.key));
    },
    updateView: (_, args, ctx, info) => {
      requireRole(ctx.access, 'editor', 'Changing a view');
      const replay = replayOf(ctx, info.path.key);
      return updateView(ctx.db, args.id, args.expectedVersion, args.input, actorOf(ctx.access), replay);
    },
    deleteView: (_, args, ctx, info) => {
      requireRole(ctx.access, 'editor', 'Deleting a view');
      return deleteView(ctx.db, args.id, actorOf(ctx.access), replayOf(ctx, info.path.key));
    },
    restoreView: (_, args, ctx, info) => {
      requireRole(ctx.access, 'editor', 'Restoring a view');
      const replay = replayOf(ctx, info.path.key);
      return restoreView(ctx.db, args.id, args.version, actorOf(ctx.access), replay);
    },
  },
  SavedView: {
    nodeIds: (v, _args, ctx) => contentOf(ctx, v, 'nodeIds'),
    edgeIds: (v, _args, ctx) => contentOf(ctx, v, 'edgeIds'),
    layout: (v, _args, ctx) => contentOf(ctx, v, 'layout'),
    filter: (v, _args, ctx) => contentOf(ctx, v, 'filter'),
    subgraph: async (v, _args, ctx) => {
      const [nodeIds, edgeIds] = await Promise.all([
        contentOf(ctx, v, 'nodeIds'),
        contentOf(ctx, v, 'edgeIds'),
      ]);
      return viewSubgraph(ctx.db, { nodeIds, edgeIds });
    },
  },
  GraphNode: {
    savedViews: async (node, _args, ctx) =>
      (await batchLoad(ctx, 'savedViews', node.id, (ids) => viewsIncluding(ctx.db, ids))) ?? [],
  },
});
