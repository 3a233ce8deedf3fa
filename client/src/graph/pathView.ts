// Showing a path on the canvas: its nodes laid out as a line from source to target (layouts/pathLine.ts), other
// nodes under it moved aside, and the viewport on it. In the timeline layout, where places mean dates, the
// path is only brought into view.
import type { Core, NodeSingular } from 'cytoscape';
import { fitShapes } from './canvas.ts';
import { boxAt, clearArea, pathLine, type PathItem } from './layouts/pathLine.ts';

/** The zoom a path is shown at, and the room kept around it, in screen pixels. */
const PATH_ZOOM = 1;
const MARGIN = 40;
/** Room around a node's box: its path border and a little air. */
const BORDER = 6;

/** The node's extent on screen at PATH_ZOOM: its shape and its label (which keeps its size on screen). */
function itemOf(n: NodeSingular): PathItem {
  const size = (n.data('size') as number) * PATH_ZOOM + 2 * BORDER;
  const label = n.renderedBoundingBox({
    includeNodes: false,
    includeEdges: false,
    includeLabels: true,
    includeOverlays: false,
  });
  const labelW = Number.isFinite(label.w) ? label.w : 0;
  const labelH = Number.isFinite(label.h) ? label.h : 0;
  return {
    id: n.id(),
    width: Math.max(size, labelW + BORDER),
    above: size / 2,
    below: size / 2 + labelH + 4,
  };
}

/** Room for a relationship between two boxes: its type's label (drawn on path relationships) and some air. */
function gapFor(type: string | undefined): number {
  return Math.max(48, (type ?? '').length * 7.5 + 28);
}

/** Lays the path out as a line and shows it. */
export function showPathOnCanvas(
  cy: Core,
  path: { nodeIds: string[]; edgeIds: string[] },
  asLine: boolean,
): void {
  let nodes = cy.collection();
  for (const id of path.nodeIds) nodes = nodes.union(cy.getElementById(id));
  if (nodes.empty()) return;
  if (!asLine) {
    fitShapes(cy, nodes, 90, 1.1);
    return;
  }
  const items = path.nodeIds
    .filter((id) => cy.getElementById(id).nonempty())
    .map((id) => itemOf(cy.getElementById(id) as NodeSingular));
  const gaps = path.edgeIds.map((id) => gapFor(cy.getElementById(id).data('type') as string | undefined));
  const screen = pathLine(items, { maxWidth: Math.max(cy.width() - 2 * MARGIN, 200), gaps });
  // Around the path's present centre, so the picture does not jump elsewhere.
  const bb = nodes.boundingBox({ includeLabels: false, includeOverlays: false });
  const centre = { x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2 };
  const model = (p: { x: number; y: number }) => ({
    x: centre.x + p.x / PATH_ZOOM,
    y: centre.y + p.y / PATH_ZOOM,
  });
  const boxes = items.map((item) => boxAt(item, screen[item.id]!));
  const area = {
    x1: centre.x + Math.min(...boxes.map((b) => b.x1)) / PATH_ZOOM,
    x2: centre.x + Math.max(...boxes.map((b) => b.x2)) / PATH_ZOOM,
    y1: centre.y + Math.min(...boxes.map((b) => b.y1)) / PATH_ZOOM,
    y2: centre.y + Math.max(...boxes.map((b) => b.y2)) / PATH_ZOOM,
  };
  const onPath = new Set(path.nodeIds);
  const others: Record<string, { x: number; y: number }> = {};
  // Childless only: moving a group's box (client/src/groups) would move its members with it.
  cy.nodes(':visible:childless').forEach((n) => {
    if (!onPath.has(n.id())) others[n.id()] = { ...n.position() };
  });
  const moved = clearArea(others, area, MARGIN / PATH_ZOOM);
  cy.batch(() => {
    for (const item of items) cy.getElementById(item.id).position(model(screen[item.id]!));
    for (const [id, p] of Object.entries(moved)) cy.getElementById(id).position(p);
  });
  cy.stop();
  cy.viewport({
    zoom: PATH_ZOOM,
    pan: { x: cy.width() / 2 - PATH_ZOOM * centre.x, y: cy.height() / 2 - PATH_ZOOM * centre.y },
  });
}
