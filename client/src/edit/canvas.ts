// A retracted node or relationship leaves the working graph, and the undo stack too: "Undo" must not draw a
// claim the graph no longer holds. Pure: the explorer's reducer routes the `retracted` action here.
import type { GraphData } from '../explorer/graph.ts';
import { selectionStillValid, type ActionOf, type ExplorerState } from '../explorer/state.ts';

/** The graph without the nodes and relationships of `ids` (nor the relationships of those nodes). */
export function withoutRetracted(graph: GraphData, ids: readonly string[]): GraphData {
  const gone = new Set(ids);
  if (!ids.some((id) => graph.nodes[id] || graph.edges[id])) return graph;
  const nodes = Object.fromEntries(Object.entries(graph.nodes).filter(([id]) => !gone.has(id)));
  const edges = Object.fromEntries(
    Object.entries(graph.edges).filter(
      ([id, e]) => !gone.has(id) && !gone.has(e.source) && !gone.has(e.target),
    ),
  );
  return { nodes, edges };
}

/** The `retracted` transition: out of the graph, the undo stack, the hidden and pinned lists and the path. */
export function retract(state: ExplorerState, action: ActionOf<'retracted'>): ExplorerState {
  const gone = new Set(action.ids);
  const graph = withoutRetracted(state.graph, action.ids);
  const path =
    state.path && [...state.path.nodeIds, ...state.path.edgeIds].some((id) => gone.has(id))
      ? null
      : state.path;
  return {
    ...state,
    graph,
    history: state.history.map((h) => ({ ...h, graph: withoutRetracted(h.graph, action.ids) })),
    hidden: state.hidden.filter((id) => !gone.has(id)),
    pinned: state.pinned.filter((id) => !gone.has(id)),
    selection: selectionStillValid(state.selection, graph),
    hover: state.hover && gone.has(state.hover) ? null : state.hover,
    path,
    pathInfo: path ? state.pathInfo : null,
  };
}
