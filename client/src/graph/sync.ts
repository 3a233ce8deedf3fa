// Bringing the Cytoscape canvas in line with the explorer state: nodes that arrive start at their preset or
// remembered place, else next to a placed neighbour (on a spiral for a new graph); then the layout the change
// calls for, if any.
import type { Core } from 'cytoscape';
import type { ExplorerState } from '../explorer/state.ts';
import { fitPoints, fitShapes } from './canvas.ts';
import { nodeSize } from './kinds.ts';
import { LAYOUTS } from './layouts/registry.ts';
import { MAP_LAYOUT } from '../map/layout.ts';
import { placeNear, spiral, type Point } from './layouts/placement.ts';
import { applyClasses, syncElements } from './project.ts';
import { applyGroups } from '../groups/canvas.ts';
import { NO_PROJECTION, type GroupProjection } from '../groups/groups.ts';

/** A layout to run on the canvas once the ones before it are done. */
export type LayoutJob = (cy: Core) => Promise<void>;

/**
 * Syncs the canvas's elements and classes with `state` and returns the layout to run, if any. `memo` holds the
 * positions of nodes seen before (a removed node that comes back returns to its place); a new layout epoch
 * (a new graph, a layout switch) forgets them. `groups` are drawn over the graph (client/src/groups).
 */
export function syncCanvas(
  cy: Core,
  state: ExplorerState,
  memo: Map<string, Point>,
  epochChanged: boolean,
  groups: GroupProjection = NO_PROJECTION,
): LayoutJob | null {
  cy.nodes().forEach((n) => {
    memo.set(n.id(), { ...n.position() });
  });
  const preset = epochChanged ? state.layout.preset : undefined;
  if (epochChanged) memo.clear();

  // Where each arriving node starts: its preset or remembered place, else next to a placed neighbour.
  const placed: Record<string, Point> = {};
  cy.nodes().forEach((n) => {
    if (state.graph.nodes[n.id()]) placed[n.id()] = { ...n.position() };
  });
  const arriving = Object.keys(state.graph.nodes).filter((id) => cy.getElementById(id).empty());
  const known = (id: string) => preset?.positions[id] ?? memo.get(id);
  const unplaced = arriving.filter((id) => !known(id));
  // A new graph with no stored places starts on a spiral, drawn at once while its layout is worked out.
  const computed =
    epochChanged && !preset
      ? spiral(unplaced, state.graph)
      : placeNear(unplaced, state.graph, { ...placed, ...preset?.positions });
  const startAt = (id: string) => known(id) ?? computed[id];
  // The viewport before the nodes arrive, so that their labels are sized for it from the start (labels.ts keeps
  // them a constant size on screen) and need no second pass over their styles: the stored one, or, for a new
  // graph, the fit of where its nodes start (drawn in view at once; its layout fits it again).
  if (preset?.zoom !== undefined && preset.pan) cy.viewport({ zoom: preset.zoom, pan: { ...preset.pan } });
  else if (epochChanged && arriving.length > 0 && arriving.length === Object.keys(state.graph.nodes).length) {
    const view = fitPoints(
      arriving.map((id) => ({
        ...(startAt(id) ?? { x: 0, y: 0 }),
        size: nodeSize(state.graph.nodes[id]!.degree),
      })),
      {
        width: cy.width(),
        height: cy.height(),
        padding: 40,
        minZoom: cy.minZoom(),
        maxZoom: Math.min(cy.maxZoom(), 1.6),
      },
    );
    if (view) cy.viewport(view);
  }
  const added = syncElements(cy, state, startAt);
  applyClasses(cy, state);
  // Groups before any layout runs, so that the force layout keeps each group's members together.
  applyGroups(cy, groups);

  // On the map (client/src/map), its placement stands in for the chosen layout until the map is left.
  const layout = state.map ? MAP_LAYOUT : LAYOUTS[state.layout.name];
  let job: LayoutJob | null = null;
  if (epochChanged && cy.nodes().nonempty()) {
    if (preset) {
      const { zoom, pan } = preset;
      const missing = unplaced.length > 0;
      job = async (c) => {
        if (missing) await layout.incremental(c, state.graph, unplaced);
        if (zoom !== undefined && pan) c.viewport({ zoom, pan });
        else fitShapes(c);
      };
    } else job = (c) => layout.full(c, state.graph);
  } else if (!epochChanged && added.some((id) => !memo.has(id))) {
    const fresh = added.filter((id) => !memo.has(id));
    job = (c) => layout.incremental(c, state.graph, fresh);
  }
  return job;
}
