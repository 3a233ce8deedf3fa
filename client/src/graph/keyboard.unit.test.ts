import { describe, expect, it } from 'vitest';
import { nearestInDirection, nearestTo } from './keyboard.ts';

const nodes = [
  { id: 'right-near-but-off', x: 40, y: 35 },
  { id: 'right-ahead', x: 60, y: 2 },
  { id: 'far-right', x: 300, y: 0 },
  { id: 'up', x: 5, y: -80 },
  { id: 'down', x: -10, y: 90 },
  { id: 'left', x: -120, y: 10 },
];

describe('moving between nodes with the arrow keys', () => {
  it('goes to the nearest node in that direction, preferring the one straight ahead', () => {
    const at = { x: 0, y: 0 };
    expect(nearestInDirection(at, nodes, 'right')).toBe('right-ahead');
    expect(nearestInDirection(at, nodes, 'up')).toBe('up');
    expect(nearestInDirection(at, nodes, 'down')).toBe('down');
    expect(nearestInDirection(at, nodes, 'left')).toBe('left');
  });

  it('finds nothing where no node lies that way, and ignores nodes behind or far to the side', () => {
    expect(nearestInDirection({ x: 400, y: 0 }, nodes, 'right')).toBeNull();
    expect(nearestInDirection({ x: 0, y: 0 }, [{ id: 'side', x: 5, y: 100 }], 'right')).toBeNull();
    expect(nearestInDirection({ x: 0, y: 0 }, [], 'up')).toBeNull();
  });

  it('starts from the node nearest the middle of the view when none is selected', () => {
    expect(nearestTo({ x: 290, y: 10 }, nodes)).toBe('far-right');
    expect(nearestTo({ x: 0, y: 0 }, [])).toBeNull();
  });
});
