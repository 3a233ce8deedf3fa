import { describe, expect, it } from 'vitest';
import { isSlug, slugOf } from './ids.ts';

describe('slugs for ids', () => {
  it('drops accents and punctuation, and leaves nothing of a script it cannot spell', () => {
    expect(slugOf('Xí Jìnpíng’s “No Limits” — 2022!')).toBe('xi-jinping-s-no-limits-2022');
    expect(slugOf('  Café--Society  ')).toBe('cafe-society');
    expect(slugOf('习近平')).toBe('');
  });

  it('cuts a long text at a word within the limit, and a single long word at the limit', () => {
    const title = 'West sees Xi and Modi critique of Putin as shift in view of Ukraine war';
    expect(slugOf(title, 30)).toBe('west-sees-xi-and-modi-critique');
    expect(slugOf(title, 28)).toBe('west-sees-xi-and-modi');
    expect(slugOf('a'.repeat(100), 48)).toBe('a'.repeat(48));
    expect(slugOf(title).length).toBeLessThanOrEqual(80);
    for (const max of [5, 17, 48, 60, 80]) expect(isSlug(slugOf(title, max))).toBe(true);
  });
});
