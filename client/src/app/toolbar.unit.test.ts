import { describe, expect, it } from 'vitest';
import { movedTo } from './useToolbarFocus.ts';

describe('the toolbar’s roving focus', () => {
  it('moves with the arrow keys (wrapping), Home and End; other keys do not move', () => {
    expect(movedTo('ArrowRight', 0, 3)).toBe(1);
    expect(movedTo('ArrowRight', 2, 3)).toBe(0);
    expect(movedTo('ArrowLeft', 0, 3)).toBe(2);
    expect(movedTo('Home', 2, 3)).toBe(0);
    expect(movedTo('End', 0, 3)).toBe(2);
    expect(movedTo('Tab', 1, 3)).toBeNull();
    expect(movedTo('ArrowRight', 0, 0)).toBeNull();
  });
});
