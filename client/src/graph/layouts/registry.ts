// The layouts, one entry each: the force layout (fcose) for exploring and the timeline layout for dates.
// Each runs on a Cytoscape instance and resolves when nodes are in place.
import cytoscape, { type Core, type LayoutOptions, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { LayoutName } from '../../explorer/state.ts';
import type { GraphData } from '../../explorer/graph.ts';
import { fitShapes, fitTimeline } from '../canvas.ts';
import { FCOSE_SETTINGS } from './fcose-settings.ts';
import { placeNear, type Point } from './placement.ts';
import { seedOf, withSeededRandom } from './seeded.ts';
import { timelineLayout } from './timeline.ts';

cytoscape.use(fcose);

const forceOptions = {
  name: 'fcose',
  ...FCOSE_SETTINGS,
  nodeRepulsion: () => FCOSE_SETTINGS.nodeRepulsion,
  idealEdgeLength: () => FCOSE_SETTINGS.idealEdgeLength,
  edgeElasticity: () => FCOSE_SETTINGS.edgeElasticity,
};

function run(cy: Core, options: LayoutOptions): Promise<void> {
  return new Promise((resolve) => {
    // In id order, so that the order elements were added in does not change the picture.
    const layout = cy
      .elements()
      .sort((a, b) => (a.id() < b.id() ? -1 : a.id() > b.id() ? 1 : 0))
      .layout(options);
    layout.one('layoutstop', () => resolve());
    layout.run();
  });
}

/** The force layout over every node, from seeded random positions: the same graph gives the same picture. */
export function forceLayout(cy: Core): Promise<void> {
  const seed = seedOf(cy.nodes().map((n: NodeSingular) => n.id()));
  return withSeededRandom(seed, () =>
    run(cy, { ...forceOptions, randomize: true, fit: false } as LayoutOptions),
  );
}

export interface LayoutEntry {
  label: string;
  /** Lays out every node and fits the viewport. */
  full(cy: Core, graph: GraphData): Promise<void>;
  /** Places `added` nodes (already at starting positions) while the others stay where they are. */
  incremental(cy: Core, graph: GraphData, added: string[]): Promise<void>;
}

export const LAYOUTS: Record<LayoutName, LayoutEntry> = {
  force: {
    label: 'Force layout',
    async full(cy, graph) {
      await forceLayout(cy);
      // fcose leaves out nodes that are not drawn (filtered out): put them next to their neighbours, so that
      // widening a filter later brings them back where they belong rather than where an old layout left them.
      const shown: Record<string, Point> = {};
      const filtered: string[] = [];
      cy.nodes().forEach((n: NodeSingular) => {
        if (n.hasClass('filtered')) filtered.push(n.id());
        else shown[n.id()] = { ...n.position() };
      });
      if (filtered.length) {
        const places = placeNear(filtered, graph, shown);
        cy.batch(() => {
          for (const [id, p] of Object.entries(places)) cy.getElementById(id).position(p);
        });
      }
      fitShapes(cy);
    },
    async incremental(cy, _graph, added) {
      const fresh = new Set(added);
      const fixed = cy
        .nodes()
        .filter((n: NodeSingular) => !fresh.has(n.id()))
        .map((n: NodeSingular) => ({ nodeId: n.id(), position: { ...n.position() } }));
      if (fixed.length === 0) return LAYOUTS.force.full(cy, _graph);
      await run(cy, {
        ...forceOptions,
        randomize: false,
        fit: false,
        fixedNodeConstraint: fixed,
      } as LayoutOptions);
    },
  },
  timeline: {
    label: 'Timeline layout',
    async full(cy, graph) {
      // Only what is drawn: a narrowed time window gives a narrower timeline.
      const shown = cy.nodes().filter((n: NodeSingular) => !n.hasClass('filtered'));
      const { positions } = timelineLayout(
        graph,
        shown.map((n: NodeSingular) => n.id()),
        cy.width() / Math.max(cy.height() - 26, 1),
      );
      cy.batch(() => {
        shown.forEach((n: NodeSingular) => {
          const p = positions[n.id()];
          if (p) n.position(p);
        });
      });
      fitTimeline(cy, shown);
    },
    async incremental() {
      // New nodes keep the starting place next to the node they came from; dated ones re-sort on demand.
    },
  },
};
