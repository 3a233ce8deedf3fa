// Reading from and steering the canvas: positions and viewport for saved views, centring on a node, exports.
import type { Core, NodeCollection } from 'cytoscape';
import type { Placement } from '../explorer/state.ts';

/** Every node's position and the viewport, as a saved view stores them. */
export function placementOf(cy: Core): Required<Placement> {
  const positions: Placement['positions'] = {};
  cy.nodes().forEach((n) => {
    const p = n.position();
    positions[n.id()] = { x: p.x, y: p.y };
  });
  return { positions, zoom: cy.zoom(), pan: { ...cy.pan() } };
}

/**
 * Fits the viewport to elements by their shapes alone. Labels keep a constant size on screen (labels.ts), so
 * in model units they grow as the view zooms out; counting them would make every fit zoom out further.
 */
export function fitShapes(
  cy: Core,
  eles: NodeCollection = cy.nodes(':visible'),
  padding = 40,
  maxZoom = 1.6,
): void {
  if (eles.empty()) return;
  const bb = eles.boundingBox({ includeLabels: false, includeOverlays: false });
  const w = Math.max(bb.w, 1);
  const h = Math.max(bb.h, 1);
  const zoom = Math.min(
    Math.max(Math.min((cy.width() - 2 * padding) / w, (cy.height() - 2 * padding) / h), cy.minZoom()),
    Math.min(cy.maxZoom(), maxZoom),
  );
  cy.viewport({
    zoom,
    pan: { x: (cy.width() - zoom * (bb.x1 + bb.x2)) / 2, y: (cy.height() - zoom * (bb.y1 + bb.y2)) / 2 },
  });
}

/**
 * The timeline's viewport: the whole height in view and, when the whole width would make nodes too small to
 * read, the latest dates in view (pan left for earlier ones; the date axis says where you are).
 */
export function fitTimeline(cy: Core, eles: NodeCollection, padding = 30): void {
  if (eles.empty()) return;
  const bb = eles.boundingBox({ includeLabels: false, includeOverlays: false });
  const top = 26; // the date axis
  const byWidth = (cy.width() - 2 * padding) / Math.max(bb.w, 1);
  const byHeight = (cy.height() - top - 2 * padding) / Math.max(bb.h, 1);
  const zoom = Math.min(byHeight, Math.max(byWidth, 0.4), 1.2);
  const fitsWidth = bb.w * zoom <= cy.width() - 2 * padding;
  cy.viewport({
    zoom,
    pan: {
      x: fitsWidth ? (cy.width() - zoom * (bb.x1 + bb.x2)) / 2 : cy.width() - padding - zoom * bb.x2,
      y: top + (cy.height() - top - zoom * (bb.y1 + bb.y2)) / 2,
    },
  });
}

/** Moves the viewport so the node is in the middle, zooming in if the view is far out. */
export function centreOn(cy: Core, id: string): void {
  const node = cy.getElementById(id);
  if (node.empty()) return;
  // The pan is computed from the node's position: `center: { eles }` would centre its box, label included.
  const zoom = Math.max(cy.zoom(), 1);
  const p = node.position();
  cy.stop();
  cy.animate(
    { zoom, pan: { x: cy.width() / 2 - zoom * p.x, y: cy.height() / 2 - zoom * p.y } },
    { duration: 250 },
  );
}

/** The canvas as a PNG blob at twice the screen resolution, on white. */
export function pngOf(cy: Core): Blob {
  return cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }) as unknown as Blob;
}

/** The canvas as a PNG data URI, the same picture as `pngOf`, for drawing into a larger one. */
export function pngUriOf(cy: Core): string {
  return cy.png({ output: 'base64uri', full: true, scale: 2, bg: '#ffffff' });
}

/** Offers a blob to the user as a download. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
