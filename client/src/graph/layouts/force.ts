// The force layout (fcose) on a headless Cytoscape, from plain data: what the canvas draws (each node's box, the
// relationships between drawn nodes, the nodes that keep their place) in, positions out. The page runs it in a
// Web Worker (force.worker.ts, forceWorker.ts), so a layout of thousands of nodes, which takes seconds, never
// freezes the page; tests run it directly. The same input gives the same positions: fcose's Math.random is
// seeded (seeded.ts) with a seed the page computes from the canvas's node ids.
import cytoscape, { type LayoutOptions } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { FCOSE_SETTINGS } from './fcose-settings.ts';
import { separate, type Point } from './placement.ts';
import { withSeededRandom } from './seeded.ts';

cytoscape.use(fcose);

/** What the force layout needs of the canvas. */
export interface ForceInput {
  /** The drawn nodes and the size of each one's box as Cytoscape's layouts measure it (shape and border). */
  nodes: { id: string; w: number; h: number }[];
  /** The relationships between drawn nodes. */
  edges: { id: string; source: string; target: string }[];
  /** Nodes that keep the given position (fcose's fixedNodeConstraint). */
  fixed: { nodeId: string; position: Point }[];
  /** From seeded random positions (a full layout), or from the nodes' current ones (`start`; new nodes placed). */
  randomize: boolean;
  /** Where nodes are now: fcose starts from there when it does not randomize. */
  start: Record<string, Point>;
  /** The seed of fcose's random numbers. */
  seed: number;
}

/** The explorer's fcose options, with functions where fcose reads per-element values. */
export const FORCE_OPTIONS = {
  name: 'fcose',
  ...FCOSE_SETTINGS,
  nodeRepulsion: () => FCOSE_SETTINGS.nodeRepulsion,
  idealEdgeLength: () => FCOSE_SETTINGS.idealEdgeLength,
  edgeElasticity: () => FCOSE_SETTINGS.edgeElasticity,
};

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The force layout's positions for every node of `input`, then moved apart where boxes overlap (placement.ts
 * `separate`, the fixed nodes staying): that pass takes a second on thousands of nodes, and here it is off the
 * page's main thread too.
 */
export function forcePositions(input: ForceInput): Record<string, Point> {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    // Each node's box as the canvas measured it: no border or padding on top.
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)', shape: 'rectangle' } }],
  });
  // In id order, so that the order elements arrive in does not change the picture.
  cy.add([
    ...[...input.nodes].sort(byId).map((n) => ({
      group: 'nodes' as const,
      data: { id: n.id, w: n.w, h: n.h },
      position: { ...(input.start[n.id] ?? { x: 0, y: 0 }) },
    })),
    ...[...input.edges].sort(byId).map((e) => ({
      group: 'edges' as const,
      data: { id: e.id, source: e.source, target: e.target },
    })),
  ]);
  withSeededRandom(input.seed, () =>
    cy
      .elements()
      .layout({
        ...FORCE_OPTIONS,
        randomize: input.randomize,
        fit: false,
        ...(input.fixed.length
          ? { fixedNodeConstraint: input.fixed.map((f) => ({ ...f, position: { ...f.position } })) }
          : {}),
      } as LayoutOptions)
      .run(),
  );
  const out: Record<string, Point> = {};
  cy.nodes().forEach((n) => {
    out[n.id()] = { ...n.position() };
  });
  cy.destroy();
  const boxes = input.nodes.map((n) => ({ id: n.id, ...out[n.id]!, w: n.w, h: n.h }));
  return { ...out, ...separate(boxes, new Set(input.fixed.map((f) => f.nodeId))) };
}
