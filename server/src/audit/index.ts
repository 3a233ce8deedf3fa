// The audit log: one (:AuditEntry) node per write, created in the same transaction as the write itself, so a write
// without its entry cannot commit and an entry without its write cannot exist. Entries are ordinary nodes with an
// `id`, so backups carry them and restarts keep them. Readable through `auditLog` (editors, when tokens are on).
import { randomUUID } from 'node:crypto';
import { requireRole } from '../access/index.ts';
import { cypher, int, schemaOnce, type Db, type Tx } from '../../../core/db/database.ts';
import { checkId, checkInt } from '../graph/validate.ts';
import { graphQLModule } from '../graphql/module.ts';

export const AUDIT_ACTIONS = ['SAVE_VIEW', 'UPDATE_VIEW', 'DELETE_VIEW'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const AUDIT_LIMIT_MAX = 1000;

/** One entry as `auditLog` returns it. */
export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  action: AuditAction;
  viewId: string;
  version: number | null;
  viewName: string | null;
}

/** What a write records; `id` is made before the transaction (see newAuditId). */
export interface AuditRecord {
  id: string;
  actor: string;
  action: AuditAction;
  viewId: string;
  version: number | null;
  viewName: string | null;
  /** A digest of the request, kept when it came with an Idempotency-Key (see server/src/views). */
  requestHash?: string | null;
}

const SCHEMA = [
  cypher(
    'auditConstraintId',
    'CREATE CONSTRAINT audit_entry_id_unique IF NOT EXISTS FOR (a:AuditEntry) REQUIRE a.id IS UNIQUE',
  ),
  cypher('auditIndexAt', 'CREATE INDEX audit_entry_at IF NOT EXISTS FOR (a:AuditEntry) ON (a.at)'),
];

// MERGE on the id: a transaction the driver retries after a commit it did not hear about writes no second entry.
const RECORD = cypher(
  'auditRecord',
  `MERGE (a:AuditEntry {id: $id})
   ON CREATE SET a.at = datetime.transaction(), a.actor = $actor, a.action = $action, a.viewId = $viewId,
     a.version = $version, a.viewName = $viewName, a.requestHash = $requestHash
   RETURN a.id AS id`,
);

const FIND = cypher('auditFind', 'MATCH (a:AuditEntry {id: $id}) RETURN a {.*} AS entry');

const LOG = cypher(
  'auditLog',
  `MATCH (a:AuditEntry)
   WHERE $viewId IS NULL OR a.viewId = $viewId
   WITH a ORDER BY a.at DESC, a.id DESC LIMIT $limit
   RETURN a {.*} AS entry`,
);

/** A fresh entry id (audit:<uuid>), made before the write's transaction so that retries reuse it. */
export const newAuditId = () => `audit:${randomUUID()}`;

/** Creates the audit log's constraint and index once per database handle (not inside a data transaction). */
export const ensureAuditSchema = schemaOnce(SCHEMA);

/** Writes the entry in the caller's transaction. */
export async function recordAudit(tx: Tx, entry: AuditRecord): Promise<void> {
  await tx.run(RECORD, {
    ...entry,
    version: entry.version === null ? null : int(entry.version),
    requestHash: entry.requestHash ?? null,
  });
}

/** True when the entry with this id was already committed: the write it records happened. */
export async function alreadyRecorded(tx: Tx, id: string): Promise<boolean> {
  return (await recorded(tx, id)) !== null;
}

/** The committed entry with this id (its request digest, null when none was kept), or null when there is none. */
export async function recorded(tx: Tx, id: string): Promise<{ requestHash: string | null } | null> {
  const [row] = await tx.run<{ entry: Record<string, unknown> }>(FIND, { id });
  if (!row) return null;
  return { requestHash: typeof row.entry.requestHash === 'string' ? row.entry.requestHash : null };
}

function toEntry(props: Record<string, unknown>): AuditEntry {
  return {
    id: String(props.id),
    at: typeof props.at === 'string' ? new Date(props.at).toISOString() : new Date(0).toISOString(),
    actor: String(props.actor),
    action: String(props.action) as AuditAction,
    viewId: String(props.viewId),
    version: typeof props.version === 'number' ? props.version : null,
    viewName: typeof props.viewName === 'string' ? props.viewName : null,
  };
}

/** The newest entries first, optionally for one view. */
export async function auditLog(db: Db, limit: number, viewId: string | null): Promise<AuditEntry[]> {
  checkInt(limit, 'limit', 1, AUDIT_LIMIT_MAX);
  if (viewId !== null) checkId(viewId);
  const rows = await db.read<{ entry: Record<string, unknown> }>(LOG, { limit: int(limit), viewId });
  return rows.map((r) => toEntry(r.entry));
}

const typeDefs = /* GraphQL */ `
  enum AuditAction {
    SAVE_VIEW
    UPDATE_VIEW
    DELETE_VIEW
  }

  "One write, as the audit log keeps it (written in the same transaction as the write)."
  type AuditEntry {
    id: ID!
    "When the write committed."
    at: DateTime!
    "Who: the API token's name, or local on a server without tokens (reachable from its own machine only)."
    actor: String!
    action: AuditAction!
    viewId: ID!
    "The view's version after the write (for a deletion, the version deleted)."
    version: Int
    "The view's name after the write (for a deletion, the name it had)."
    viewName: String
  }

  type Query {
    "Every write, newest first (at most ${AUDIT_LIMIT_MAX}); viewId narrows it to one view. Editors only, when tokens are on."
    auditLog(limit: Int = 100, viewId: ID): [AuditEntry!]!
  }
`;

export const auditModule = graphQLModule(typeDefs, {
  Query: {
    auditLog: (_, args, ctx) => {
      requireRole(ctx.access, 'editor', 'Reading the audit log');
      return auditLog(ctx.db, args.limit, args.viewId ?? null);
    },
  },
});
