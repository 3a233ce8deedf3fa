// The projection and the map's placement: places east of others are drawn east of them, nodes at one place do
// not overlap, unlocated nodes go in a grid east of the map, and nodes that arrive keep the others where they are.
import { describe, expect, it } from 'vitest';
import { gridCell, GRID_CELL, mapAdditions, mapPlacement, type MapNode } from './placement.ts';
import { locationOf, project, WORLD_BOUNDS } from './projection.ts';
import { worldOutline } from './outline.ts';

const MOSCOW = { latitude: 55.75, longitude: 37.62 };
const SAMARKAND = { latitude: 39.65, longitude: 66.96 };
const BEIJING = { latitude: 39.91, longitude: 116.4 };
const WASHINGTON = { latitude: 38.9, longitude: -77.04 };

const located = (id: string, location: MapNode['location'], side = 40): MapNode => ({ id, side, location });

/** Whether two placed square boxes overlap. */
const overlap = (a: { x: number; y: number }, b: { x: number; y: number }, side: number) =>
  Math.abs(a.x - b.x) < side && Math.abs(a.y - b.y) < side;

describe('the projection', () => {
  it('draws east to the right and north up, (0°, 0°) at the origin, the world inside its bounds', () => {
    expect(project({ latitude: 0, longitude: 0 })).toEqual({ x: 0, y: 0 });
    const [moscow, samarkand, beijing, washington] = [MOSCOW, SAMARKAND, BEIJING, WASHINGTON].map(project);
    expect(washington!.x).toBeLessThan(moscow!.x);
    expect(moscow!.x).toBeLessThan(samarkand!.x);
    expect(samarkand!.x).toBeLessThan(beijing!.x);
    // Moscow is north of Samarkand: higher on the canvas (a smaller y).
    expect(moscow!.y).toBeLessThan(samarkand!.y);
    expect(WORLD_BOUNDS.x2 - WORLD_BOUNDS.x1).toBeGreaterThan(3500);
    expect(WORLD_BOUNDS.x2 - WORLD_BOUNDS.x1).toBeLessThan(4500);
    for (const p of [moscow, samarkand, beijing, washington]) {
      expect(p!.x).toBeGreaterThan(WORLD_BOUNDS.x1);
      expect(p!.x).toBeLessThan(WORLD_BOUNDS.x2);
    }
  });

  it('reads a node’s coordinates from its properties, and none that are missing or not degrees', () => {
    expect(locationOf({ properties: { latitude: 39.65, longitude: 66.96 } })).toEqual(SAMARKAND);
    expect(locationOf({ properties: { place: 'Samarkand, Uzbekistan' } })).toBeNull();
    expect(locationOf({ properties: { latitude: '39.65', longitude: 66.96 } })).toBeNull();
    expect(locationOf({ properties: { latitude: 95, longitude: 66.96 } })).toBeNull();
    expect(locationOf({ properties: { latitude: 39.65 } })).toBeNull();
  });

  it('draws the world outline from the bundled atlas: sea, land and borders as SVG paths', () => {
    const outline = worldOutline();
    for (const d of [outline.sphere, outline.land, outline.borders]) expect(d).toMatch(/^M-?\d/);
    // Natural Earth's 1:110m land is a few thousand points, not a blank.
    expect(outline.land.length).toBeGreaterThan(10_000);
  });
});

describe('placing the canvas on the map', () => {
  it('puts a node at its place, and nodes at one place around it without overlapping', () => {
    const nodes = [
      located('meeting:sco-summit', SAMARKAND),
      located('meeting:xi-address', SAMARKAND),
      located('meeting:xi-putin', SAMARKAND),
      located('actor:russia', MOSCOW, 80),
      located('actor:china', BEIJING),
    ];
    const at = mapPlacement(nodes);
    expect(at['actor:china']).toEqual(project(BEIJING));
    const samarkand = project(SAMARKAND);
    const ids = ['meeting:sco-summit', 'meeting:xi-address', 'meeting:xi-putin'];
    for (const id of ids) {
      // Near Samarkand: well east of Moscow and west of Beijing.
      expect(Math.hypot(at[id]!.x - samarkand.x, at[id]!.y - samarkand.y)).toBeLessThan(80);
      expect(at[id]!.x).toBeGreaterThan(at['actor:russia']!.x);
      expect(at[id]!.x).toBeLessThan(at['actor:china']!.x);
    }
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) expect(overlap(at[ids[i]!]!, at[ids[j]!]!, 40)).toBe(false);
  });

  it('puts unlocated nodes in a grid east of the map, in the order given, and is the same every time', () => {
    const nodes = [
      located('actor:xi-jinping', null),
      located('meeting:sco-summit', SAMARKAND),
      located('statement:no-limits', null),
    ];
    const at = mapPlacement(nodes);
    expect(at['actor:xi-jinping']).toEqual(gridCell(0));
    expect(at['statement:no-limits']).toEqual(gridCell(1));
    expect(at['actor:xi-jinping']!.x).toBeGreaterThan(WORLD_BOUNDS.x2);
    expect(at['actor:xi-jinping']!.y).toBeGreaterThanOrEqual(WORLD_BOUNDS.y1);
    expect(mapPlacement([...nodes].reverse())['meeting:sco-summit']).toEqual(at['meeting:sco-summit']);
  });

  it('fills the grid down a column as tall as the map, then the next column east', () => {
    const rows = Math.floor((WORLD_BOUNDS.y2 - WORLD_BOUNDS.y1) / GRID_CELL);
    expect(gridCell(1).y - gridCell(0).y).toBe(GRID_CELL);
    expect(gridCell(rows - 1).y).toBeLessThan(WORLD_BOUNDS.y2);
    expect(gridCell(rows)).toEqual({ x: gridCell(0).x + GRID_CELL, y: gridCell(0).y });
  });

  it('places nodes that arrive: a located one off those there, an unlocated one in the first free cell', () => {
    const placed = [
      { id: 'meeting:sco-summit', side: 40, at: project(SAMARKAND) },
      { id: 'actor:xi-jinping', side: 40, at: gridCell(0) },
      { id: 'actor:putin', side: 40, at: gridCell(2) },
    ];
    const at = mapAdditions(
      [located('meeting:xi-putin', SAMARKAND), located('statement:a', null), located('statement:b', null)],
      placed,
    );
    expect(overlap(at['meeting:xi-putin']!, project(SAMARKAND), 40)).toBe(false);
    expect(
      Math.hypot(
        at['meeting:xi-putin']!.x - project(SAMARKAND).x,
        at['meeting:xi-putin']!.y - project(SAMARKAND).y,
      ),
    ).toBeLessThan(60);
    expect(at['statement:a']).toEqual(gridCell(1));
    expect(at['statement:b']).toEqual(gridCell(3));
    // The nodes already placed are not moved.
    expect(Object.keys(at).sort()).toEqual(['meeting:xi-putin', 'statement:a', 'statement:b']);
  });
});
