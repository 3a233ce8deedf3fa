// Dates as the source gives them: to the day, the month or the year, and ranges.
import { describe, expect, it } from 'vitest';
import { formatDate } from './dates.ts';

describe('formatDate', () => {
  it('writes a date at the precision the source gives', () => {
    expect(formatDate('2022-09-16', 'day')).toBe('16 September 2022');
    expect(formatDate('2022-09-01', 'month')).toBe('September 2022');
    expect(formatDate('2012-01-01', 'year')).toBe('2012');
    expect(formatDate('2022-09-16')).toBe('16 September 2022');
  });

  it('writes ranges compactly', () => {
    expect(formatDate('2022-09-15', 'day', '2022-09-16')).toBe('15–16 September 2022');
    expect(formatDate('2022-08-30', 'day', '2022-09-02')).toBe('30 August – 2 September 2022');
    expect(formatDate('2022-03-01', 'month', '2022-06-01')).toBe('March–June 2022');
    expect(formatDate('2021-01-01', 'year', '2022-01-01')).toBe('2021 – 2022');
    expect(formatDate('2021-12-30', 'day', '2022-01-02')).toBe('30 December 2021 – 2 January 2022');
    expect(formatDate('2022-09-15', 'day', '2022-09-15')).toBe('15 September 2022');
  });

  it('gives null for a missing or unreadable date', () => {
    expect(formatDate(null)).toBeNull();
    expect(formatDate('soon')).toBeNull();
  });
});
