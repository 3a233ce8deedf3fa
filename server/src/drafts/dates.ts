// Dates written in a text, at the precision the text gives them (core/model/dates.ts): a day ("15 September
// 2022", "September 15, 2022", "2022-09-15"), a month ("September 2022"), a year ("in 2022"), and ranges of each
// ("15–16 September 2022", "January-July 2022", "2021–2022") as a start and an end. A day or month written
// without its year ("On September 9", "In March") takes the year of the text's dateline (its first full date,
// within its first lines), or the year before when that would put it after the dateline; such a date says so
// (`yearInferred`). A bare year counts only after a word that introduces a time ("in", "since", "of", …) or in
// brackets, so that quantities (2000 troops) are not read as years. Web addresses are skipped.
import { MONTHS as FULL_MONTHS, type DatePrecision } from '../../../core/model/dates.ts';
import { overlapsAny, type Span } from './text.ts';

/** A date found in the text, with its span. `date` and `endDate` are the first days of their periods. */
export interface DraftDate {
  start: number;
  end: number;
  text: string;
  date: string;
  precision: DatePrecision;
  /** The end of a range ("January-July 2022": 2022-07-01, month), else null. */
  endDate: string | null;
  endPrecision: DatePrecision | null;
  /** True when the text does not give the year and it was taken from the dateline. */
  yearInferred: boolean;
}

const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|' +
  'Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const FULL_MONTH = `(?:${FULL_MONTHS.join('|')})`;
const DAY = '(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?';
const YEAR = '(?:1[5-9]\\d\\d|20\\d\\d)';
const DASH = '\\s*[-\u2013\u2014]\\s*';
const RANGE = `(?:${DASH}|\\s+(?:to|through|until)\\s+)`;
/** Nothing that continues a number or a word. */
const AFTER = '(?![\\p{L}\\p{N}]|[.,]\\d)';
const BEFORE = '(?<![\\p{L}\\p{N}])';
/** Words after which a month or a bare year names a time. */
const TIME_WORDS = `(?:${'in on since until till by from during through before after of early late mid around circa'
  .split(' ')
  .map((w) => `[${w[0]}${w[0]!.toUpperCase()}]${w.slice(1)}`)
  .join('|')})`;

type Parts = Record<string, string | undefined>;

interface Pattern {
  re: RegExp;
  build(g: Parts): Omit<DraftDate, 'start' | 'end' | 'text'> | null;
  /** The capture group holding the date when the match includes words around it. */
  group?: string;
}

const monthOf = (word: string) =>
  FULL_MONTHS.findIndex((m) => m.slice(0, 3).toLowerCase() === word.slice(0, 3).toLowerCase()) + 1;
const dayOf = (word: string) => Number(/^\d+/.exec(word)![0]);
const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function iso(year: number, month = 1, day = 1): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function single(date: string | null, precision: DatePrecision, yearInferred = false) {
  return date === null ? null : { date, precision, endDate: null, endPrecision: null, yearInferred };
}

function range(
  start: string | null,
  end: string | null,
  precision: DatePrecision,
  yearInferred = false,
): Omit<DraftDate, 'start' | 'end' | 'text'> | null {
  if (start === null || end === null || end <= start) return null;
  return { date: start, precision, endDate: end, endPrecision: precision, yearInferred };
}

const re = (source: string) => new RegExp(source, 'gu');
const Y = (g: Parts, k = 'y') => Number(g[k]);

/** In order: a span taken by an earlier pattern is not read again by a later one. */
const PATTERNS: Pattern[] = [
  {
    re: re(`(?<![\\d-])(?<y>${YEAR})-(?<m>\\d\\d)-(?<d>\\d\\d)(?![\\d-])`),
    build: (g) => single(iso(Y(g), Number(g.m), Number(g.d)), 'day'),
  },
  // 30 September – 2 October 2022; September 30 – October 2, 2022
  {
    re: re(
      `${BEFORE}(?<d1>${DAY})\\s+(?<m1>${MONTH})${DASH}(?<d2>${DAY})\\s+(?<m2>${MONTH}),?\\s+(?<y>${YEAR})${AFTER}`,
    ),
    build: (g) =>
      range(iso(Y(g), monthOf(g.m1!), dayOf(g.d1!)), iso(Y(g), monthOf(g.m2!), dayOf(g.d2!)), 'day'),
  },
  {
    re: re(
      `${BEFORE}(?<m1>${MONTH})\\s+(?<d1>${DAY})${DASH}(?<m2>${MONTH})\\s+(?<d2>${DAY}),?\\s+(?<y>${YEAR})${AFTER}`,
    ),
    build: (g) =>
      range(iso(Y(g), monthOf(g.m1!), dayOf(g.d1!)), iso(Y(g), monthOf(g.m2!), dayOf(g.d2!)), 'day'),
  },
  // 15–16 September 2022; September 15–16, 2022
  {
    re: re(`${BEFORE}(?<d1>${DAY})${DASH}(?<d2>${DAY})\\s+(?<m>${MONTH}),?\\s+(?<y>${YEAR})${AFTER}`),
    build: (g) =>
      range(iso(Y(g), monthOf(g.m!), dayOf(g.d1!)), iso(Y(g), monthOf(g.m!), dayOf(g.d2!)), 'day'),
  },
  {
    re: re(`${BEFORE}(?<m>${MONTH})\\s+(?<d1>${DAY})${DASH}(?<d2>${DAY}),?\\s+(?<y>${YEAR})${AFTER}`),
    build: (g) =>
      range(iso(Y(g), monthOf(g.m!), dayOf(g.d1!)), iso(Y(g), monthOf(g.m!), dayOf(g.d2!)), 'day'),
  },
  // May 2021 – July 2022; January-July 2022
  {
    re: re(`${BEFORE}(?<m1>${MONTH})\\s+(?<y1>${YEAR})${RANGE}(?<m2>${MONTH})\\s+(?<y2>${YEAR})${AFTER}`),
    build: (g) => range(iso(Y(g, 'y1'), monthOf(g.m1!)), iso(Y(g, 'y2'), monthOf(g.m2!)), 'month'),
  },
  {
    re: re(`${BEFORE}(?<m1>${MONTH})${RANGE}(?<m2>${MONTH})\\s+(?<y>${YEAR})${AFTER}`),
    build: (g) => range(iso(Y(g), monthOf(g.m1!)), iso(Y(g), monthOf(g.m2!)), 'month'),
  },
  // 15 September 2022; September 15, 2022; Sept. 15 2022
  {
    re: re(`${BEFORE}(?<d>${DAY})\\s+(?:of\\s+)?(?<m>${MONTH}),?\\s+(?<y>${YEAR})${AFTER}`),
    build: (g) => single(iso(Y(g), monthOf(g.m!), dayOf(g.d!)), 'day'),
  },
  {
    re: re(`${BEFORE}(?<m>${MONTH})\\s+(?<d>${DAY}),?\\s+(?<y>${YEAR})${AFTER}`),
    build: (g) => single(iso(Y(g), monthOf(g.m!), dayOf(g.d!)), 'day'),
  },
  // September 2022
  {
    re: re(`${BEFORE}(?<m>${MONTH}),?\\s+(?:of\\s+)?(?<y>${YEAR})${AFTER}`),
    build: (g) => single(iso(Y(g), monthOf(g.m!)), 'month'),
  },
  // 2021–2022
  {
    re: re(`${BEFORE}(?<![-\u2013\u2014/])(?<y1>${YEAR})${DASH}(?<y2>${YEAR})${AFTER}(?![-\u2013\u2014/])`),
    build: (g) => range(iso(Y(g, 'y1')), iso(Y(g, 'y2')), 'year'),
  },
];

/** Patterns without a year, read after those with one; their year comes from the dateline. */
const YEARLESS: Pattern[] = [
  {
    re: re(`${BEFORE}(?<d1>${DAY})${DASH}(?<d2>${DAY})\\s+(?<m>${MONTH})${AFTER}`),
    build: (g) =>
      range(iso(2000, monthOf(g.m!), dayOf(g.d1!)), iso(2000, monthOf(g.m!), dayOf(g.d2!)), 'day', true),
  },
  {
    re: re(`${BEFORE}(?<m>${MONTH})\\s+(?<d1>${DAY})${DASH}(?<d2>${DAY})${AFTER}`),
    build: (g) =>
      range(iso(2000, monthOf(g.m!), dayOf(g.d1!)), iso(2000, monthOf(g.m!), dayOf(g.d2!)), 'day', true),
  },
  {
    re: re(`${BEFORE}(?<m1>${FULL_MONTH})${DASH}(?<m2>${FULL_MONTH})${AFTER}`),
    build: (g) => range(iso(2000, monthOf(g.m1!)), iso(2000, monthOf(g.m2!)), 'month', true),
  },
  {
    re: re(`${BEFORE}(?<d>${DAY})\\s+(?:of\\s+)?(?<m>${MONTH})${AFTER}(?!\\s*\\d)`),
    build: (g) => single(iso(2000, monthOf(g.m!), dayOf(g.d!)), 'day', true),
  },
  {
    re: re(`${BEFORE}(?<m>${MONTH})\\s+(?<d>${DAY})${AFTER}(?!\\s*(?:%|percent|per\\s+cent))`),
    build: (g) => single(iso(2000, monthOf(g.m!), dayOf(g.d!)), 'day', true),
  },
  // In March; since February; mid-June (not a possessive: "May’s cabinet")
  {
    re: re(`${BEFORE}${TIME_WORDS}[\\s-]+(?<at>(?<m>${FULL_MONTH}))${AFTER}(?!\\s*\\d)(?![\u2019']s)`),
    group: 'at',
    build: (g) => single(iso(2000, monthOf(g.m!)), 'month', true),
  },
];

/** Bare years: after a time word ("in 2022", "since 2018", "mid-2021") or in brackets ("(2022)"). */
const BARE_YEARS: Pattern[] = [
  {
    re: new RegExp(
      `${BEFORE}(?:${TIME_WORDS}|the\\s+year|end\\s+of|start\\s+of|beginning\\s+of|spring|summer|autumn|fall|winter)[\\s-]+(?<at>(?<y>${YEAR}))${AFTER}(?![-\u2013\u2014/]\\d)`,
      'giu',
    ),
    group: 'at',
    build: (g) => single(iso(Y(g)), 'year'),
  },
  {
    re: re(`\\((?<at>(?<y>${YEAR}))\\)`),
    group: 'at',
    build: (g) => single(iso(Y(g)), 'year'),
  },
];

/** Where a match's date stands: the named group `group` when the pattern has one, else the whole match. */
function spanOf(m: RegExpMatchArray, group: string | undefined): Span {
  const start = m.index!;
  if (!group) return { start, end: start + m[0].length };
  const value = m.groups?.[group] ?? '';
  const at = m[0].lastIndexOf(value);
  return { start: start + at, end: start + at + value.length };
}

/** Reads `patterns` in order, keeping the matches that overlap nothing taken before and no address. */
function readAll(
  text: string,
  patterns: Pattern[],
  taken: Span[],
  urls: Span[],
): Array<Span & Omit<DraftDate, 'start' | 'end' | 'text'>> {
  const out: Array<Span & Omit<DraftDate, 'start' | 'end' | 'text'>> = [];
  for (const p of patterns) {
    for (const m of text.matchAll(p.re)) {
      const span = spanOf(m, p.group);
      if (overlapsAny(urls, span.start, span.end)) continue;
      if (taken.some((t) => t.start < span.end && span.start < t.end)) continue;
      const built = p.build(m.groups ?? {});
      if (!built) continue;
      taken.push(span);
      out.push({ ...span, ...built });
    }
  }
  return out;
}

/** The dateline: the first full date (day, with its year) in the text's first 500 characters. */
const DATELINE_WITHIN = 500;

/** Gives a date read without its year the dateline's year (the year before when it would fall after it). */
function withYear<T extends { date: string; endDate: string | null }>(d: T, dateline: string): T {
  const year = Number(dateline.slice(0, 4));
  const shift = (iso: string, y: number) => `${y}${iso.slice(4)}`;
  const valid = (iso: string) => {
    const [y, m, day] = iso.split('-').map(Number) as [number, number, number];
    return day <= daysIn(y, m);
  };
  let y = year;
  if (shift(d.date, y) > dateline) y -= 1;
  const date = shift(d.date, y);
  const endDate = d.endDate === null ? null : shift(d.endDate, y);
  if (!valid(date) || (endDate !== null && !valid(endDate))) return { ...d, date: '' };
  return { ...d, date, endDate };
}

/** Every date in `text` (outside `urls`), in order of where it stands. */
export function findDates(text: string, urls: readonly Span[] = []): DraftDate[] {
  const taken: Span[] = [];
  const withYears = readAll(text, PATTERNS, taken, [...urls]);
  const dateline = withYears
    .filter((d) => d.precision === 'day' && d.start < DATELINE_WITHIN)
    .sort((a, b) => a.start - b.start)[0]?.date;
  const yearless = readAll(text, YEARLESS, taken, [...urls]);
  const bare = readAll(text, BARE_YEARS, taken, [...urls]);
  const dated =
    dateline === undefined ? [] : yearless.map((d) => withYear(d, dateline)).filter((d) => d.date !== '');
  return [...withYears, ...dated, ...bare]
    .sort((a, b) => a.start - b.start)
    .map((d) => ({ ...d, text: text.slice(d.start, d.end) }));
}
