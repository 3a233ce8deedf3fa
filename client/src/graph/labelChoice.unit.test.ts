import { describe, expect, it } from 'vitest';
import { chooseLabels, overlaps, shortLabel, type Box, type LabelCandidate } from './labelChoice.ts';

const box = (x: number, y: number, w = 50, h = 14): Box => ({ x1: x, y1: y, x2: x + w, y2: y + h });
const label = (id: string, priority: number, ...options: Box[]): LabelCandidate => ({
  id,
  priority,
  options,
});
const drawn = (chosen: Map<string, number>) => [...chosen.keys()].sort();

/** Nodes at model positions, seen at `zoom`: a 10-unit shape and a label 60x14 px under it (constant on screen). */
function seenAt(
  zoom: number,
  nodes: { id: string; x: number; y: number; degree: number }[],
): LabelCandidate[] {
  return nodes.map((n) => {
    const [x, y] = [n.x * zoom, n.y * zoom];
    const half = 5 * zoom;
    return {
      id: n.id,
      priority: n.degree,
      body: { x1: x - half, y1: y - half, x2: x + half, y2: y + half },
      options: [{ x1: x - 30, y1: y + half, x2: x + 30, y2: y + half + 14 }],
    };
  });
}

describe('choosing labels', () => {
  it('keeps the more important of two overlapping labels', () => {
    const c = [label('minor', 2, box(0, 0)), label('hub', 40, box(20, 5)), label('apart', 1, box(200, 0))];
    expect(drawn(chooseLabels(c))).toEqual(['apart', 'hub']);
  });

  it('always draws forced labels (selected, hovered, on the path), whatever they cover', () => {
    const c: LabelCandidate[] = [
      label('hub', 40, box(0, 0)),
      { ...label('selected', Infinity, box(10, 0)), body: box(10, -20, 20, 20) },
      { ...label('covered', 1, box(300, 0)), body: box(20, 2, 10, 10) },
      { ...label('apart', 1, box(400, 0)), body: box(400, -20, 10, 10) },
    ];
    // The hub's label is in the way; the node under the selected label goes without its own.
    expect(drawn(chooseLabels(c))).toEqual(['apart', 'selected']);
  });

  it('breaks ties by id, whatever the order it is given', () => {
    const c = [label('b', 5, box(0, 0)), label('a', 5, box(10, 0)), label('c', 5, box(20, 0))];
    expect(drawn(chooseLabels(c))).toEqual(['a']);
    expect(drawn(chooseLabels([...c].reverse()))).toEqual(['a']);
  });

  it('draws no label over another node’s shape, though over its own', () => {
    const c: LabelCandidate[] = [
      { ...label('hub', 9, box(0, 20)), body: box(20, 0, 20, 20) },
      { ...label('minor', 1, box(0, 100)), body: box(10, 25, 10, 10) },
    ];
    expect(drawn(chooseLabels(c))).toEqual(['minor']);
  });

  it('takes the first place where the label fits: beside or above its node when under it is taken', () => {
    const under = box(0, 20);
    const beside = box(30, 5);
    const c: LabelCandidate[] = [
      { ...label('hub', 9, box(0, 40)), body: box(0, 40, 50, 20) },
      { ...label('node', 1, under, beside), body: box(10, 5, 15, 15) },
    ];
    expect(chooseLabels(c).get('node')).toBe(0);
    expect(chooseLabels([{ ...c[0]!, body: box(0, 30, 50, 20) }, c[1]!]).get('node')).toBe(1);
  });

  it('lets a landmark cover much smaller nodes, which then go unlabelled, when it has no free place', () => {
    const c: LabelCandidate[] = [
      { ...label('hub', 20, box(0, 20)), body: box(10, 0, 30, 20), weight: 20 },
      { ...label('leaf', 2, box(200, 0)), body: box(20, 25, 10, 10), weight: 2 },
      { ...label('mid', 9, box(100, 100)), body: box(100, 70, 20, 20), weight: 9 },
    ];
    expect(drawn(chooseLabels(c))).toEqual(['leaf', 'mid']);
    const landmark = { from: 8, ratio: 4 };
    expect(drawn(chooseLabels(c, { landmark }))).toEqual(['hub', 'mid']);
    // Not over a node more than a quarter its size.
    const bigLeaf = c.map((x) => (x.id === 'leaf' ? { ...x, weight: 6 } : x));
    expect(drawn(chooseLabels(bigLeaf, { landmark }))).toEqual(['leaf', 'mid']);
    // Nor when it is no landmark.
    const small = c.map((x) => (x.id === 'hub' ? { ...x, weight: 7 } : x));
    expect(drawn(chooseLabels(small, { landmark }))).toEqual(['leaf', 'mid']);
  });

  it('draws no label cut off at the edge of the canvas, unless forced', () => {
    const bounds = { x1: 0, y1: 0, x2: 300, y2: 200 };
    const c = [
      label('edge', 5, box(270, 0)),
      label('in', 1, box(100, 100)),
      label('sel', Infinity, box(-20, 0)),
    ];
    expect(drawn(chooseLabels(c, { bounds }))).toEqual(['in', 'sel']);
    expect(chooseLabels([label('edge', 5, box(270, 0), box(240, 0, 40))], { bounds }).get('edge')).toBe(1);
  });

  it('keeps a few pixels between labels', () => {
    const c = [label('a', 2, box(0, 0)), label('b', 1, box(51, 0))];
    expect(drawn(chooseLabels(c))).toEqual(['a']);
    expect(drawn(chooseLabels(c, { gap: 0 }))).toEqual(['a', 'b']);
  });

  it('draws a shorter form where the whole label does not fit', () => {
    const c = [label('hub', 9, box(0, 0)), label('long', 1, box(60, 0, 120), box(60, 0, 40))];
    expect(chooseLabels(c)).toEqual(
      new Map([
        ['hub', 0],
        ['long', 0],
      ]),
    );
    const crowded = [...c, label('right', 5, box(120, 0))];
    expect(chooseLabels(crowded).get('long')).toBe(1);
    expect(chooseLabels([...crowded, label('left', 5, box(55, 0, 10))]).has('long')).toBe(false);
  });

  it('brings labels back as the view zooms in', () => {
    const nodes = Array.from({ length: 30 }, (_, i) => ({
      id: `n${i}`,
      x: (i % 6) * 40,
      y: Math.floor(i / 6) * 20,
      degree: i % 7,
    }));
    const near = chooseLabels(seenAt(1, nodes));
    const nearer = chooseLabels(seenAt(2, nodes));
    const nearest = chooseLabels(seenAt(4, nodes));
    expect(near.size).toBeGreaterThan(0);
    expect(nearer.size).toBeGreaterThan(near.size);
    expect(nearest.size).toBe(nodes.length);
  });

  it('leaves no two drawn labels overlapping and none over another shape, on a crowded canvas', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const nodes = Array.from({ length: 400 }, (_, i) => ({
      id: `n${i}`,
      x: random() * 1200,
      y: random() * 800,
      degree: Math.floor(random() * 20),
    }));
    const candidates = seenAt(1, nodes);
    const chosen = chooseLabels(candidates);
    expect(chosen.size).toBeGreaterThan(20);
    const shown = candidates.filter((c) => chosen.has(c.id));
    for (const [i, a] of shown.entries()) {
      for (const b of shown.slice(i + 1)) expect(overlaps(a.options[0]!, b.options[0]!)).toBe(false);
      for (const b of candidates) if (b !== a) expect(overlaps(a.options[0]!, b.body!)).toBe(false);
    }
  });
});

describe('short labels', () => {
  it('shortens long labels with an ellipsis', () => {
    expect(shortLabel('Xi Jinping')).toBe('Xi Jinping');
    const long = shortLabel('For example, as to the current Ukraine problem, the United States and NATO');
    expect(long.length).toBeLessThanOrEqual(32);
    expect(long.endsWith('…')).toBe(true);
    expect(shortLabel('Shanghai Cooperation Organisation', 16)).toBe('Shanghai Cooper…');
  });
});
