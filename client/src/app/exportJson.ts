// The JSON export of the current picture: the drawn nodes and relationships with their properties and
// sources, their positions, the viewport and the filters, in a form a script can read back.
import { visibleElements } from '../explorer/projection.ts';
import type { ExplorerState, Placement } from '../explorer/state.ts';
import { dateText } from '../time/time.ts';

/** The export document. */
export function exportDocument(state: ExplorerState, placement: Placement, now = new Date()) {
  const { nodeIds, edgeIds } = visibleElements(state);
  return {
    format: 'kg-explorer/view@1',
    exportedAt: now.toISOString(),
    // Each date also as the source gives it ("September 2022"): `date` alone is the first day of its period.
    nodes: nodeIds.map((id) => {
      const n = state.graph.nodes[id]!;
      return { ...n, dateText: dateText(n), position: placement.positions[id] ?? null };
    }),
    edges: edgeIds.map((id) => {
      const e = state.graph.edges[id]!;
      return { ...e, dateText: dateText({ properties: e.properties }) };
    }),
    viewport: { zoom: placement.zoom ?? null, pan: placement.pan ?? null },
    layout: state.layout.name,
    filters: { hiddenKinds: state.hiddenKinds, timeWindow: state.timeWindow, hidden: state.hidden },
  };
}

/** The exported file's name: the open view's name (else "graph") with `ext`, safe for any file system. */
export function exportFileName(viewName: string | null, ext: string): string {
  return `${viewName ?? 'graph'}.${ext}`.replace(/[^\w.-]+/g, '-');
}
