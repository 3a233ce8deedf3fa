// The force layout gives the same picture for the same graph (issue 13: "a different layout on every load").
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { forceLayout } from './registry.ts';
import { seedOf, seededRandom } from './seeded.ts';

const ids = [
  'actor:xi-jinping',
  'actor:vladimir-putin',
  'meeting:sco',
  'actor:narendra-modi',
  'source:a',
  'source:b',
];
const elements = (order: readonly string[]) => [
  ...order.map((id) => ({ data: { id } })),
  ...ids.slice(1).map((id, i) => ({ data: { id: `e${i}`, source: ids[i]!, target: id } })),
];

async function positions(order: readonly string[]) {
  const cy = cytoscape({
    headless: true,
    elements: elements(order),
    style: [{ selector: 'node', style: { width: 30, height: 30 } }],
  });
  await forceLayout(cy);
  return Object.fromEntries(cy.nodes().map((n) => [n.id(), n.position()]));
}

describe('the force layout', () => {
  it('lays the same graph out the same way every time, whatever order its nodes come in', async () => {
    const first = await positions(ids);
    expect(await positions(ids)).toEqual(first);
    expect(await positions([...ids].reverse())).toEqual(first);
    // Not one point for all: the layout did spread them.
    expect(new Set(Object.values(first).map((p) => `${Math.round(p.x)},${Math.round(p.y)}`)).size).toBe(
      ids.length,
    );
  });

  it('leaves Math.random as it was', async () => {
    const before = Math.random;
    await positions(ids);
    expect(Math.random).toBe(before);
  });

  it('seeds from the set of ids, and the generator repeats for a seed', () => {
    expect(seedOf(['b', 'a'])).toBe(seedOf(['a', 'b']));
    expect(seedOf(['a', 'b'])).not.toBe(seedOf(['a', 'c']));
    const [g, h] = [seededRandom(7), seededRandom(7)];
    const draws = Array.from({ length: 5 }, () => g());
    expect(Array.from({ length: 5 }, () => h())).toEqual(draws);
    for (const d of draws) expect(d >= 0 && d < 1).toBe(true);
  });
});
