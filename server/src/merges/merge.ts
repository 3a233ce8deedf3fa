// mergeNodes: two nodes of the same kind judged to be one entity become the kept one. In ONE write transaction,
// after the backup's write gate and with both nodes' write locks: every relationship of the merged node moves to
// the kept one (same type, direction, other end and properties; one the kept node already has, a CITES of the same
// source or an INCLUDES of the same view, is dropped rather than doubled; one between the two nodes is dropped, as
// it would join the node to itself); the merged node's names and aliases join the kept node's aliases; its
// per-document records move to the kept node (merged into the kept node's record of the same document), each
// taking its own name as an alias, so that deriving the entity again (graph-seed/src/documents.ts) keeps the
// spellings and removing a document takes its account away as for any entity; its documents join the kept node's
// `documents`; saved views' stored ids name the kept node; the judgement SAME is recorded for the pair; the graph
// version is bumped; the merged node is deleted; and one MERGE_NODES event keeps everything unmerge needs.
import { createHash } from 'node:crypto';
import { int, type Db, type Tx } from '../../../core/db/database.ts';
import { bumpGraphVersion } from '../../../core/db/graph-version.ts';
import { AppError, badInput } from '../../../core/errors.ts';
import { KIND_LABELS, SHARED_KINDS, type NodeKind } from '../../../core/model/index.ts';
import { ensureWriteGate, enterWriteGate } from '../backup/pause.ts';
import { loadNodes } from '../graph/cypher.ts';
import type { GraphNode } from '../graph/model.ts';
import { checkId } from '../graph/validate.ts';
import { changeEvent, ensureHistorySchema, newChangeId, recordChange } from '../history/index.ts';
import {
  DELETE_JUDGEMENTS,
  DELETE_NODE,
  DELETE_RECORDS,
  DELETE_RELATIONSHIPS,
  JUDGEMENTS,
  JUDGE_SAME,
  LOCK_NODES,
  MOVE_RELATIONSHIPS,
  NODE_RELATIONSHIPS,
  RECORDS,
  UPDATE_NODE,
  UPDATE_RECORDS,
  VIEWS_NAMING,
  WRITE_VIEWS,
} from './queries.ts';
import {
  aliasesOf,
  distinct,
  mergedAliases,
  namesOf,
  renameIds,
  renameInJson,
  toStored,
  unrestorable,
  type Stored,
  type StoredRow,
} from './stored.ts';

/** Kinds that can be merged: things in the world (actors, meetings, agreements), not claims, not sources. */
export const MERGEABLE_KINDS: readonly NodeKind[] = SHARED_KINDS.filter((k) => k !== 'SOURCE');

/** The relationship types a node has at most one of to the same other end: a second is dropped, not doubled. */
export const SINGLE_TYPES: ReadonlySet<string> = new Set(['CITES', 'INCLUDES']);

/** A relationship of the merged node as the merge's event keeps it. */
export interface KeptRelationship {
  type: string;
  /** True when it goes out of the merged node. */
  out: boolean;
  otherId: string;
  otherLabel: 'Entity' | 'SavedView';
  props: Record<string, unknown>;
  types: Record<string, string>;
  /** moved: now on the kept node; duplicate: the kept node had the same one; between: it joined the two nodes. */
  outcome: 'moved' | 'duplicate' | 'between';
}

/** A record as the event keeps it. */
export interface KeptRecord extends Stored {
  entityId: string;
  document: string;
}

/** A saved view's stored ids. */
export interface ViewIds {
  id: string;
  nodeIds: string[];
  layout: string | null;
  filter: string | null;
}

/** A node as the event keeps it. */
export interface KeptNode extends Stored {
  id: string;
  labels: string[];
}

/** The MERGE_NODES event's `before`: everything unmerge writes back. */
export interface MergeBefore {
  keep: KeptNode;
  merge: KeptNode;
  relationships: KeptRelationship[];
  /** The kept node's records the merge changed, and the merged node's records (all moved or merged). */
  records: { keep: KeptRecord[]; merge: KeptRecord[] };
  views: ViewIds[];
  /** The pair's judgements before (either way round). */
  judgements: Stored[];
}

/** The MERGE_NODES event's `after`: what unmerge checks is still so. */
export interface MergeAfter {
  keep: KeptNode;
  /** The kept node's records of the documents involved. */
  records: KeptRecord[];
  views: ViewIds[];
  judgement: Stored;
}

interface LockedRow {
  id: string;
  kind: string;
  labels: string[];
  stored: StoredRow;
}
interface RelationshipRow {
  rid: string;
  type: string;
  out: boolean;
  otherId: string | null;
  otherLabel: 'Entity' | 'SavedView' | null;
  stored: StoredRow;
}
interface RecordRow {
  entityId: string;
  document: string;
  stored: StoredRow;
}

/** A kind's name for messages: "an actor". */
const kindName = (kind: string) => {
  const label = KIND_LABELS[kind as NodeKind]?.toLowerCase() ?? kind.toLowerCase();
  return `${/^[aeiou]/.test(label) ? 'an' : 'a'} ${label}`;
};

/** A write of this request: its event id, or the same one each time the request is sent with its Idempotency-Key. */
export function changeIdFor(scope: string | undefined): string {
  if (!scope) return newChangeId();
  const h = createHash('sha256').update(scope).digest('hex');
  return `change:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Locks and reads both nodes: NOT_FOUND for a missing one, BAD_USER_INPUT unless both are of one mergeable kind. */
async function lockPair(
  tx: Tx,
  keepId: string,
  mergeId: string,
): Promise<{ keep: LockedRow; merge: LockedRow }> {
  const rows = await tx.run<LockedRow>(LOCK_NODES, { ids: [keepId, mergeId].sort() });
  const keep = rows.find((r) => r.id === keepId);
  const merge = rows.find((r) => r.id === mergeId);
  const missing = [!keep && `keepId ${keepId}`, !merge && `mergeId ${mergeId}`].filter(Boolean);
  if (!keep || !merge) {
    throw new AppError(
      'NOT_FOUND',
      `No node has the id given as ${missing.join(' or as ')}: nothing was merged.`,
    );
  }
  if (keep.kind !== merge.kind) {
    throw badInput(
      `Only nodes of the same kind can be merged: ${keepId} is ${kindName(keep.kind)}, ${mergeId} is ${kindName(merge.kind)}.`,
      { argument: 'mergeId' },
    );
  }
  if (!(MERGEABLE_KINDS as readonly string[]).includes(keep.kind)) {
    throw badInput(
      `${keepId} and ${mergeId} are ${kindName(keep.kind)}s: only actors, meetings and agreements can be merged ` +
        '(statements and figures are one document’s claims; sources are named by id in the claims that cite them).',
      { argument: 'keepId' },
    );
  }
  return { keep, merge };
}

const keptNode = (row: LockedRow): KeptNode => ({
  id: row.id,
  labels: [...row.labels].sort(),
  ...toStored(row.stored),
});
const keptRecord = (row: RecordRow): KeptRecord => ({
  entityId: row.entityId,
  document: row.document,
  ...toStored(row.stored),
});

/** Refuses (before anything is written) a merge that could not be undone exactly. */
function checkRestorable(what: string, s: Stored): void {
  const keys = unrestorable(s);
  if (keys.length > 0) {
    throw badInput(
      `${what} has properties whose type a merge could not restore exactly (${keys
        .map((k) => `${k}: ${s.types[k]}`)
        .join(', ')}): nothing was merged.`,
    );
  }
}

const viewIds = (row: ViewIds): ViewIds => ({
  id: row.id,
  nodeIds: row.nodeIds ?? [],
  layout: row.layout ?? null,
  filter: row.filter ?? null,
});

/**
 * Merges node `mergeId` into node `keepId` as `by` (see the top of this file) and returns the kept node. The
 * event id `changeId` is made before the transaction, so a transaction the driver retries after it committed
 * finds its event and writes nothing again.
 */
export async function mergeNodes(
  db: Db,
  rawKeepId: unknown,
  rawMergeId: unknown,
  by: string,
  changeId: string = newChangeId(),
): Promise<GraphNode> {
  const keepId = checkId(rawKeepId, 'keepId');
  const mergeId = checkId(rawMergeId, 'mergeId');
  if (keepId === mergeId) {
    throw badInput(`keepId and mergeId are the same node (${keepId}): a node cannot be merged with itself.`, {
      argument: 'mergeId',
    });
  }
  await Promise.all([ensureWriteGate(db), ensureHistorySchema(db)]);
  return db.writeTransaction(async (tx) => {
    await enterWriteGate(tx);
    const replayed = async () => {
      const prior = await changeEvent(tx, changeId);
      if (!prior) return null;
      if (prior.action !== 'MERGE_NODES' || prior.targetId !== keepId || prior.otherIds[0] !== mergeId) {
        throw badInput(
          'This Idempotency-Key was already used for a different request: send a new key with each new write.',
        );
      }
      const [node] = await loadNodes(tx, [keepId]);
      if (!node)
        throw new AppError('NOT_FOUND', `The node this request kept (${keepId}) has been deleted since.`);
      return node;
    };
    const before = await replayed();
    if (before) return before;
    const locked = await lockPair(tx, keepId, mergeId);
    // The same request sent at the same time: the other copy committed while this one waited for the locks.
    const after = await replayed();
    if (after) return after;
    const keep = keptNode(locked.keep);
    const merge = keptNode(locked.merge);
    checkRestorable(mergeId, merge);
    checkRestorable(keepId, keep);

    // Relationships: moved, or dropped as a duplicate of the kept node's or as joining the two nodes.
    const ofMerge = await tx.run<RelationshipRow>(NODE_RELATIONSHIPS, { id: mergeId });
    const ofKeep = await tx.run<RelationshipRow>(NODE_RELATIONSHIPS, { id: keepId });
    const single = new Set(
      ofKeep.filter((r) => SINGLE_TYPES.has(r.type)).map((r) => `${r.type} ${r.out} ${r.otherId}`),
    );
    const relationships: KeptRelationship[] = [];
    const moves: Array<{ rid: string; out: boolean }> = [];
    const drops: string[] = [];
    for (const r of ofMerge) {
      if (r.otherId === null || r.otherLabel === null) {
        throw badInput(
          `${mergeId} has a ${r.type} relationship to a node without an id: nothing was merged.`,
        );
      }
      const stored = toStored(r.stored);
      checkRestorable(`A ${r.type} relationship of ${mergeId}`, stored);
      const between = r.otherId === keepId || r.otherId === mergeId;
      const duplicate = !between && single.has(`${r.type} ${r.out} ${r.otherId}`);
      const outcome = between ? 'between' : duplicate ? 'duplicate' : 'moved';
      relationships.push({
        type: r.type,
        out: r.out,
        otherId: r.otherId,
        otherLabel: r.otherLabel,
        ...stored,
        outcome,
      });
      if (outcome === 'moved') moves.push({ rid: r.rid, out: r.out });
      else drops.push(r.rid);
    }
    await tx.run(DELETE_RELATIONSHIPS, { rids: [...new Set(drops)] });
    await tx.run(MOVE_RELATIONSHIPS, { keepId, moves });

    // Records: each of the merged node's moves to the kept node, or joins its record of the same document.
    const recordRows = (await tx.run<RecordRow>(RECORDS, { ids: [keepId, mergeId] })).map(keptRecord);
    const keepRecords = new Map(
      recordRows.filter((r) => r.entityId === keepId).map((r) => [r.document, r] as const),
    );
    const mergeRecords = recordRows.filter((r) => r.entityId === mergeId);
    for (const r of mergeRecords) checkRestorable(`The record of ${mergeId} by ${r.document}`, r);
    const changedKeepRecords: KeptRecord[] = [];
    const updates: Array<{ entityId: string; document: string; set: Record<string, unknown> }> = [];
    const deletes: Array<{ entityId: string; document: string }> = [];
    for (const r of mergeRecords) {
      const into = keepRecords.get(r.document);
      if (into) {
        checkRestorable(`The record of ${keepId} by ${r.document}`, into);
        changedKeepRecords.push(into);
        const sources = (p: Record<string, unknown>) =>
          Array.isArray(p.sources) ? (p.sources as string[]) : [];
        const joined = mergedAliases(into.props, r.props);
        updates.push({
          entityId: keepId,
          document: r.document,
          set: {
            aliases: joined.length > 0 ? joined : null,
            sources: distinct([...sources(into.props), ...sources(r.props)]),
          },
        });
        deletes.push({ entityId: mergeId, document: r.document });
      } else {
        const aliases = distinct([...aliasesOf(r.props), ...namesOf(r.props)]);
        updates.push({
          entityId: mergeId,
          document: r.document,
          set: {
            entityId: keepId,
            id: `record:${r.document}:${keepId}`,
            aliases: aliases.length > 0 ? aliases : null,
          },
        });
      }
    }
    await tx.run(DELETE_RECORDS, { rows: deletes });
    await tx.run(UPDATE_RECORDS, { rows: updates });

    // The kept node: the merged node's names as aliases, its documents, its next version.
    const aliases = mergedAliases(keep.props, merge.props);
    const documents = (p: Record<string, unknown>) =>
      Array.isArray(p.documents) ? (p.documents as string[]) : null;
    // Its version moves on as with any edit (server/src/edits), so that an update read before the merge is stale.
    const version = typeof keep.props.version === 'number' ? keep.props.version : 1;
    const set: Record<string, unknown> = {
      aliases: aliases.length > 0 ? aliases : null,
      version: int(version + 1),
    };
    const keepDocuments = documents(keep.props);
    const mergeDocuments = documents(merge.props);
    if (keepDocuments || mergeDocuments) {
      set.documents = distinct([...(keepDocuments ?? []), ...(mergeDocuments ?? [])]);
    }
    await tx.run(UPDATE_NODE, { id: keepId, set });

    // Saved views: their stored ids name the kept node.
    const namingViews = (
      await tx.run<ViewIds>(VIEWS_NAMING, { id: mergeId, quoted: JSON.stringify(mergeId) })
    ).map(viewIds);
    const renamed = namingViews.map((v) => ({
      id: v.id,
      nodeIds: renameIds(v.nodeIds, mergeId, keepId),
      layout: renameInJson(v.layout, mergeId, keepId),
      filter: renameInJson(v.filter, mergeId, keepId),
    }));
    await tx.run(WRITE_VIEWS, { views: renamed });

    // The judgement: SAME, replacing what was said of the pair before (kept in the event).
    const judged = await tx.run<{ eid: string; stored: StoredRow }>(JUDGEMENTS, { a: mergeId, b: keepId });
    const judgements = judged.map((j) => toStored(j.stored));
    judgements.forEach((j) => checkRestorable('A judgement of the pair', j));
    await tx.run(DELETE_JUDGEMENTS, { eids: judged.map((j) => j.eid) });
    await tx.run(JUDGE_SAME, { a: mergeId, b: keepId, by });

    await tx.run(DELETE_NODE, { id: mergeId });
    await bumpGraphVersion(tx);

    // What the merge left, read back, for unmerge to check.
    const [keptAfter] = await tx.run<LockedRow>(LOCK_NODES, { ids: [keepId] });
    const documentsInvolved = new Set(mergeRecords.map((r) => r.document));
    const recordsAfter = (await tx.run<RecordRow>(RECORDS, { ids: [keepId] }))
      .map(keptRecord)
      .filter((r) => documentsInvolved.has(r.document));
    const [judgement] = await tx.run<{ eid: string; stored: StoredRow }>(JUDGEMENTS, {
      a: mergeId,
      b: keepId,
    });
    const beforeEvent: MergeBefore = {
      keep,
      merge,
      relationships,
      records: { keep: changedKeepRecords, merge: mergeRecords },
      views: namingViews,
      judgements,
    };
    const afterEvent: MergeAfter = {
      keep: keptNode(keptAfter!),
      records: recordsAfter,
      views: renamed,
      judgement: toStored(judgement!.stored),
    };
    await recordChange(tx, {
      id: changeId,
      by,
      action: 'MERGE_NODES',
      targetId: keepId,
      otherIds: [mergeId],
      before: beforeEvent,
      after: afterEvent,
    });
    const [node] = await loadNodes(tx, [keepId]);
    return node!;
  });
}
