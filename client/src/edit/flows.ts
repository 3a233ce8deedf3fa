// The edit workflows: add a relationship or a node, correct a property, retract, merge and undo the merge. Each
// says what it is doing, then closes its form and leaves a notice, or says why it failed with the way on (sign
// in, try again; a correction in conflict: reload or reapply). Each write carries an Idempotency-Key, and "Try
// again" sends the same write with the same key. Plain async functions over their dependencies, tested without a
// browser.
import { ApiError, newIdempotencyKey } from '../api/client.ts';
import type { api } from '../api/operations.ts';
import type { GraphEdge, GraphNode } from '../api/types.ts';
import { reduce } from '../explorer/reduce.ts';
import type { Action, ExplorerState } from '../explorer/state.ts';
import type { CitationInput, EdgeInput, NodeInput } from '../generated/graphql.ts';
import type { Store } from '../shared/store.ts';
import {
  closed,
  isConflict,
  statusSet,
  targetReloaded,
  writeFailed,
  written,
  type EditState,
  type EditStatus,
  type UndoMerge,
} from './edit.ts';
import { versionOf } from './model.ts';

export interface EditDeps {
  api: Pick<
    typeof api,
    'addNode' | 'addEdge' | 'updateNode' | 'retract' | 'mergeNodes' | 'unmerge' | 'mergeEvents' | 'node'
  >;
  state: Store<EditState>;
  explorer: Store<ExplorerState>;
  /** Loads the canvas again (after a merge or its undo); resolves when the graph is in. */
  reloadGraph: () => Promise<void>;
  /** Brings a node onto the canvas (with its links to what is drawn) and selects it. */
  show: (node: GraphNode) => Promise<void>;
}

const dispatch = (d: EditDeps, action: Action) => d.explorer.set((s) => reduce(s, action));
const status = (d: EditDeps, s: EditStatus) => d.state.set((x) => statusSet(x, s));
const nameOf = (d: EditDeps, id: string) => d.explorer.get().graph.nodes[id]?.label ?? id;

/** Adds a relationship; it is drawn (its other end brought in when missing) and selected. */
export async function addEdge(d: EditDeps, input: EdgeInput, key = newIdempotencyKey()): Promise<void> {
  status(d, { type: 'busy', what: 'Adding the relationship…' });
  try {
    const edge = await d.api.addEdge(input, key);
    const graph = d.explorer.get().graph;
    const missing = [edge.source, edge.target].filter((id) => !graph.nodes[id]);
    const nodes = (await Promise.all(missing.map((id) => d.api.node(id)))).filter(
      (n): n is GraphNode => n !== null,
    );
    // Both ends shown (their kinds too: `focus`), then the new relationship selected.
    const focus = missing[0] ?? (graph.nodes[edge.target] ? edge.target : edge.source);
    dispatch(d, { type: 'nodeAdded', nodes, edges: [edge], focus });
    dispatch(d, { type: 'selected', selection: { type: 'edge', id: edge.id } });
    d.state.set((s) =>
      written(s, {
        message: `Added ${nameOf(d, edge.source)} ${edge.type} ${nameOf(d, edge.target)}.`,
        undo: null,
      }),
    );
  } catch (e) {
    status(
      d,
      writeFailed(e, () => void addEdge(d, input, key)),
    );
  }
}

/** Adds a node; it is drawn and selected. */
export async function addNode(d: EditDeps, input: NodeInput, key = newIdempotencyKey()): Promise<void> {
  status(d, { type: 'busy', what: 'Adding the node…' });
  try {
    const node = await d.api.addNode(input, key);
    dispatch(d, { type: 'nodeAdded', nodes: [node], edges: [], focus: node.id });
    d.state.set((s) => written(s, { message: `Added “${node.label}”.`, undo: null }));
  } catch (e) {
    status(
      d,
      writeFailed(e, () => void addNode(d, input, key)),
    );
  }
}

/** A correction: the properties to set (null removes one) and what it cites. */
export interface Correction {
  properties: Record<string, unknown>;
  citations: CitationInput[];
}

/**
 * Corrects a node from the version the explorer holds. A stale version (someone edited it meanwhile) offers to
 * load the node again (the form keeps its entries) or to send the correction again over the current version.
 */
export async function correct(
  d: EditDeps,
  node: GraphNode,
  change: Correction,
  expectedVersion = versionOf(node),
  key = newIdempotencyKey(),
): Promise<void> {
  status(d, { type: 'busy', what: 'Saving the correction…' });
  try {
    const updated = await d.api.updateNode({ id: node.id, expectedVersion, ...change }, key);
    dispatch(d, { type: 'nodeAdded', nodes: [updated], edges: [] });
    const what = Object.keys(change.properties).join(', ');
    d.state.set((s) =>
      written(s, {
        message: `Corrected ${what} of “${updated.label}” (version ${versionOf(updated)}).`,
        undo: null,
      }),
    );
  } catch (e) {
    if (isConflict(e)) {
      status(d, {
        type: 'conflict',
        message: `Someone else changed “${node.label}” after it was loaded: your correction is not saved yet.`,
        reload: () => void reloadNode(d, node.id),
        reapply: () => void reapply(d, node.id, change),
      });
    } else
      status(
        d,
        writeFailed(e, () => void correct(d, node, change, expectedVersion, key)),
      );
  }
}

/** The node as it is now: on the canvas and in the open form (its entries kept). */
async function fresh(d: EditDeps, id: string): Promise<GraphNode> {
  const node = await d.api.node(id);
  if (!node) throw new ApiError('The node is no longer in the graph.', 'NOT_FOUND');
  dispatch(d, { type: 'nodeAdded', nodes: [node], edges: [] });
  d.state.set((s) => targetReloaded(s, node));
  return node;
}

/** "Reload": the node again, its current values shown; the analyst decides whether to send the correction. */
export async function reloadNode(d: EditDeps, id: string): Promise<void> {
  status(d, { type: 'busy', what: 'Loading the node again…' });
  try {
    const node = await fresh(d, id);
    status(d, {
      type: 'info',
      message: `Loaded again (version ${versionOf(node)}): check its values, then save your correction or cancel.`,
    });
  } catch (e) {
    status(
      d,
      writeFailed(e, () => void reloadNode(d, id)),
    );
  }
}

/** "Reapply": the same correction, sent over the node's current version. */
export async function reapply(d: EditDeps, id: string, change: Correction): Promise<void> {
  status(d, { type: 'busy', what: 'Applying the correction again…' });
  try {
    const node = await fresh(d, id);
    await correct(d, node, change, versionOf(node));
  } catch (e) {
    status(
      d,
      writeFailed(e, () => void reapply(d, id, change)),
    );
  }
}

/** Retracts a node or a relationship: it leaves the canvas (its history keeps it). */
export async function retract(
  d: EditDeps,
  item: GraphNode | GraphEdge,
  label: string,
  reason: string,
  key = newIdempotencyKey(),
): Promise<void> {
  status(d, { type: 'busy', what: 'Retracting…' });
  try {
    await d.api.retract(item.id, reason, key);
    dispatch(d, { type: 'retracted', ids: [item.id] });
    d.state.set((s) =>
      written(s, { message: `Retracted ${label}. Its history keeps it, with your reason.`, undo: null }),
    );
  } catch (e) {
    status(
      d,
      writeFailed(e, () => void retract(d, item, label, reason, key)),
    );
  }
}

/** Merges `merged` into `kept`; the canvas loads again with the kept node selected, and the merge can be undone. */
export async function merge(
  d: EditDeps,
  kept: GraphNode,
  merged: GraphNode,
  key = newIdempotencyKey(),
): Promise<void> {
  status(d, { type: 'busy', what: 'Merging…' });
  try {
    const node = await d.api.mergeNodes(kept.id, merged.id, key);
    await d.reloadGraph();
    await d.show(node);
    d.state.set((s) =>
      written(s, {
        message: `Merged “${merged.label}” into “${node.label}”.`,
        undo: { keptId: node.id, keptLabel: node.label, mergedLabel: merged.label },
      }),
    );
  } catch (e) {
    status(
      d,
      writeFailed(e, () => void merge(d, kept, merged, key)),
    );
  }
}

/** The id of the newest merge into `keptId` (its history, newest first), or null. */
export function newestMerge(events: readonly { id: string; action: string }[]): string | null {
  return events.find((e) => e.action === 'MERGE_NODES')?.id ?? null;
}

/** Undoes a merge: both nodes come back, every claim where it was; the canvas loads again. */
export async function undoMerge(d: EditDeps, undo: UndoMerge, key = newIdempotencyKey()): Promise<void> {
  status(d, { type: 'busy', what: 'Undoing the merge…' });
  try {
    const eventId = newestMerge(await d.api.mergeEvents(undo.keptId));
    if (!eventId) throw new ApiError(`No merge into “${undo.keptLabel}” is recorded.`, 'NOT_FOUND');
    const nodes = await d.api.unmerge(eventId, key);
    await d.reloadGraph();
    const kept = await d.api.node(undo.keptId);
    if (kept) await d.show(kept);
    d.state.set((s) =>
      written(s, {
        message: `Merge undone: ${nodes.map((n) => `“${n.label}”`).join(' and ')} are both back.`,
        undo: null,
      }),
    );
  } catch (e) {
    status(
      d,
      writeFailed(e, () => void undoMerge(d, undo, key)),
    );
  }
}

/** Opens a form, closing the last one. */
export const close = (d: Pick<EditDeps, 'state'>) => d.state.set(closed);
