// The history of every change: one (:ChangeEvent) node per write, created in the write's own transaction, so a
// write without its event cannot commit and an event without its write cannot exist. An event names what it
// changed (`targetId`: a node, a relationship, a view or a document; a merge names both nodes, the second in
// `otherIds`), who (the token's name, or local), when, the action, and the target before and after as JSON.
// Events are not :Entity nodes, so no neighbourhood, count, search or path sees them; backups carry them (they
// have an `id`). Read with `history(id)`, newest first. The id is made before the transaction (or from the
// write's Idempotency-Key) and the event MERGEd on it, so a transaction the driver retries writes no second event.
// Writing an event is core/db/history.ts (the seed loader writes them too); reading them is here.
export {
  CHANGE_ACTIONS,
  ensureHistorySchema,
  newChangeId,
  recordChange,
  type ChangeAction,
  type ChangeRecord,
} from '../../../core/db/history.ts';
import { cypher, int, type Db, type Tx } from '../../../core/db/database.ts';
import type { ChangeAction } from '../../../core/db/history.ts';
import { checkInt, checkTargetId } from '../graph/validate.ts';
import { graphQLModule } from '../graphql/module.ts';

export const HISTORY_LIMIT_MAX = 1000;

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
