// The edit pane's actions, bound once to its store and the page (app/actions.ts mounts them as `actions.edit`).
import type { SignInReason } from '../access/access.ts';
import type { GraphEdge, GraphNode } from '../api/types.ts';
import type { EdgeInput, NodeInput } from '../generated/graphql.ts';
import { createStore } from '../shared/store.ts';
import { initialEdit, opened, type EditTarget, type UndoMerge } from './edit.ts';
import * as flows from './flows.ts';

export type EditPageDeps = Omit<flows.EditDeps, 'state'> & {
  askSignIn: (reason: SignInReason) => void;
};

/** The pane's store and what its buttons do. */
export function createEditActions(page: EditPageDeps) {
  const state = createStore(initialEdit);
  const d: flows.EditDeps = { ...page, state };
  return {
    store: state,
    open: (target: EditTarget) => state.set((s) => opened(s, target)),
    close: () => flows.close(d),
    dismiss: () => state.set((s) => ({ ...s, notice: null })),
    signIn: (forbidden: boolean) => page.askSignIn(forbidden ? 'forbidden' : 'save'),
    addEdge: (input: EdgeInput) => void flows.addEdge(d, input),
    addNode: (input: NodeInput) => void flows.addNode(d, input),
    correct: (node: GraphNode, change: flows.Correction) => void flows.correct(d, node, change),
    retract: (item: GraphNode | GraphEdge, label: string, reason: string) =>
      void flows.retract(d, item, label, reason),
    merge: (kept: GraphNode, merged: GraphNode) => void flows.merge(d, kept, merged),
    undoMerge: (undo: UndoMerge) => void flows.undoMerge(d, undo),
    /** The full node (sources, aliases, documents) for a form: the merge's other side, the relationship's end. */
    node: (id: string) => page.api.node(id),
  };
}

export type EditActions = ReturnType<typeof createEditActions>;
