// The history of every change: one (:ChangeEvent) node per write, created in the write's own transaction, so a
// write without its event cannot commit and an event without its write cannot exist. An event names what it
// changed (`targetId`: a node, a relationship, a view or a document; a merge names both nodes, the second in
// `otherIds`), who (the token's name, or local), when, the action, and the target before and after as JSON.
// Events are not :Entity nodes, so no neighbourhood, count, search or path sees them; backups carry them (they
// have an `id`). Read with `history(id)`, newest first. The id is made before the transaction (or from the
// write's Idempotency-Key) and the event MERGEd on it, so a transaction the driver retries writes no second event.
import { randomUUID } from 'node:crypto';
import { cypher, int, schemaOnce, type Db, type Tx } from '../../../core/db/database.ts';
import { checkInt, checkTargetId } from '../graph/validate.ts';
import { graphQLModule } from '../graphql/module.ts';

export const HISTORY_LIMIT_MAX = 1000;

/** Every action an event records. */
export const CHANGE_ACTIONS = [
  'ADD_NODE',
  'ADD_EDGE',
  'UPDATE_NODE',
  'RETRACT',
  'MERGE_NODES',
  'UNMERGE',
  'SAVE_VIEW',
  'UPDATE_VIEW',
  'DELETE_VIEW',
  'RESTORE_VIEW',
  'IMPORT_DOCUMENT',
  'REMOVE_DOCUMENT',
] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

/** What a write records in its transaction. */
export interface ChangeRecord {
  /** From newChangeId() (or derived from an Idempotency-Key), made before the transaction. */
  id: string;
  by: string | null;
  action: ChangeAction;
  targetId: string;
  /** Further ids whose history shows this event (a merge's second node, a relationship's ends). */
  otherIds?: string[];
  /** A view's version after the write, so that viewVersion (server/src/views) can find it. */
  version?: number | null;
  before: unknown;
  after: unknown;
}

/** The contract's ChangeEvent (before and after parsed). */
export interface ChangeEvent {
  id: string;
  at: string;
  by: string | null;
  action: ChangeAction;
  targetId: string;
  otherIds: string[];
  version: number | null;
  before: unknown;
  after: unknown;
}

const SCHEMA = [
  cypher(
    'historyConstraintId',
    'CREATE CONSTRAINT change_event_id_unique IF NOT EXISTS FOR (e:ChangeEvent) REQUIRE e.id IS UNIQUE',
  ),
  cypher(
    'historyIndexTarget',
    'CREATE INDEX change_event_target IF NOT EXISTS FOR (e:ChangeEvent) ON (e.targetId)',
  ),
];

// MERGE on the id: a retried transaction that did commit finds its event and writes nothing again. An event that
// names further ids also gets the label MultiChange, so that history(id) looks through those few, not every event.
const RECORD = cypher(
  'historyRecord',
  `MERGE (e:ChangeEvent {id: $id})
   ON CREATE SET e.at = datetime.transaction(), e.by = $by, e.action = $action, e.targetId = $targetId,
     e.otherIds = $otherIds, e.version = $version, e.before = $before, e.after = $after
   WITH e
   CALL (e) {
     WITH e WHERE size(e.otherIds) > 0
     SET e:MultiChange
   }
   RETURN e.id AS id`,
);

const FIND = cypher('historyFind', 'MATCH (e:ChangeEvent {id: $id}) RETURN e {.*} AS event');

const OF = cypher(
  'historyOf',
  `CALL () {
     MATCH (e:ChangeEvent {targetId: $id}) RETURN e
     UNION
     MATCH (e:MultiChange) WHERE $id IN e.otherIds RETURN e
   }
   WITH e ORDER BY e.at DESC, e.id DESC LIMIT $limit
   RETURN e {.*} AS event`,
);

/** A fresh event id (change:<uuid>). */
export const newChangeId = () => `change:${randomUUID()}`;

/** Creates the history's constraint and index once per database handle (not inside a data transaction). */
export const ensureHistorySchema = schemaOnce(SCHEMA);

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/** Appends the event in the caller's transaction (idempotent on its id). */
export async function recordChange(tx: Tx, change: ChangeRecord): Promise<void> {
  await tx.run(RECORD, {
    id: change.id,
    by: change.by,
    action: change.action,
    targetId: change.targetId,
    otherIds: change.otherIds ?? [],
    version: change.version === undefined || change.version === null ? null : int(change.version),
    before: json(change.before),
    after: json(change.after),
  });
}

const parse = (v: unknown): unknown => (typeof v === 'string' ? (JSON.parse(v) as unknown) : null);

function toEvent(props: Record<string, unknown>): ChangeEvent {
  return {
    id: String(props.id),
    at: typeof props.at === 'string' ? new Date(props.at).toISOString() : new Date(0).toISOString(),
    by: typeof props.by === 'string' ? props.by : null,
    action: String(props.action) as ChangeAction,
    targetId: String(props.targetId),
    otherIds: Array.isArray(props.otherIds) ? props.otherIds.map(String) : [],
    version: typeof props.version === 'number' ? props.version : null,
    before: parse(props.before),
    after: parse(props.after),
  };
}

/** The committed event with this id, or null (a write's retry asks whether it already happened). */
export async function changeEvent(tx: Tx, id: string): Promise<ChangeEvent | null> {
  const [row] = await tx.run<{ event: Record<string, unknown> }>(FIND, { id });
  return row ? toEvent(row.event) : null;
}

/** The changes of a node, relationship, view or document, newest first. */
export async function history(db: Db, id: string, limit: number): Promise<ChangeEvent[]> {
  checkTargetId(id);
  checkInt(limit, 'limit', 1, HISTORY_LIMIT_MAX);
  const rows = await db.read<{ event: Record<string, unknown> }>(OF, { id, limit: int(limit) });
  return rows.map((r) => toEvent(r.event));
}

const typeDefs = /* GraphQL */ `
  "One write, as the history keeps it (appended in the write's own transaction)."
  type ChangeEvent {
    id: ID!
    "When the write committed."
    at: DateTime!
    "Who: the API token's name, or local on a server without tokens."
    by: String
    "ADD_NODE, ADD_EDGE, UPDATE_NODE, RETRACT, MERGE_NODES, UNMERGE, SAVE_VIEW, UPDATE_VIEW, DELETE_VIEW, RESTORE_VIEW, IMPORT_DOCUMENT or REMOVE_DOCUMENT."
    action: String!
    "What it changed: a node, a relationship, a view or a document (a merge: the node kept)."
    targetId: ID!
    "Other ids whose history shows it (a merge: the node merged into the kept one; a relationship's: its ends)."
    otherIds: [ID!]!
    "What it changed, before the write (null for something new)."
    before: JSON
    "What it changed, after the write (null for something deleted)."
    after: JSON
  }

  type Query {
    "The changes of a node, relationship, view or document, newest first (at most ${HISTORY_LIMIT_MAX})."
    history(id: ID!, limit: Int = 100): [ChangeEvent!]!
  }
`;

export const historyModule = graphQLModule(typeDefs, {
  Query: {
    history: (_, args, ctx) => history(ctx.db, args.id, args.limit),
  },
});
