import { describe, expect, it } from 'vitest';
import { differences, ms, percentile, summarize, table } from './stats.ts';

describe('latency summaries', () => {
  it('takes nearest-rank percentiles', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 95)).toBe(95);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('summarises unsorted samples', () => {
    expect(summarize([3, 1, 2, 10])).toEqual({ n: 4, p50: 2, p95: 10, p99: 10, mean: 4, min: 1, max: 10 });
  });

  it('pairs differences by index', () => {
    expect(differences([5, 7, 9], [4, 4])).toEqual([1, 3]);
  });

  it('prints aligned tables and readable numbers', () => {
    expect(ms(1.234)).toBe('1.2');
    expect(ms(1234.5)).toBe('1235');
    expect(ms(Number.NaN)).toBe('–');
    expect(
      table(
        ['case', 'p50'],
        [
          ['search', '1.0'],
          ['node', '12.5'],
        ],
      ),
    ).toBe('case     p50\n------  ----\nsearch   1.0\nnode    12.5');
  });
});
