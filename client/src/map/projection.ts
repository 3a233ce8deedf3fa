// Where on the map: the projection of longitude and latitude to the canvas's model coordinates (Natural Earth,
// d3-geo), and a node's coordinates as the seed gives them (`latitude`, `longitude`: a meeting at its place, a
// state at its capital; graph-seed/README.md). The world outline (outline.ts) and the nodes use the same
// projection, so a node sits on its place at every pan and zoom.
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import type { GraphNode } from '../api/types.ts';
import type { Point } from '../graph/layouts/placement.ts';

/** Decimal degrees, north and east positive. */
export interface Location {
  latitude: number;
  longitude: number;
}

/**
 * The world about 4,000 model units wide (1° of longitude about 11 units at the equator): places a few degrees
 * apart (Moscow and Kyiv) stay apart at node sizes (22 to 80), and the whole world still fits a canvas at a zoom
 * the canvas allows. (0°, 0°) is at the origin.
 */
export const PROJECTION = geoNaturalEarth1().scale(730).translate([0, 0]).precision(0.5);

/** The model position of a place. */
export function project(at: Location): Point {
  const [x, y] = PROJECTION([at.longitude, at.latitude])!;
  return { x, y };
}

/** The world's frame (the projected sphere): the map's bounds in model coordinates. */
export const WORLD_BOUNDS = (() => {
  const [[x1, y1], [x2, y2]] = geoPath(PROJECTION).bounds({ type: 'Sphere' });
  return { x1, y1, x2, y2 };
})();

const inRange = (v: unknown, limit: number): v is number =>
  typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= limit;

/** A node's place, or null when it has none (or the values are not degrees). */
export function locationOf(node: Pick<GraphNode, 'properties'>): Location | null {
  const { latitude, longitude } = node.properties;
  return inRange(latitude, 90) && inRange(longitude, 180) ? { latitude, longitude } : null;
}
