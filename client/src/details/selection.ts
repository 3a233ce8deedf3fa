// Selection and hover: which node or relationship the details panel shows, and which one the pointer is over.
import { selectionStillValid, type ExplorerState, type Selection } from '../explorer/state.ts';

/** Selects a node or relationship (or nothing); the search emphasis stays only on the node it was for. */
export function select(state: ExplorerState, wanted: Selection): ExplorerState {
  const selection = selectionStillValid(wanted, state.graph);
  const keepFocus = selection.type === 'node' && state.focus?.id === selection.id;
  return { ...state, selection, focus: keepFocus ? state.focus : null };
}

/** The node under the pointer, or null. */
export function hover(state: ExplorerState, id: string | null): ExplorerState {
  return state.hover === id ? state : { ...state, hover: id };
}
