// Writing the history's events (server/src/history reads them): one (:ChangeEvent) per write, in the write's own
// transaction. Here, on the lowest floor, because the seed loader records its document loads and removals too.
import { randomUUID } from 'node:crypto';
import { cypher, int, schemaOnce, type Tx } from './database.ts';

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

export const HISTORY_SCHEMA = [
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

/** A fresh event id (change:<uuid>). */
export const newChangeId = () => `change:${randomUUID()}`;

/** Creates the history's constraint and index once per database handle (not inside a data transaction). */
export const ensureHistorySchema = schemaOnce(HISTORY_SCHEMA);

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
