// The map mode's layout, beside the registry's (graph/layouts/registry.ts) and with the same two entry points: a
// full placement of the canvas on the map (placement.ts), and the placement of nodes that arrive while the map is
// shown, every other node staying where it is. The world outline is drawn under the canvas by WorldMap.tsx.
import type { Core, NodeSingular } from 'cytoscape';
import type { GraphData } from '../explorer/graph.ts';
import { fitShapes } from '../graph/canvas.ts';
import type { LayoutEntry } from '../graph/layouts/registry.ts';
import { mapAdditions, mapPlacement, type MapNode } from './placement.ts';
import { locationOf } from './projection.ts';

/** A canvas node as the map places it: its box as drawn (sized by degree or a measure) with room for a border. */
function mapNode(n: NodeSingular, graph: GraphData): MapNode {
  const d = n.layoutDimensions({ nodeDimensionsIncludeLabels: false });
  const node = graph.nodes[n.id()];
  return { id: n.id(), side: Math.max(d.w, d.h) + 10, location: node ? locationOf(node) : null };
}

const byId = (a: NodeSingular, b: NodeSingular) => (a.id() < b.id() ? -1 : a.id() > b.id() ? 1 : 0);

/**
 * The nodes the map places: all but compound parents (an expanded group, client/src/groups), which Cytoscape keeps
 * around their members wherever these are. A collapsed group's node has no place: it goes beside the map.
 */
const placeable = (cy: Core) => cy.nodes().filter((n: NodeSingular) => !n.isParent());

export const MAP_LAYOUT: LayoutEntry = {
  label: 'Map',
  async full(cy: Core, graph: GraphData) {
    // The drawn nodes first, so that the grid beside the map starts with what is shown; pins do not hold on the
    // map (a place is where it is), and keep for the other layouts.
    const drawn = placeable(cy).filter((n: NodeSingular) => !n.hasClass('filtered'));
    const rest = placeable(cy).filter((n: NodeSingular) => n.hasClass('filtered'));
    const nodes = [...drawn.sort(byId), ...rest.sort(byId)];
    const positions = mapPlacement(nodes.map((n) => mapNode(n, graph)));
    cy.batch(() => {
      for (const n of nodes) n.position(positions[n.id()]!);
    });
    fitShapes(cy);
  },
  async incremental(cy: Core, graph: GraphData, added: string[]) {
    const fresh = new Set(added);
    const placed = placeable(cy)
      .filter((n: NodeSingular) => !fresh.has(n.id()))
      .map((n: NodeSingular) => ({ id: n.id(), side: mapNode(n, graph).side, at: { ...n.position() } }));
    const arriving = placeable(cy)
      .filter((n: NodeSingular) => fresh.has(n.id()))
      .sort(byId)
      .map((n: NodeSingular) => mapNode(n, graph));
    const positions = mapAdditions(arriving, placed);
    cy.batch(() => {
      for (const [id, p] of Object.entries(positions)) cy.getElementById(id).position(p);
    });
  },
};
