// The layouts, one entry each: the force layout (fcose) for exploring, concentric by degree, hierarchical, and the
// timeline layout by date. Each runs on a Cytoscape instance and resolves when nodes are in place. The same graph
// gives the same picture in each. Pinned nodes (the `pinned` class, from the explorer state through
// graph/project.ts) stay where they are when a layout runs again; nodes not drawn (the `filtered` class) are put
// next to their neighbours, so that widening a filter brings them back where they belong.
import cytoscape, {
  type Collection,
  type Core,
  type LayoutOptions,
  type NodeCollection,
  type NodeSingular,
} from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { LayoutName } from '../../explorer/state.ts';
import type { GraphData } from '../../explorer/graph.ts';
import { fitShapes, fitTimeline } from '../canvas.ts';
import { nodeSize } from '../kinds.ts';
import { concentricRings, concentricValue, ringSpacing, RING_STEP } from './concentric.ts';
import { FORCE_OPTIONS, forcePositions, type ForceInput } from './force.ts';
import { forcePositionsInWorker, workersAvailable } from './forceWorker.ts';
import { hierarchyRoots, rowLength, rowPositions, type RowSpacing } from './hierarchy.ts';
import { LAYOUT_LABELS } from './names.ts';
import { placeFree, placeNear, separate, type Point } from './placement.ts';
import { seedOf, withSeededRandom } from './seeded.ts';
import { timelineLayout } from './timeline.ts';

cytoscape.use(fcose);

function run(cy: Core, options: LayoutOptions, eles: Collection = cy.elements()): Promise<void> {
  return new Promise((resolve) => {
    // In id order, so that the order elements were added in does not change the picture.
    const layout = eles.sort((a, b) => (a.id() < b.id() ? -1 : a.id() > b.id() ? 1 : 0)).layout(options);
    layout.one('layoutstop', () => resolve());
    layout.run();
  });
}

/** The pinned nodes and where they are now. */
function pinsOf(cy: Core): Map<string, Point> {
  const pins = new Map<string, Point>();
  cy.nodes('.pinned').forEach((n: NodeSingular) => {
    pins.set(n.id(), { ...n.position() });
  });
  return pins;
}

/** Puts pinned nodes back where they were before the layout. */
function restorePins(cy: Core, pins: ReadonlyMap<string, Point>): void {
  cy.batch(() => {
    for (const [id, p] of pins) cy.getElementById(id).position({ ...p });
  });
}

/** The side of the box a node takes, with room for a thick border and the pinned outline. */
const boxSide = (graph: GraphData) => (id: string) => nodeSize(graph.nodes[id]?.degree ?? 0) + 10;

/** The largest side among `nodes` as Cytoscape's layouts measure them (shape and border, no label). */
function largestSide(nodes: NodeCollection): number {
  let largest = 1;
  nodes.forEach((n: NodeSingular) => {
    const d = n.layoutDimensions({ nodeDimensionsIncludeLabels: false });
    largest = Math.max(largest, d.w, d.h);
  });
  return largest;
}

/**
 * Places `ids` next to their neighbours without covering any other node (placement.ts `placeFree`); every other
 * node stays where it is.
 */
function placeClear(cy: Core, graph: GraphData, ids: readonly string[]): void {
  if (ids.length === 0) return;
  const moving = new Set(ids);
  const placed: Record<string, Point> = {};
  cy.nodes().forEach((n: NodeSingular) => {
    if (!moving.has(n.id())) placed[n.id()] = { ...n.position() };
  });
  const places = placeFree(ids, graph, placed, boxSide(graph));
  cy.batch(() => {
    for (const [id, p] of Object.entries(places)) cy.getElementById(id).position(p);
  });
}

/**
 * Moves drawn nodes whose shapes overlap apart (placement.ts `separate`), fcose's picture being otherwise kept:
 * it spaces nodes by forces, and a few end up on top of one another. `fixed` nodes do not move. After the worker's
 * layout, which separates its boxes already (force.ts), it only checks.
 */
function separateDrawn(cy: Core, fixed: ReadonlySet<string>): void {
  const boxes = cy
    .nodes()
    // A group's box (client/src/groups) is where its members are, not a shape to move off them.
    .filter((n: NodeSingular) => !n.hasClass('filtered') && !n.isParent())
    .map((n: NodeSingular) => {
      const b = n.boundingBox({ includeLabels: false, includeOverlays: false });
      return { id: n.id(), ...n.position(), w: b.w, h: b.h };
    });
  const moved = separate(boxes, fixed);
  cy.batch(() => {
    for (const [id, p] of Object.entries(moved)) cy.getElementById(id).position(p);
  });
}

/** Nodes not drawn and not pinned: a full layout puts them next to their neighbours. */
const unpinnedFiltered = (cy: Core) =>
  cy
    .nodes('.filtered')
    .filter((n: NodeSingular) => !n.hasClass('pinned'))
    .map((n: NodeSingular) => n.id());

/** What the force layout needs of the canvas (force.ts): the drawn nodes' boxes and where they are now. */
function forceInputOf(
  cy: Core,
  fixed: readonly { nodeId: string; position: Point }[],
  randomize: boolean,
): ForceInput {
  const nodes: ForceInput['nodes'] = [];
  const start: ForceInput['start'] = {};
  // As fcose itself does on the canvas: nodes not displayed (filtered out) are left out.
  cy.nodes().forEach((n: NodeSingular) => {
    if (n.style('display') === 'none') return;
    const d = n.layoutDimensions({ nodeDimensionsIncludeLabels: false });
    nodes.push({ id: n.id(), w: d.w, h: d.h });
    start[n.id()] = { ...n.position() };
  });
  const edges: ForceInput['edges'] = [];
  cy.edges().forEach((e) => {
    const [s, t] = [e.source().id(), e.target().id()];
    if (start[s] && start[t]) edges.push({ id: e.id(), source: s, target: t });
  });
  return {
    nodes,
    edges,
    fixed: fixed.filter((f) => start[f.nodeId]).map((f) => ({ ...f, position: { ...f.position } })),
    randomize,
    start,
    seed: seedOf(cy.nodes().map((n: NodeSingular) => n.id())),
  };
}

/**
 * The force layout over every drawn node: from seeded random positions (the same graph gives the same picture),
 * or, without `randomize`, from where the nodes are. `fixed` nodes keep the given positions (fcose's
 * fixedNodeConstraint). It runs in a Web Worker (forceWorker.ts), so the page answers input meanwhile and the
 * nodes stay drawn where they were until it answers; without workers (Node), here. A canvas with groups' boxes
 * (compound nodes, client/src/groups), which the worker's plain boxes cannot stand for, is laid out on the main
 * thread by fcose on the canvas itself.
 */
export async function forceLayout(
  cy: Core,
  fixed: readonly { nodeId: string; position: Point }[] = [],
  randomize = true,
): Promise<void> {
  if (cy.nodes(':parent').nonempty()) {
    const seed = seedOf(cy.nodes().map((n: NodeSingular) => n.id()));
    return withSeededRandom(seed, () =>
      run(cy, {
        ...FORCE_OPTIONS,
        randomize,
        fit: false,
        ...(fixed.length
          ? { fixedNodeConstraint: fixed.map((f) => ({ ...f, position: { ...f.position } })) }
          : {}),
      } as LayoutOptions),
    );
  }
  const input = forceInputOf(cy, fixed, randomize);
  const positions = workersAvailable() ? await forcePositionsInWorker(input) : forcePositions(input);
  // The canvas may have changed while the worker ran: only the nodes still on it move.
  if (cy.destroyed()) return;
  cy.batch(() => {
    for (const [id, p] of Object.entries(positions)) cy.getElementById(id).position(p);
  });
}

/** The concentric layout of the drawn, unpinned nodes: by degree, the highest in the middle (concentric.ts). */
export async function concentricLayout(cy: Core, graph: GraphData): Promise<void> {
  const nodes = cy
    .nodes()
    .filter((n: NodeSingular) => !n.hasClass('filtered') && !n.hasClass('pinned') && !n.isParent());
  if (nodes.empty()) return;
  const places = concentricRings(
    nodes.map((n: NodeSingular) => n.id()),
    (id) => graph.nodes[id]?.degree ?? 0,
  );
  const rings = Math.max(...[...places.values()].map((p) => p.ring)) + 1;
  await run(
    cy,
    {
      name: 'concentric',
      fit: false,
      animate: false,
      // A fixed frame around (0, 0), not the viewport's: the same graph gives the same positions.
      boundingBox: { x1: -1, y1: -1, w: 2, h: 2 },
      avoidOverlap: true,
      minNodeSpacing: ringSpacing(largestSide(nodes)),
      nodeDimensionsIncludeLabels: false,
      startAngle: (3 / 2) * Math.PI,
      clockwise: true,
      concentric: (n: NodeSingular) => concentricValue(places.get(n.id())!, rings),
      levelWidth: () => RING_STEP,
    } as LayoutOptions,
    nodes,
  );
}

/**
 * The hierarchical layout of the drawn nodes: Cytoscape's breadthfirst, directed, from the roots of
 * hierarchy.ts, each depth ordered under its parents (ties by id); the depths are then placed as rows
 * (hierarchy.ts `rowPositions`), a depth too wide for the canvas wrapping.
 */
export async function hierarchicalLayout(cy: Core): Promise<void> {
  // Groups' boxes (client/src/groups) are not laid out: they follow their members.
  const eles = cy
    .elements()
    .not(':parent')
    .filter((e) => !e.hasClass('filtered'));
  const nodes = eles.nodes();
  if (nodes.empty()) return;
  const roots = hierarchyRoots(
    nodes.map((n: NodeSingular) => n.id()),
    eles.edges().map((e) => ({ source: e.source().id(), target: e.target().id() })),
  );
  const largest = largestSide(nodes);
  const spacing: RowSpacing = { column: largest * 1.3 + 20, row: largest + 30, depth: largest * 1.6 + 50 };
  const aspect = cy.width() > 0 && cy.height() > 0 ? cy.width() / cy.height() : 1.6;
  let rows: Record<string, Point> | null = null;
  const rowsOf = () => {
    const depths: string[][] = [];
    nodes.forEach((n: NodeSingular) => {
      const at = n.scratch('breadthfirst') as { depth: number; index: number } | undefined;
      if (at) (depths[at.depth] ??= [])[at.index] = n.id();
    });
    const compact = depths.filter(Boolean).map((d) => d.filter(Boolean));
    return rowPositions(
      compact,
      spacing,
      rowLength(
        compact.map((d) => d.length),
        spacing,
        aspect,
      ),
    );
  };
  await run(
    cy,
    {
      name: 'breadthfirst',
      directed: true,
      roots,
      fit: false,
      animate: false,
      avoidOverlap: true,
      nodeDimensionsIncludeLabels: false,
      spacingFactor: 1,
      // A fixed frame, not the viewport's (the default): the same graph gives the same positions.
      boundingBox: { x1: 0, y1: 0, w: 1, h: 1 },
      // breadthfirst has found each node's depth and place in it: the rows are placed from those.
      transform: (n: NodeSingular, p: Point) => (rows ??= rowsOf())[n.id()] ?? p,
    } as LayoutOptions,
    eles,
  );
}

export interface LayoutEntry {
  label: string;
  /** Lays out every node (pinned ones stay) and fits the viewport. */
  full(cy: Core, graph: GraphData): Promise<void>;
  /** Places `added` nodes (already at starting positions) while the others stay where they are. */
  incremental(cy: Core, graph: GraphData, added: string[]): Promise<void>;
}

/** A layout that Cytoscape runs in one go, then the filtered nodes placed clear of the rest and a fit. */
function shapedLayout(
  name: 'concentric' | 'hierarchical',
  lay: (cy: Core, graph: GraphData) => Promise<void>,
): LayoutEntry {
  const entry: LayoutEntry = {
    label: LAYOUT_LABELS[name],
    async full(cy, graph) {
      const pins = pinsOf(cy);
      await lay(cy, graph);
      restorePins(cy, pins);
      placeClear(cy, graph, unpinnedFiltered(cy));
      fitShapes(cy);
    },
    async incremental(cy, graph, added) {
      const fresh = new Set(added);
      if (
        cy
          .nodes()
          .filter((n: NodeSingular) => !fresh.has(n.id()))
          .empty()
      )
        return entry.full(cy, graph);
      // Next to what they came from, on no other node; nothing else moves.
      placeClear(
        cy,
        graph,
        added.filter((id) => cy.getElementById(id).nonempty()),
      );
    },
  };
  return entry;
}

export const LAYOUTS: Record<LayoutName, LayoutEntry> = {
  force: {
    label: LAYOUT_LABELS.force,
    async full(cy, graph) {
      const pins = pinsOf(cy);
      // fcose lays out only what is drawn: a pinned node that is not drawn simply is not moved.
      const fixed = [...pins]
        .filter(([id]) => !cy.getElementById(id).hasClass('filtered'))
        .map(([nodeId, position]) => ({ nodeId, position }));
      await forceLayout(cy, fixed);
      restorePins(cy, pins);
      separateDrawn(cy, new Set(pins.keys()));
      // fcose leaves out nodes that are not drawn (filtered out): put them next to their neighbours, so that
      // widening a filter later brings them back where they belong rather than where an old layout left them.
      const shown: Record<string, Point> = {};
      cy.nodes().forEach((n: NodeSingular) => {
        if (!n.hasClass('filtered')) shown[n.id()] = { ...n.position() };
      });
      const filtered = unpinnedFiltered(cy);
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
        // fcose fixes simple nodes only: a group's box follows its members.
        .filter((n: NodeSingular) => !fresh.has(n.id()) && !n.isParent())
        .map((n: NodeSingular) => ({ nodeId: n.id(), position: { ...n.position() } }));
      if (fixed.length === 0) return LAYOUTS.force.full(cy, _graph);
      await forceLayout(cy, fixed, false);
      // The new nodes off the others' shapes; the others stay.
      separateDrawn(cy, new Set(fixed.map((f) => f.nodeId)));
    },
  },
  concentric: shapedLayout('concentric', concentricLayout),
  hierarchical: shapedLayout('hierarchical', (cy) => hierarchicalLayout(cy)),
  timeline: {
    label: LAYOUT_LABELS.timeline,
    async full(cy, graph) {
      // Only what is drawn: a narrowed time window gives a narrower timeline. Pinned nodes stay where they are.
      const shown = cy.nodes().filter((n: NodeSingular) => !n.hasClass('filtered'));
      const { positions } = timelineLayout(
        graph,
        shown.filter((n: NodeSingular) => !n.hasClass('pinned')).map((n: NodeSingular) => n.id()),
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
