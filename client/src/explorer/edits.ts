// Changes to the working graph as a whole: load a new one, hide, remove and show hidden nodes, undo, filter by
// kind, switch layout, pin and unpin nodes. Pure: (state, input) => newState.
import type { NodeKind } from '../api/types.ts';
import { addElements, emptyGraph, removeNodes } from './graph.ts';
import {
  relayoutTimeline,
  remember,
  selectionStillValid,
  type ActionOf,
  type ExplorerState,
  type LayoutName,
} from './state.ts';

/** Replaces the working graph (opening view, a saved view): history is cleared, a full layout is asked for. */
export function loadGraph(state: ExplorerState, action: ActionOf<'graphLoaded'>): ExplorerState {
  const graph = addElements(emptyGraph, action);
  return {
    ...state,
    graph,
    hidden: (action.filters?.hidden ?? []).filter((id) => graph.nodes[id]),
    // Pins belong to a picture: a saved view brings its own, any other graph starts with none.
    pinned: [...new Set(action.pinned ?? [])].filter((id) => graph.nodes[id]),
    hiddenKinds: action.filters?.hiddenKinds ?? state.hiddenKinds,
    timeWindow: action.filters ? action.filters.timeWindow : state.timeWindow,
    selection: { type: 'none' },
    hover: null,
    path: null,
    focus: null,
    expansions: {},
    history: [],
    earlier: action.earlier ?? null,
    map: action.map ?? state.map,
    layout: {
      name: action.layoutName ?? state.layout.name,
      epoch: state.layout.epoch + 1,
      preset: action.preset,
    },
  };
}

/** Hides nodes (they stay in the working graph and come back with "show hidden"). */
export function hideNodes(state: ExplorerState, ids: string[]): ExplorerState {
  const fresh = ids.filter((id) => state.graph.nodes[id] && !state.hidden.includes(id));
  if (fresh.length === 0) return state;
  const selection =
    state.selection.type === 'node' && fresh.includes(state.selection.id)
      ? { type: 'none' as const }
      : state.selection;
  return { ...state, history: remember(state, 'hide'), hidden: [...state.hidden, ...fresh], selection };
}

/** Brings every hidden node back. */
export function showHidden(state: ExplorerState): ExplorerState {
  return state.hidden.length ? { ...state, history: remember(state, 'show hidden'), hidden: [] } : state;
}

/** Removes nodes from the working graph. */
export function removeFromGraph(state: ExplorerState, ids: string[]): ExplorerState {
  const graph = removeNodes(state.graph, ids);
  if (graph === state.graph) return state;
  const gone = new Set(ids);
  const path = state.path && state.path.nodeIds.some((id) => gone.has(id)) ? null : state.path;
  return {
    ...state,
    history: remember(state, 'remove'),
    graph,
    hidden: state.hidden.filter((id) => !gone.has(id)),
    pinned: state.pinned.some((id) => gone.has(id))
      ? state.pinned.filter((id) => !gone.has(id))
      : state.pinned,
    selection: selectionStillValid(state.selection, graph),
    path,
  };
}

/** Puts the last graph change back (expand, add, hide, remove, show hidden). */
export function undo(state: ExplorerState): ExplorerState {
  const last = state.history[state.history.length - 1];
  if (!last) return state;
  const path = state.path && state.path.nodeIds.every((id) => last.graph.nodes[id]) ? state.path : null;
  return {
    ...state,
    graph: last.graph,
    hidden: last.hidden,
    // A node that undo takes away loses its pin (a node it brings back comes back unpinned).
    pinned: state.pinned.every((id) => last.graph.nodes[id])
      ? state.pinned
      : state.pinned.filter((id) => last.graph.nodes[id]),
    history: state.history.slice(0, -1),
    selection: selectionStillValid(state.selection, last.graph),
    path,
  };
}

/** The label of the step undo would revert, for the button's title. */
export function undoLabel(state: ExplorerState): string | null {
  return state.history[state.history.length - 1]?.label ?? null;
}

/** Shows a hidden kind, or hides a shown one. */
export function toggleKind(state: ExplorerState, kind: NodeKind): ExplorerState {
  return relayoutTimeline({
    ...state,
    hiddenKinds: state.hiddenKinds.includes(kind)
      ? state.hiddenKinds.filter((k) => k !== kind)
      : [...state.hiddenKinds, kind],
  });
}

/** Hides exactly these kinds. */
export function setHiddenKinds(state: ExplorerState, hiddenKinds: NodeKind[]): ExplorerState {
  return relayoutTimeline({ ...state, hiddenKinds });
}

/** Lays the whole canvas out again with another layout. */
export function chooseLayout(state: ExplorerState, name: LayoutName): ExplorerState {
  // A layout chosen on the map leaves the map (client/src/map).
  return { ...state, map: false, layout: { name, epoch: state.layout.epoch + 1 } };
}

/** Pins nodes of the working graph where they are: full layouts leave them in place. Not an undoable step. */
export function pinNodes(state: ExplorerState, ids: string[]): ExplorerState {
  const fresh = [...new Set(ids)].filter((id) => state.graph.nodes[id] && !state.pinned.includes(id));
  return fresh.length ? { ...state, pinned: [...state.pinned, ...fresh] } : state;
}

/** Lets pinned nodes move with the layout again. */
export function unpinNodes(state: ExplorerState, ids: string[]): ExplorerState {
  const drop = new Set(ids);
  return state.pinned.some((id) => drop.has(id))
    ? { ...state, pinned: state.pinned.filter((id) => !drop.has(id)) }
    : state;
}
