// The shape of a plain text, for the draft: its paragraphs (split at blank lines), the numbered reference lines
// of its notes, its web addresses, its quotations (text between double quotation marks, curly or straight) and
// its sentences (a quotation is never split). Every span is a pair of character offsets into the text as given
// (UTF-16 code units, as JavaScript's String.slice counts), so `text.slice(start, end)` is the span exactly.

/** A span of the text: `text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/** A quotation: `open` and `close` are the offsets of its two marks (the inner text is open + 1 .. close). */
export interface QuoteMarks {
  open: number;
  close: number;
}

/** What the draft reads from a text before looking for quotes, dates and names. */
export interface TextLayout {
  text: string;
  /** Paragraphs (a numbered reference line is a paragraph of its own), in order. */
  paragraphs: Span[];
  /** The numbered reference lines of the notes ("  1. Author, “Title,” Publisher, 2022."), in order. */
  references: Span[];
  /** Web addresses (http://, https://, www.), in order. */
  urls: Span[];
  /** Every quotation in the text, outside the notes, in order. */
  quotes: QuoteMarks[];
  /** Sentences, in order; a quotation is inside one sentence, whatever full stops it holds. */
  sentences: Span[];
}

const OPENING_CURLY = '\u201C';
const CLOSING_CURLY = '\u201D';
const STRAIGHT = '"';

/** The first span of `spans` (sorted, disjoint) holding offset `at`, or undefined. */
export function spanAt<T extends Span>(spans: readonly T[], at: number): T | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** True when [start, end) overlaps one of `spans` (sorted, disjoint): a binary search. */
export function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  const first = spans[lo];
  return first !== undefined && first.start < end;
}

/** The items of `sorted` (sorted by start) that lie inside `span`: a binary search for the first. */
export function itemsWithin<T extends Span>(sorted: readonly T[], span: Span): T[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start < span.start) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < sorted.length && sorted[i]!.start < span.end; i++) {
    if (sorted[i]!.end <= span.end) out.push(sorted[i]!);
  }
  return out;
}

/** The quotations as spans, marks included (sorted, disjoint), for `overlapsAny`. */
export const quoteSpans = (quotes: readonly QuoteMarks[]): Span[] =>
  quotes.map((q) => ({ start: q.open, end: q.close + 1 }));

const NUMBERED_LINE = /^[ \t]*(?:\[\d{1,3}\]|\d{1,3}[.)])[ \t]+\S/;
const LOOKS_CITED = /(?:\b1[5-9]\d\d\b|\b20\d\d\b|https?:\/\/|www\.)/;

/** The text's lines as spans (without their line breaks). */
function lines(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      const end = i > start && text[i - 1] === '\r' ? i - 1 : i;
      out.push({ start, end });
      start = i + 1;
    }
  }
  return out;
}

/**
 * The reference lines: runs of numbered lines ("1. …", "[1] …") of which most cite something (a year or a web
 * address), as the notes of a memo or report do. A numbered list in the body ("1. First, …") is not one.
 */
function referenceLines(text: string, all: Span[]): Span[] {
  const out: Span[] = [];
  let run: Span[] = [];
  const flush = () => {
    const cited = run.filter((l) => LOOKS_CITED.test(text.slice(l.start, l.end))).length;
    if (run.length > 0 && cited * 2 > run.length) out.push(...run);
    run = [];
  };
  for (const line of all) {
    const content = text.slice(line.start, line.end);
    if (NUMBERED_LINE.test(content)) run.push(line);
    else if (content.trim() !== '') flush();
  }
  flush();
  return out;
}

/** Paragraphs: blocks between blank lines, with every reference line a paragraph of its own. */
function paragraphsOf(text: string, all: Span[], references: Span[]): Span[] {
  const isReference = new Set(references.map((r) => r.start));
  const out: Span[] = [];
  let block: Span | null = null;
  const close = () => {
    if (block) out.push(block);
    block = null;
  };
  for (const line of all) {
    const content = text.slice(line.start, line.end);
    if (content.trim() === '') close();
    else if (isReference.has(line.start)) {
      close();
      out.push({ start: line.start, end: line.end });
    } else if (block) block.end = line.end;
    else block = { start: line.start, end: line.end };
  }
  close();
  return out.map((p) => trimSpan(text, p)).filter((p) => p.end > p.start);
}

/** The span without the white space at either end. */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

const URL = /\b(?:https?:\/\/|www\.)[^\s<>()"\u201C\u201D]+/g;

function urlsOf(text: string): Span[] {
  return [...text.matchAll(URL)].map((m) => {
    let end = m.index + m[0].length;
    while (end > m.index && /[.,;:!?]/.test(text[end - 1]!)) end--;
    return { start: m.index, end };
  });
}

const isSpace = (ch: string | undefined) => ch === undefined || /\s/.test(ch);
const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/**
 * The quotations of one paragraph: a curly “ pairs with the next ” (a second “ before it starts again); a
 * straight " opens after white space or an opening bracket or dash and closes at the next " that no letter or
 * digit follows.
 */
function quotesIn(text: string, p: Span): QuoteMarks[] {
  const out: QuoteMarks[] = [];
  let i = p.start;
  while (i < p.end) {
    const ch = text[i];
    if (ch === OPENING_CURLY) {
      let j = i + 1;
      while (j < p.end && text[j] !== CLOSING_CURLY && text[j] !== OPENING_CURLY) j++;
      if (j < p.end && text[j] === CLOSING_CURLY) {
        out.push({ open: i, close: j });
        i = j + 1;
      } else i = j;
      continue;
    }
    if (
      ch === STRAIGHT &&
      (i === p.start || /[\s([{\u2014\u2013-]/.test(text[i - 1]!)) &&
      !isSpace(text[i + 1])
    ) {
      let j = i + 1;
      while (j < p.end && !(text[j] === STRAIGHT && !isWordChar(text[j + 1]) && !isSpace(text[j - 1]))) j++;
      if (j < p.end) {
        out.push({ open: i, close: j });
        i = j + 1;
        continue;
      }
    }
    i++;
  }
  return out;
}

/** Words a full stop follows without ending a sentence. */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof gen sen rep gov lt col capt sgt adm st jr sr inc ltd co corp no nos vs etc al approx ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e cf fig vol pp'
  ).split(' '),
);

/** Whether the full stop at `at` ends an abbreviation ("U.S.", "Mr.", "Sept."), not a sentence. */
function isAbbreviation(text: string, at: number): boolean {
  let s = at;
  while (s > 0 && /[\p{L}.]/u.test(text[s - 1]!)) s--;
  const word = text.slice(s, at);
  if (/^(?:\p{L}\.)*\p{L}$/u.test(word) && word.replace(/\./g, '').length <= 3 && /\./.test(word))
    return true;
  if (/^\p{Lu}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * The sentences of one paragraph: a sentence ends at . ! or ? (after closing quotation marks, brackets and a
 * footnote number) followed by white space and a capital letter, a digit or an opening quotation mark; never
 * inside a quotation, nor after an abbreviation.
 */
function sentencesIn(text: string, p: Span, quotes: QuoteMarks[]): Span[] {
  const inside = quotes.filter((q) => q.open >= p.start && q.close < p.end);
  const insideQuote = (at: number) => inside.some((q) => at > q.open && at < q.close);
  const closingAt = new Set(inside.map((q) => q.close));
  const out: Span[] = [];
  let start = p.start;
  for (let i = p.start; i < p.end; i++) {
    const ch = text[i]!;
    const endsHere =
      (/[.!?]/.test(ch) && !insideQuote(i) && !(ch === '.' && isAbbreviation(text, i))) ||
      (closingAt.has(i) && /[.!?]/.test(text[i - 1] ?? ''));
    if (!endsHere) continue;
    let j = i + 1;
    while (j < p.end && /["'\u201D\u2019)\]]/.test(text[j]!) && !insideQuote(j)) j++;
    while (j < p.end && /\d/.test(text[j]!)) j++;
    if (j >= p.end) break;
    if (!/\s/.test(text[j]!)) continue;
    let k = j;
    while (k < p.end && /\s/.test(text[k]!)) k++;
    if (k < p.end && /[\p{Lu}\p{N}"\u201C\u2018(]/u.test(text[k]!)) {
      out.push({ start, end: j });
      start = k;
      i = k - 1;
    }
  }
  if (start < p.end) out.push({ start, end: p.end });
  return out;
}

/** Reads the layout of `text`. */
export function layoutOf(text: string): TextLayout {
  const all = lines(text);
  const referenceLinesFound = referenceLines(text, all);
  const paragraphs = paragraphsOf(text, all, referenceLinesFound);
  const references = referenceLinesFound.map((r) => trimSpan(text, r));
  const urls = urlsOf(text);
  const quotes: QuoteMarks[] = [];
  const sentences: Span[] = [];
  for (const p of paragraphs) {
    const found = spanAt(references, p.start)
      ? []
      : quotesIn(text, p).filter((q) => !overlapsAny(urls, q.open, q.close + 1));
    quotes.push(...found);
    sentences.push(...sentencesIn(text, p, found));
  }
  return { text, paragraphs, references, urls, quotes, sentences };
}
