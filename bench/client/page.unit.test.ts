// When the client benchmark counts a page as interactive (page.ts `interactiveAt`).
import { describe, expect, it } from 'vitest';
import { interactiveAt } from './page.ts';

describe('interactiveAt', () => {
  it('is the first full frame when no long task follows it within the quiet time', () => {
    expect(interactiveAt(1000, [], 500)).toBe(1000);
    expect(interactiveAt(1000, [{ start: 200, duration: 300 }], 500)).toBe(1000);
    expect(interactiveAt(1000, [{ start: 1600, duration: 300 }], 500)).toBe(1000);
  });

  it('is the end of the chain of long tasks that follow it, each within the quiet time of the one before', () => {
    const tasks = [
      { start: 1900, duration: 100 },
      { start: 1050, duration: 200 },
      { start: 1400, duration: 400 },
      { start: 2600, duration: 90 },
    ];
    expect(interactiveAt(1000, tasks, 500)).toBe(2000);
  });

  it('counts a task under way at the first frame', () => {
    expect(interactiveAt(1000, [{ start: 900, duration: 300 }], 500)).toBe(1200);
  });

  it('is unknown without a full frame', () => {
    expect(interactiveAt(null, [{ start: 0, duration: 60 }])).toBeNull();
  });
});
