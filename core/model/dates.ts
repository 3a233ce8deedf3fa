// Dates at the precision the source gives them: stored as the first day of the period (ISO "2022-09-01") with a
// precision; shown as readers write them: "16 September 2022", "September 2022", "2022". The one formatter of dates.

/** The months' names, January first. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export type DatePrecision = 'day' | 'month' | 'year';

interface Parts {
  year: number;
  month: number;
  day: number;
}

function parse(iso: string): Parts | null {
  const m = /^(-?\d{4,})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

function precisionOf(value: unknown): DatePrecision {
  return value === 'year' || value === 'month' ? value : 'day';
}

function one(p: Parts, precision: DatePrecision): string {
  const month = MONTHS[p.month - 1] ?? '';
  if (precision === 'year') return String(p.year);
  if (precision === 'month') return `${month} ${p.year}`;
  return `${p.day} ${month} ${p.year}`;
}

/**
 * Formats a stored date (ISO, first day of its period) at its precision, and a range when `endDate` is later:
 * "15–16 September 2022", "September–October 2022", "2021–2022". Returns null for a missing or unreadable date.
 */
export function formatDate(
  date: unknown,
  precision?: unknown,
  endDate?: unknown,
  endPrecision?: unknown,
): string | null {
  if (typeof date !== 'string') return null;
  const start = parse(date);
  if (!start) return null;
  const p = precisionOf(precision);
  const end = typeof endDate === 'string' ? parse(endDate) : null;
  const ep = endPrecision === undefined || endPrecision === null ? p : precisionOf(endPrecision);
  const first = one(start, p);
  if (!end) return first;
  const last = one(end, ep);
  if (last === first) return first;
  if (p === ep && start.year === end.year) {
    if (p === 'day' && start.month === end.month) return `${start.day}–${last}`;
    if (p === 'day') return `${start.day} ${MONTHS[start.month - 1]} – ${last}`;
    if (p === 'month') return `${MONTHS[start.month - 1]}–${last}`;
  }
  return `${first} – ${last}`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const isLeap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The last day (ISO) of the period a stored date stands for: "2022-09-01" known to the month → "2022-09-30". */
function lastDay(p: Parts, precision: DatePrecision): string {
  if (precision === 'year') return iso(p.year, 12, 31);
  if (precision === 'month') {
    const days = p.month === 2 && isLeap(p.year) ? 29 : (DAYS_IN_MONTH[p.month - 1] ?? 31);
    return iso(p.year, p.month, days);
  }
  return iso(p.year, p.month, p.day);
}

/**
 * The days a stored date covers, as ISO dates: from its first day to the last day of its period, or of
 * `endDate`'s period when it has one ("2022-01-01" to "2022-07-31" for January-July 2022, both known to the
 * month). `endPrecision` defaults to the date's; an end before the start is ignored. Null for a missing or
 * unreadable date.
 */
export function datePeriod(
  date: unknown,
  precision?: unknown,
  endDate?: unknown,
  endPrecision?: unknown,
): { start: string; end: string } | null {
  if (typeof date !== 'string') return null;
  const first = parse(date);
  if (!first) return null;
  const p = precisionOf(precision);
  const start = iso(first.year, first.month, first.day);
  const own = lastDay(first, p);
  const last = typeof endDate === 'string' ? parse(endDate) : null;
  if (!last) return { start, end: own };
  const end = lastDay(
    last,
    endPrecision === undefined || endPrecision === null ? p : precisionOf(endPrecision),
  );
  return { start, end: end < own ? own : end };
}
