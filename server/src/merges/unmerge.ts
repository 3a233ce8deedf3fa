// unmerge: takes a merge back exactly, from what its MERGE_NODES event kept. In ONE write transaction, after the
// write gate and with the kept node's write lock: the merged node comes back with its labels and properties, the
// relationships the merge moved go back to it (found on the kept node by type, direction, other end and
// properties), those it dropped are made again, the records, saved views' ids and the pair's judgements are written
// back as they were, and the kept node takes its properties from before. CONFLICT, with nothing changed, when that
// would not be exact: the merge was undone already, the kept node is gone or changed since, a moved relationship or
// a record changed or went (its document reloaded or removed), a saved view's ids changed, or the merged node's id
// is taken again. A saved view deleted since is left deleted.
import type { Db, Tx } from '../../../core/db/database.ts';
import { bumpGraphVersion } from '../../../core/db/graph-version.ts';
import { AppError, badInput } from '../../../core/errors.ts';
import { ensureWriteGate, enterWriteGate } from '../backup/pause.ts';
import { loadNodes } from '../graph/cypher.ts';
import type { GraphNode } from '../graph/model.ts';
import { checkId } from '../graph/validate.ts';
import { changeEvent, ensureHistorySchema, newChangeId, recordChange } from '../history/index.ts';
import type { KeptNode, KeptRecord, KeptRelationship, MergeAfter, MergeBefore, ViewIds } from './merge.ts';
import {
  DELETE_JUDGEMENTS,
  DELETE_RECORDS,
  DELETE_RELATIONSHIPS,
  ENDS,
  JUDGEMENTS,
  LOCK_NODES,
  NODE_RELATIONSHIPS,
  RECORDS,
  RESTORE_JUDGEMENTS,
  RESTORE_NODE,
  RESTORE_RECORDS,
  RESTORE_RELATIONSHIPS,
  UNMERGES_OF,
  VIEWS_BY_ID,
  WRITE_VIEWS,
} from './queries.ts';
import { canonical, differingKeys, storedParam, toStored, type Stored, type StoredRow } from './stored.ts';

const conflict = (message: string) => new AppError('CONFLICT', message);

/** How a relationship is recognised on the kept node: type, direction, other end and properties. */
const relationshipKey = (type: string, out: boolean, otherId: string, s: Stored) =>
  `${type}\n${out}\n${otherId}\n${canonical(s)}`;

const describe = (r: KeptRelationship, keepId: string) =>
  `${typeof r.props.id === 'string' ? `${r.props.id}, ` : ''}${r.out ? `${keepId} ${r.type} ${r.otherId}` : `${r.otherId} ${r.type} ${keepId}`}`;

const listed = (items: string[]) =>
  items.length > 5 ? `${items.slice(0, 5).join('; ')} and ${items.length - 5} more` : items.join('; ');

const parse = (v: unknown): Record<string, unknown> | null => {
  if (typeof v !== 'string') return null;
  try {
    return JSON.parse(v) as Record<string, unknown>;
  } catch {
    return null;
  }
};

const sameView = (a: ViewIds, b: ViewIds) =>
  JSON.stringify([a.nodeIds ?? [], a.layout ?? null, a.filter ?? null]) ===
  JSON.stringify([b.nodeIds ?? [], b.layout ?? null, b.filter ?? null]);

const recordParam = (r: KeptRecord) => ({
  entityId: r.entityId,
  document: r.document,
  props: storedParam(r),
});

interface LockedRow {
  id: string;
  labels: string[];
  stored: StoredRow;
}

/**
 * Undoes merge event `eventId` as `by` (see the top of this file) and returns the kept and the merged node.
 * NOT_FOUND for an unknown event, BAD_USER_INPUT for an event that is not a merge, CONFLICT as above.
 */
export async function unmerge(
  db: Db,
  rawEventId: unknown,
  by: string,
  changeId: string = newChangeId(),
): Promise<GraphNode[]> {
  const eventId = checkId(rawEventId, 'eventId');
  await Promise.all([ensureWriteGate(db), ensureHistorySchema(db)]);
  return db.writeTransaction(async (tx) => {
    await enterWriteGate(tx);
    const event = await changeEvent(tx, eventId);
    if (!event) throw new AppError('NOT_FOUND', `No change event has the id ${eventId}: nothing was undone.`);
    if (event.action !== 'MERGE_NODES') {
      throw badInput(
        `The event ${eventId} is ${event.action}, not a merge (MERGE_NODES): only a merge can be undone with unmerge.`,
        { argument: 'eventId' },
      );
    }
    const before = event.before as MergeBefore;
    const after = event.after as MergeAfter;
    const keepId = event.targetId;
    const mergeId = event.otherIds[0]!;

    const replayed = async () => {
      const prior = await changeEvent(tx, changeId);
      if (!prior) return null;
      if (prior.action !== 'UNMERGE' || (prior.before as { eventId?: string } | null)?.eventId !== eventId) {
        throw badInput(
          'This Idempotency-Key was already used for a different request: send a new key with each new write.',
        );
      }
      return loadNodes(tx, [keepId, mergeId]);
    };
    const done = await replayed();
    if (done) return done;
    const locked = await tx.run<LockedRow>(LOCK_NODES, { ids: [keepId, mergeId].sort() });
    // The same request sent at the same time: the other copy committed while this one waited for the lock.
    const doneMeanwhile = await replayed();
    if (doneMeanwhile) return doneMeanwhile;

    await checkNotUndone(tx, keepId, eventId);
    const keepRow = locked.find((r) => r.id === keepId);
    if (!keepRow) {
      throw conflict(`The kept node ${keepId} was deleted since the merge: the merge cannot be undone.`);
    }
    if (locked.some((r) => r.id === mergeId)) {
      throw conflict(
        `A node with the merged node's id ${mergeId} exists again: the merge cannot be undone without replacing it.`,
      );
    }
    const keepNow: KeptNode = { id: keepId, labels: [...keepRow.labels].sort(), ...toStored(keepRow.stored) };
    const changedKeys = differingKeys(keepNow, after.keep);
    if (changedKeys.length > 0 || keepNow.labels.join() !== after.keep.labels.join()) {
      throw conflict(
        `${keepId} changed since the merge (${changedKeys.length > 0 ? `properties ${changedKeys.join(', ')}` : 'labels'}): ` +
          'undoing the merge would lose that change. Undo that change first.',
      );
    }

    // Which views still exist: relationships to and ids of a view deleted since are left as they are (gone).
    const viewEnds = [
      ...new Set(before.relationships.filter((r) => r.otherLabel === 'SavedView').map((r) => r.otherId)),
    ];
    const entityEnds = [
      ...new Set(
        before.relationships
          .filter((r) => r.otherLabel === 'Entity' && r.otherId !== keepId && r.otherId !== mergeId)
          .map((r) => r.otherId),
      ),
    ];
    const ends = await tx.run<{ id: string; label: string; found: boolean }>(ENDS, {
      ends: [
        ...viewEnds.map((id) => ({ id, label: 'SavedView' })),
        ...entityEnds.map((id) => ({ id, label: 'Entity' })),
      ],
    });
    const gone = new Set(ends.filter((e) => !e.found).map((e) => `${e.label} ${e.id}`));
    const restorable = before.relationships.filter((r) => !gone.has(`SavedView ${r.otherId}`));

    // The relationships the merge moved, still on the kept node as it left them.
    const ofKeep = await tx.run<{
      rid: string;
      type: string;
      out: boolean;
      otherId: string | null;
      stored: StoredRow;
    }>(NODE_RELATIONSHIPS, { id: keepId });
    const available = new Map<string, string[]>();
    for (const r of ofKeep) {
      const key = relationshipKey(r.type, r.out, r.otherId ?? '', toStored(r.stored));
      available.set(key, [...(available.get(key) ?? []), r.rid]);
    }
    const moveBack: string[] = [];
    const missing: KeptRelationship[] = [];
    for (const r of restorable.filter((x) => x.outcome === 'moved')) {
      const rid = available.get(relationshipKey(r.type, r.out, r.otherId, r))?.shift();
      if (rid) moveBack.push(rid);
      else missing.push(r);
    }
    if (missing.length > 0) {
      throw conflict(
        `${missing.length} relationship(s) that the merge moved to ${keepId} were changed or deleted since ` +
          `(${listed(missing.map((r) => describe(r, keepId)))}): the merge cannot be undone exactly.`,
      );
    }
    const lostEnds = restorable.filter((r) => r.outcome !== 'moved' && gone.has(`Entity ${r.otherId}`));
    if (lostEnds.length > 0) {
      throw conflict(
        `Nodes that relationships of ${mergeId} joined were deleted since the merge ` +
          `(${listed([...new Set(lostEnds.map((r) => r.otherId))])}): the merge cannot be undone exactly.`,
      );
    }

    // The records, as the merge left them.
    const involved = new Set(before.records.merge.map((r) => r.document));
    const recordsNow = new Map(
      (await tx.run<{ entityId: string; document: string; stored: StoredRow }>(RECORDS, { ids: [keepId] }))
        .filter((r) => involved.has(r.document))
        .map((r) => [r.document, canonical(toStored(r.stored))] as const),
    );
    const recordsChanged = [...involved].filter((d) => {
      const left = after.records.find((r) => r.document === d);
      return !left || recordsNow.get(d) !== canonical(left);
    });
    if (recordsChanged.length > 0) {
      throw conflict(
        `The records of ${keepId} by ${recordsChanged.join(', ')} changed since the merge (a document reloaded or ` +
          'removed): the merge cannot be undone exactly.',
      );
    }

    // Saved views' ids, as the merge left them (a view deleted since stays deleted).
    const viewsNow = new Map(
      (await tx.run<ViewIds>(VIEWS_BY_ID, { ids: after.views.map((v) => v.id) })).map(
        (v) => [v.id, v] as const,
      ),
    );
    const viewsChanged = after.views.filter((v) => viewsNow.has(v.id) && !sameView(viewsNow.get(v.id)!, v));
    if (viewsChanged.length > 0) {
      throw conflict(
        `Saved views changed since the merge (${viewsChanged.map((v) => v.id).join(', ')}): undoing the merge ` +
          'would lose those changes.',
      );
    }

    // The judgement: written back when it is still the merge's; a later word on the pair stays.
    const judged = await tx.run<{ eid: string; stored: StoredRow }>(JUDGEMENTS, { a: mergeId, b: keepId });
    const judgementIsMerges =
      judged.length === 1 && canonical(toStored(judged[0]!.stored)) === canonical(after.judgement);

    // Everything checked: write it back.
    await tx.run(DELETE_RELATIONSHIPS, { rids: moveBack });
    await tx.run(RESTORE_NODE, {
      id: mergeId,
      labels: before.merge.labels,
      props: storedParam(before.merge),
    });
    await tx.run(RESTORE_NODE, { id: keepId, labels: before.keep.labels, props: storedParam(before.keep) });
    await tx.run(RESTORE_RELATIONSHIPS, {
      id: mergeId,
      rels: restorable.map((r) => ({
        type: r.type,
        out: r.out,
        otherId: r.otherId,
        otherLabel: r.otherLabel,
        props: storedParam(r),
      })),
    });
    const keptDocuments = new Set(before.records.keep.map((r) => r.document));
    await tx.run(DELETE_RECORDS, {
      rows: [...involved]
        .filter((d) => !keptDocuments.has(d))
        .map((document) => ({ entityId: keepId, document })),
    });
    await tx.run(RESTORE_RECORDS, {
      rows: [...before.records.keep, ...before.records.merge].map(recordParam),
    });
    await tx.run(WRITE_VIEWS, { views: before.views.filter((v) => viewsNow.has(v.id)) });
    if (judgementIsMerges) {
      await tx.run(DELETE_JUDGEMENTS, { eids: [judged[0]!.eid] });
      await tx.run(RESTORE_JUDGEMENTS, { rows: before.judgements.map((j) => ({ props: storedParam(j) })) });
    }
    await bumpGraphVersion(tx);
    await recordChange(tx, {
      id: changeId,
      by,
      action: 'UNMERGE',
      targetId: keepId,
      otherIds: [mergeId],
      before: { eventId, keep: keepNow },
      after: {
        eventId,
        keep: before.keep,
        merge: before.merge,
        relationships: restorable.length,
        records: involved.size,
        views: before.views.filter((v) => viewsNow.has(v.id)).map((v) => v.id),
      },
    });
    return loadNodes(tx, [keepId, mergeId]);
  });
}

/** CONFLICT when the merge was undone already. */
async function checkNotUndone(tx: Tx, keepId: string, eventId: string): Promise<void> {
  const rows = await tx.run<{ id: string; before: unknown }>(UNMERGES_OF, { id: keepId });
  const undone = rows.find((r) => parse(r.before)?.eventId === eventId);
  if (undone) {
    throw conflict(`The merge ${eventId} was undone already (event ${undone.id}): nothing was changed.`);
  }
}
