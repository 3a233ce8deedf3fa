import { describe, expect, it } from 'vitest';
import { boxAt, boxesOverlap, clearArea, pathLine, type PathItem } from './pathLine.ts';

const item = (id: string, width: number, below = 40): PathItem => ({ id, width, above: 12, below });

/** Every pair of boxes, and whether any overlaps. */
function overlapping(items: PathItem[], at: Record<string, { x: number; y: number }>): string[] {
  const out: string[] = [];
  items.forEach((a, i) =>
    items.slice(i + 1).forEach((b) => {
      if (boxesOverlap(boxAt(a, at[a.id]!), boxAt(b, at[b.id]!))) out.push(`${a.id}/${b.id}`);
    }),
  );
  return out;
}

describe('a path laid out as a line', () => {
  it('puts the nodes left to right in order, with room between boxes, centred on 0,0', () => {
    const items = [item('modi', 110), item('summit', 180, 56), item('xi', 80)];
    const at = pathLine(items, { maxWidth: 1000, gaps: [70, 70] });
    expect(at.modi!.x).toBeLessThan(at.summit!.x);
    expect(at.summit!.x).toBeLessThan(at.xi!.x);
    expect(at.modi!.y).toBe(at.xi!.y);
    expect(at.summit!.x - 90 - (at.modi!.x + 55)).toBeCloseTo(70);
    expect(overlapping(items, at)).toEqual([]);
    const left = boxAt(items[0]!, at.modi!).x1;
    const right = boxAt(items[2]!, at.xi!).x2;
    expect(left + right).toBeCloseTo(0);
  });

  it('wraps onto the next row, right to left, when the canvas is too narrow, and still overlaps nothing', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id, i) =>
      item(id, 120 + 40 * (i % 3), 30 + 10 * i),
    );
    const at = pathLine(items, { maxWidth: 500, gaps: items.map(() => 60) });
    expect(overlapping(items, at)).toEqual([]);
    const rows = [...new Set(items.map((i) => at[i.id]!.y))];
    expect(rows.length).toBeGreaterThan(1);
    // The second row runs right to left, starting under the end of the first.
    const second = items.filter((i) => at[i.id]!.y === rows[1]);
    expect(at[second[0]!.id]!.x).toBeGreaterThan(at[second[1]!.id]!.x);
  });

  it('never overlaps boxes, whatever the widths, gaps and canvas', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let run = 0; run < 200; run++) {
      const n = 2 + Math.floor(random() * 6);
      const items = Array.from({ length: n }, (_, i) => ({
        id: `n${i}`,
        width: 20 + random() * 240,
        above: 5 + random() * 30,
        below: 10 + random() * 60,
      }));
      const gaps = items.map(() => random() * 100);
      const at = pathLine(items, { maxWidth: 150 + random() * 900, gaps });
      expect(overlapping(items, at)).toEqual([]);
    }
  });

  it('moves the other nodes under the path out of its area, up or down', () => {
    const area = { x1: 0, x2: 100, y1: 0, y2: 40 };
    const moved = clearArea(
      { above: { x: 50, y: 5 }, below: { x: 50, y: 35 }, away: { x: 300, y: 20 } },
      area,
      10,
    );
    expect(moved).toEqual({ above: { x: 50, y: -10 }, below: { x: 50, y: 50 } });
  });
});
