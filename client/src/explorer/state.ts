// The working graph every concept acts on: its state, the actions, and the helpers the concepts' transitions
// share. Each concept's transitions live with the concept (search/, expand/, paths/, time/, details/, views/);
// explorer/reduce.ts routes each action to its transition. The canvas is a projection of the state
// (graph/project.ts).
import type { GraphEdge, GraphNode, NodeKind, Path, Source } from '../api/types.ts';
import { emptyGraph, type GraphData } from './graph.ts';
import type { TimeWindow } from '../time/time.ts';
import type { EvidenceState } from '../evidence/evidence.ts';

export type Selection = { type: 'none' } | { type: 'node'; id: string } | { type: 'edge'; id: string };

/** The layouts, in the order the layout picker lists them (graph/layouts/registry.ts runs each). */
export const LAYOUT_NAMES = ['force', 'concentric', 'hierarchical', 'timeline'] as const;
export type LayoutName = (typeof LAYOUT_NAMES)[number];

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

export interface Snapshot {
  graph: GraphData;
  hidden: string[];
  label: string;
}

/**
 * An earlier version of a saved view on the canvas (client/src/views/versions.ts): drawn read-only with a banner
 * saying which, or compared with the current version, what was added and removed marked on the canvas.
 */
export interface EarlierVersion {
  viewId: string;
  name: string;
  version: number;
  currentVersion: number;
  /** Two versions compared: `version` and `currentVersion`, the later one (the view's current one or not). */
  compare: {
    /** Whether the later version is the view's current one. */
    isCurrent: boolean;
    /** Ids of the nodes and relationships the later version has and the earlier one had not, and the reverse. */
    added: string[];
    removed: string[];
    diff: { addedNodes: string[]; removedNodes: string[]; addedEdges: string[]; removedEdges: string[] };
    /** Removed elements that have left the graph since, so cannot be drawn. */
    unseen: number;
  } | null;
}

export interface ExplorerState {
  graph: GraphData;
  /** Nodes the analyst hid: still in the working graph, not drawn. */
  hidden: string[];
  hiddenKinds: NodeKind[];
  timeWindow: TimeWindow | null;
  /** Only what the sources state, and the minimum source grade (evidence/evidence.ts). */
  evidence: EvidenceState;
  /** The documents whose claims are drawn (their names, e.g. "no-limits-memo"); null: every document's. */
  documents: string[] | null;
  selection: Selection;
  hover: string | null;
  /** A path shown on the graph: its elements stand out, the rest fades. */
  path: { nodeIds: string[]; edgeIds: string[] } | null;
  /** What the details panel says of the path shown (read only while `path` is set). */
  pathInfo: { length: number; explanation: string; citations: Source[] } | null;
  /** The node just chosen in search, briefly emphasised. */
  focus: { id: string; seq: number } | null;
  layout: LayoutRequest;
  /**
   * The map mode (client/src/map): the nodes placed on a world outline by their coordinates, the others beside it;
   * leaving it lays the canvas out again with `layout.name`. Saved with a view.
   */
  map: boolean;
  /**
   * Nodes the analyst pinned: a full layout leaves them where they are (graph/layouts/registry.ts reads the
   * `pinned` class the projection gives them). Saved with a view.
   */
  pinned: string[];
  expansions: Record<string, Expansion>;
  /** Undo stack, most recent last. */
  history: Snapshot[];
  /** The picture is an earlier version of a saved view, or a comparison of two (null: it is not). */
  earlier: EarlierVersion | null;
}

export const HISTORY_LIMIT = 50;

export const initialState: ExplorerState = {
  graph: emptyGraph,
  hidden: [],
  // Sources are not drawn at first (the opening picture leaves them out): their legend row starts unticked, and
  // ticks itself when one is brought onto the canvas (from the table or search).
  hiddenKinds: ['SOURCE'],
  timeWindow: null,
  evidence: { statedOnly: false, minReliability: null, gradedSources: [] },
  documents: null,
  selection: { type: 'none' },
  hover: null,
  path: null,
  pathInfo: null,
  focus: null,
  layout: { name: 'force', epoch: 0 },
  map: false,
  pinned: [],
  expansions: {},
  history: [],
  earlier: null,
};

export type Action =
  | {
      type: 'graphLoaded';
      nodes: GraphNode[];
      edges: GraphEdge[];
      preset?: Placement;
      layoutName?: LayoutName;
      /** Whether the graph opens on the map (a saved view's); the current mode stays otherwise. */
      map?: boolean;
      /** Nodes to pin (a saved view's); none otherwise. */
      pinned?: string[];
      /** Filters to apply with the graph (a saved view's); the current ones stay otherwise. */
      filters?: { hiddenKinds: NodeKind[]; timeWindow: TimeWindow | null; hidden: string[] };
      /** The graph is an earlier version of a saved view (or a comparison); any other graph is not. */
      earlier?: EarlierVersion;
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
  /** Nodes or relationships retracted (client/src/edit): they leave the graph and the undo stack. */
  | { type: 'retracted'; ids: string[] }
  | { type: 'pathShown'; path: Path | null }
  | { type: 'nodesHidden'; ids: string[] }
  | { type: 'nodesRemoved'; ids: string[] }
  | { type: 'hiddenShown' }
  | { type: 'undo' }
  | { type: 'selected'; selection: Selection }
  /** Escape or a click on empty canvas: no selection, no path highlighted. */
  | { type: 'cleared' }
  | { type: 'hovered'; id: string | null }
  | { type: 'kindToggled'; kind: NodeKind }
  | { type: 'kindsSet'; hiddenKinds: NodeKind[] }
  | { type: 'timeWindowSet'; window: TimeWindow | null }
  | { type: 'evidenceSet'; evidence: EvidenceState }
  | { type: 'documentsShown'; documents: string[] | null }
  | { type: 'layoutChosen'; name: LayoutName }
  | { type: 'mapShown'; on: boolean }
  | { type: 'nodesPinned'; ids: string[] }
  | { type: 'nodesUnpinned'; ids: string[] }
  /** The picture is no longer an earlier version (it was saved as a view of its own). */
  | { type: 'earlierLeft' };

/** The undo stack with the current graph pushed on it, under `label`. */
export function remember(state: ExplorerState, label: string): Snapshot[] {
  return [...state.history, { graph: state.graph, hidden: state.hidden, label }].slice(-HISTORY_LIMIT);
}

/** The selection, or none when what it names is no longer drawn in `graph`. */
export function selectionStillValid(selection: Selection, graph: GraphData): Selection {
  if (selection.type === 'node' && !graph.nodes[selection.id]) return { type: 'none' };
  if (selection.type === 'edge') {
    const e = graph.edges[selection.id];
    if (!e || !graph.nodes[e.source] || !graph.nodes[e.target]) return { type: 'none' };
  }
  return selection;
}

/** In the timeline layout the columns follow what is drawn, so a filter change lays the timeline out again. */
export function relayoutTimeline(state: ExplorerState): ExplorerState {
  if (state.layout.name !== 'timeline' || state.map) return state;
  return { ...state, layout: { name: 'timeline', epoch: state.layout.epoch + 1 } };
}

/** An action of one type. */
export type ActionOf<T extends Action['type']> = Extract<Action, { type: T }>;
