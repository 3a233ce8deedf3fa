// The concentric layout by degree: the node with the most relationships in the middle, the rest on rings around
// it, the better connected nearer the centre. Rings are filled in order of degree (then id, so the picture never
// depends on the order nodes arrived in), each holding about as many nodes as its circumference has room for: one
// in the middle, then 6, 12, 18… Cytoscape's `concentric` layout draws the rings (registry.ts); this module only
// says which ring and which place on it each node gets.

/** Where a node goes: its ring (0 is the centre) and its place on that ring, clockwise from the top. */
export interface RingPlace {
  ring: number;
  index: number;
}

/** How many nodes ring `ring` holds: the centre holds one, ring k about as many as 2πk node spacings. */
export const ringCapacity = (ring: number) => (ring === 0 ? 1 : 6 * ring);

/** The ring and place of each node: by degree, highest first, ties by id. */
export function concentricRings(
  ids: readonly string[],
  degreeOf: (id: string) => number,
): Map<string, RingPlace> {
  const sorted = [...ids].sort((a, b) => degreeOf(b) - degreeOf(a) || (a < b ? -1 : a > b ? 1 : 0));
  const out = new Map<string, RingPlace>();
  let ring = 0;
  let index = 0;
  for (const id of sorted) {
    if (index >= ringCapacity(ring)) {
      ring++;
      index = 0;
    }
    out.set(id, { ring, index: index++ });
  }
  return out;
}

/** Values of one ring are within this of each other, and a whole step from the next ring's (levelWidth). */
export const RING_STEP = 1_000_000;

/**
 * The number Cytoscape's `concentric` option wants for each node (higher goes nearer the centre), with
 * `levelWidth: () => RING_STEP`: one level per ring, and on a ring the order of `concentricRings`.
 */
export function concentricValue(place: RingPlace, rings: number): number {
  return (rings - place.ring) * RING_STEP - place.index;
}

/**
 * Spacing between node shapes that keeps their boxes apart. Cytoscape keeps node centres at least
 * `largest + spacing` apart, in any direction; two squares of side `largest` whose centres are that far apart
 * diagonally still overlap unless the distance is at least √2 × `largest`.
 */
export function ringSpacing(largest: number, gap = 14): number {
  return Math.ceil(largest * (Math.SQRT2 - 1)) + gap;
}
