// The explorer's state and the pure transitions between states: (state, input) => newState. The React
// components dispatch actions; the Cytoscape canvas is a projection of the result (graph/project.ts).
import type { GraphEdge, GraphNode, NodeKind, Path } from '../api/types.ts';
import { addElements, emptyGraph, newNodeIds, removeNodes, type GraphData } from './graph.ts';
import { inWindow, type TimeWindow } from './time.ts';

/** Neighbours brought in per expansion step ("show 25 more"). */
export const EXPAND_PAGE = 25;

export type Selection = { type: 'none' } | { type: 'node'; id: string } | { type: 'edge'; id: string };

export type LayoutName = 'force' | 'timeline';

/** Saved positions and viewport to restore exactly (a saved view). */
export interface Placement {
  positions: Record<string, { x: number; y: number }>;
  zoom?: number;
  pan?: { x: number; y: number };
}

export interface LayoutRequest {
  name: LayoutName;
  /** Grows each time the whole canvas must be laid out again (a new graph, a layout switch). */
  epoch: number;
  /** Positions to use instead of running a layout. */
  preset?: Placement;
}

/** Paging state of one node's expansion: how many neighbours were asked for, and whether more exist. */
export interface Expansion {
  limit: number;
  truncated: boolean;
}

interface Snapshot {
  graph: GraphData;
  hidden: string[];
  label: string;
}

export interface ExplorerState {
  graph: GraphData;
  /** Nodes the analyst hid: still in the working graph, not drawn. */
  hidden: string[];
  hiddenKinds: NodeKind[];
  timeWindow: TimeWindow | null;
  selection: Selection;
  hover: string | null;
  /** A path shown on the graph: its elements stand out, the rest fades. */
  path: { nodeIds: string[]; edgeIds: string[] } | null;
  /** The node just chosen in search, briefly emphasised. */
  focus: { id: string; seq: number } | null;
  layout: LayoutRequest;
  expansions: Record<string, Expansion>;
  /** Undo stack, most recent last. */
  history: Snapshot[];
}

export const HISTORY_LIMIT = 50;

export const initialState: ExplorerState = {
  graph: emptyGraph,
  hidden: [],
  hiddenKinds: [],
  timeWindow: null,
  selection: { type: 'none' },
  hover: null,
  path: null,
  focus: null,
  layout: { name: 'force', epoch: 0 },
  expansions: {},
  history: [],
};

export type Action =
  | {
      type: 'graphLoaded';
      nodes: GraphNode[];
      edges: GraphEdge[];
      preset?: Placement;
      layoutName?: LayoutName;
      /** Filters to apply with the graph (a saved view's); the current ones stay otherwise. */
      filters?: { hiddenKinds: NodeKind[]; timeWindow: TimeWindow | null; hidden: string[] };
    }
  | {
      type: 'expanded';
      id: string;
      nodes: GraphNode[];
      edges: GraphEdge[];
      limit: number;
      truncated: boolean;
    }
  | { type: 'nodeAdded'; nodes: GraphNode[]; edges: GraphEdge[]; focus?: string }
  | { type: 'pathShown'; path: Path | null }
  | { type: 'nodesHidden'; ids: string[] }
  | { type: 'nodesRemoved'; ids: string[] }
  | { type: 'hiddenShown' }
  | { type: 'undo' }
  | { type: 'selected'; selection: Selection }
  | { type: 'hovered'; id: string | null }
  | { type: 'kindToggled'; kind: NodeKind }
  | { type: 'kindsSet'; hiddenKinds: NodeKind[] }
  | { type: 'timeWindowSet'; window: TimeWindow | null }
  | { type: 'layoutChosen'; name: LayoutName };

function remember(state: ExplorerState, label: string): Snapshot[] {
  return [...state.history, { graph: state.graph, hidden: state.hidden, label }].slice(-HISTORY_LIMIT);
}

function selectionStillValid(selection: Selection, graph: GraphData): Selection {
  if (selection.type === 'node' && !graph.nodes[selection.id]) return { type: 'none' };
  if (selection.type === 'edge') {
    const e = graph.edges[selection.id];
    if (!e || !graph.nodes[e.source] || !graph.nodes[e.target]) return { type: 'none' };
  }
  return selection;
}

/** Replaces the working graph (opening view, a saved view): history is cleared, a full layout is asked for. */
export function loadGraph(
  state: ExplorerState,
  action: Extract<Action, { type: 'graphLoaded' }>,
): ExplorerState {
  const graph = addElements(emptyGraph, action);
  return {
    ...state,
    graph,
    hidden: (action.filters?.hidden ?? []).filter((id) => graph.nodes[id]),
    hiddenKinds: action.filters?.hiddenKinds ?? state.hiddenKinds,
    timeWindow: action.filters ? action.filters.timeWindow : state.timeWindow,
    selection: { type: 'none' },
    hover: null,
    path: null,
    focus: null,
    expansions: {},
    history: [],
    layout: {
      name: action.layoutName ?? state.layout.name,
      epoch: state.layout.epoch + 1,
      preset: action.preset,
    },
  };
}

/** Adds a node's neighbours (one page of them); existing nodes keep their places, new ones go near it. */
export function expand(state: ExplorerState, action: Extract<Action, { type: 'expanded' }>): ExplorerState {
  const added = newNodeIds(state.graph, action);
  const unhidden = state.hidden.filter((id) => !action.nodes.some((n) => n.id === id));
  return {
    ...state,
    history:
      added.length || unhidden.length !== state.hidden.length ? remember(state, 'expand') : state.history,
    graph: addElements(state.graph, action),
    hidden: unhidden,
    expansions: { ...state.expansions, [action.id]: { limit: action.limit, truncated: action.truncated } },
  };
}

/** Adds a node found by search (and its links to nodes already shown) and selects it. */
export function addNode(state: ExplorerState, action: Extract<Action, { type: 'nodeAdded' }>): ExplorerState {
  const added = newNodeIds(state.graph, action);
  const focusId = action.focus;
  const next: ExplorerState = {
    ...state,
    history: added.length ? remember(state, 'add') : state.history,
    graph: addElements(state.graph, action),
    hidden: focusId ? state.hidden.filter((id) => id !== focusId) : state.hidden,
  };
  if (!focusId) return next;
  // The chosen node must be visible: show its kind and widen the time window if they hid it.
  const node = next.graph.nodes[focusId];
  const hiddenKinds = node ? next.hiddenKinds.filter((k) => k !== node.kind) : next.hiddenKinds;
  const timeWindow = node && !inWindow(node, next.timeWindow) ? null : next.timeWindow;
  return {
    ...next,
    hiddenKinds,
    timeWindow,
    selection: { type: 'node', id: focusId },
    focus: { id: focusId, seq: (state.focus?.seq ?? 0) + 1 },
  };
}

/** Shows one path: its nodes join the graph if needed and stand out; null clears the highlight. */
export function showPath(state: ExplorerState, path: Path | null): ExplorerState {
  if (!path) return { ...state, path: null };
  const added = newNodeIds(state.graph, path);
  const hiddenOnPath = new Set(path.nodes.map((n) => n.id));
  return {
    ...state,
    history: added.length ? remember(state, 'path') : state.history,
    graph: addElements(state.graph, path),
    hidden: state.hidden.filter((id) => !hiddenOnPath.has(id)),
    path: { nodeIds: path.nodes.map((n) => n.id), edgeIds: path.edges.map((e) => e.id) },
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
    history: state.history.slice(0, -1),
    selection: selectionStillValid(state.selection, last.graph),
    path,
  };
}

/** The label of the step undo would revert, for the button's title. */
export function undoLabel(state: ExplorerState): string | null {
  return state.history[state.history.length - 1]?.label ?? null;
}

/** In the timeline layout the columns follow what is drawn, so a filter change lays the timeline out again. */
function relayoutTimeline(state: ExplorerState): ExplorerState {
  if (state.layout.name !== 'timeline') return state;
  return { ...state, layout: { name: 'timeline', epoch: state.layout.epoch + 1 } };
}

/** The explorer's reducer. */
export function reduce(state: ExplorerState, action: Action): ExplorerState {
  switch (action.type) {
    case 'graphLoaded':
      return loadGraph(state, action);
    case 'expanded':
      return expand(state, action);
    case 'nodeAdded':
      return addNode(state, action);
    case 'pathShown':
      return showPath(state, action.path);
    case 'nodesHidden':
      return hideNodes(state, action.ids);
    case 'nodesRemoved':
      return removeFromGraph(state, action.ids);
    case 'hiddenShown':
      return state.hidden.length ? { ...state, history: remember(state, 'show hidden'), hidden: [] } : state;
    case 'undo':
      return undo(state);
    case 'selected': {
      const selection = selectionStillValid(action.selection, state.graph);
      const keepFocus = selection.type === 'node' && state.focus?.id === selection.id;
      return { ...state, selection, focus: keepFocus ? state.focus : null };
    }
    case 'hovered':
      return state.hover === action.id ? state : { ...state, hover: action.id };
    case 'kindToggled':
      return relayoutTimeline({
        ...state,
        hiddenKinds: state.hiddenKinds.includes(action.kind)
          ? state.hiddenKinds.filter((k) => k !== action.kind)
          : [...state.hiddenKinds, action.kind],
      });
    case 'kindsSet':
      return relayoutTimeline({ ...state, hiddenKinds: action.hiddenKinds });
    case 'timeWindowSet':
      return relayoutTimeline({ ...state, timeWindow: action.window });
    case 'layoutChosen':
      return { ...state, layout: { name: action.name, epoch: state.layout.epoch + 1 } };
    default: {
      const never: never = action;
      return never;
    }
  }
}
