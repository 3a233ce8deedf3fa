// The JSON export of the current picture: the drawn nodes and relationships with their properties and
// sources, their positions, the viewport and the filters, in a form a script can read back.
import type { ExplorerState, Placement } from '../state/explorer.ts';
import { visibleElements } from '../state/projection.ts';

/** The export document. */
export function exportDocument(state: ExplorerState, placement: Placement, now = new Date()) {
  const { nodeIds, edgeIds } = visibleElements(state);
  return {
    format: 'kg-explorer/view@1',
    exportedAt: now.toISOString(),
    nodes: nodeIds.map((id) => ({ ...state.graph.nodes[id]!, position: placement.positions[id] ?? null })),
    edges: edgeIds.map((id) => state.graph.edges[id]!),
    viewport: { zoom: placement.zoom ?? null, pan: placement.pan ?? null },
    layout: state.layout.name,
    filters: { hiddenKinds: state.hiddenKinds, timeWindow: state.timeWindow, hidden: state.hidden },
  };
}
