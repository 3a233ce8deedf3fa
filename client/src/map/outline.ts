// The world outline under the map: land and borders from Natural Earth's 1:110m countries (npm world-atlas, ISC,
// the data public domain), bundled with the page by Vite as JSON, so drawing the map asks nothing of any server.
// Drawn as SVG paths in model coordinates, through the same projection as the nodes (projection.ts).
import { geoPath } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-110m.json';
import { PROJECTION } from './projection.ts';

/** The SVG path data of the map: the sphere (the sea), the land, and the borders between countries. */
export interface WorldOutline {
  sphere: string;
  land: string;
  borders: string;
}

let outline: WorldOutline | null = null;

/** The outline's paths, worked out once (about 0.1 s) the first time the map is shown. */
export function worldOutline(): WorldOutline {
  if (outline) return outline;
  const world = countries as unknown as Topology<{ countries: GeometryCollection; land: GeometryCollection }>;
  // One decimal: a tenth of a model unit is far below a pixel at any zoom the canvas allows.
  const path = geoPath(PROJECTION).digits(1);
  outline = {
    sphere: path({ type: 'Sphere' }) ?? '',
    land: path(feature(world, world.objects.land)) ?? '',
    borders: path(mesh(world, world.objects.countries, (a, b) => a !== b)) ?? '',
  };
  return outline;
}
