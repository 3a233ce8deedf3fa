import { describe, expect, it } from 'vitest';
import { chooseLabels, shortLabel, type LabelCandidate } from './labels.ts';

const box = (x: number, y: number, w = 50, h = 14) => ({ x1: x, y1: y, x2: x + w, y2: y + h });

describe('choosing labels', () => {
  it('keeps the more important of two overlapping labels', () => {
    const c: LabelCandidate[] = [
      { id: 'minor', priority: 2, box: box(0, 0) },
      { id: 'hub', priority: 40, box: box(20, 5) },
      { id: 'apart', priority: 1, box: box(200, 0) },
    ];
    expect([...chooseLabels(c)].sort()).toEqual(['apart', 'hub']);
  });

  it('always draws forced labels (selected, hovered, on the path)', () => {
    const c: LabelCandidate[] = [
      { id: 'hub', priority: 40, box: box(0, 0) },
      { id: 'selected', priority: Infinity, box: box(10, 0) },
    ];
    expect([...chooseLabels(c)]).toEqual(['selected']);
  });

  it('shortens long labels with an ellipsis', () => {
    expect(shortLabel('Xi Jinping')).toBe('Xi Jinping');
    const long = shortLabel('For example, as to the current Ukraine problem, the United States and NATO');
    expect(long.length).toBeLessThanOrEqual(32);
    expect(long.endsWith('…')).toBe(true);
  });
});
