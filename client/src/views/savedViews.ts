// The saved views the page knows: the list (for the panel and the details' "in saved views") and the view open
// now, if any. State and pure actions.
import type { SavedViewSummary } from '../api/types.ts';
import { failed, loading, ready, type Loadable } from '../shared/loadable.ts';

/** The view open on the canvas: what an update needs (its version guards against overwriting). */
export interface CurrentView {
  id: string;
  name: string;
  description: string | null;
  version: number;
}

export interface SavedViewsState {
  list: Loadable<SavedViewSummary[]>;
  current: CurrentView | null;
}

export const initialSavedViews: SavedViewsState = { list: loading, current: null };

/** The list is asked for again: a list already shown stays until the new one comes. */
export function listLoading(state: SavedViewsState): SavedViewsState {
  return state.list.type === 'ready' ? state : { ...state, list: loading };
}

export function listLoaded(state: SavedViewsState, list: SavedViewSummary[]): SavedViewsState {
  return { ...state, list: ready(list) };
}

export function listFailed(state: SavedViewsState, message: string): SavedViewsState {
  return { ...state, list: failed(message) };
}

/** Opens `view` (saved or loaded), or closes the open one for null. */
export function currentSet(
  state: SavedViewsState,
  view: Pick<CurrentView, 'id' | 'name' | 'description' | 'version'> | null,
): SavedViewsState {
  const current = view
    ? { id: view.id, name: view.name, description: view.description, version: view.version }
    : null;
  return { ...state, current };
}

/** A view was deleted: if it was open, it is not any more. */
export function viewDeleted(state: SavedViewsState, id: string): SavedViewsState {
  return state.current?.id === id ? { ...state, current: null } : state;
}

/** Signed out: the list and the open view leave with the token. */
export function viewsCleared(_state: SavedViewsState): SavedViewsState {
  return { list: loading, current: null };
}
