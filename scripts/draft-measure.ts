// `npm run measure:draft`: how much of the memo's hand-made graph a draft from its plain text proposes correctly
// (issue 15, item 3; docs/draft-from-text.md). The draft (server/src/drafts) reads the memo's text.txt twice:
//
//   - with no known names: the graph emptied of the memo. The repository's graph holds only the memo, so without
//     it the graph knows no names at all; every speaker is then a name read from the text;
//   - with the memo's own names known: its actors', meetings' and agreements' names and aliases, as the graph
//     holds them once the memo is loaded.
//
// and compares each draft with the hand-made graph (graph-seed/documents/no-limits-memo, read and validated by
// the seed loader):
//
//   quotes    the hand-made quotes are the statements whose text stands right after an opening quotation mark in
//             one of their passages (21 of the memo's 49 statements; the others are the memo's own claims, which
//             no quotation mark shows); a proposed quote is right when its span overlaps one of theirs.
//   speakers  of the hand-made quotes found, those whose proposed speaker is one of the statement's SAID actors:
//             the same entity, or (a name the graph does not know) one of its names or aliases, compared without
//             case, accents or a leading "the". A statement without a SAID actor wants no speaker.
//   dates     a proposed date is right when an item of the hand-made graph has that date (value and precision; a
//             range its start and end) and the date stands in one of the item's passages, in the footnote of a
//             source, or anywhere for the document's own date. Recall is over the distinct dates the hand-made
//             graph holds (its nodes' date, endDate and accessed, its relationships' dates).
//   quote dates  of the hand-made quotes found, those whose proposed date is the statement's (value and precision).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDocuments } from '../graph-seed/src/read.ts';
import { formatSeedError } from '../graph-seed/src/files.ts';
import { locatePassage, searchableText } from '../graph-seed/src/passages.ts';
import type { SeedDocument } from '../core/model/documents.ts';
import { draftFromText, type DocumentDraft, type KnownName } from '../server/src/drafts/draft.ts';

const root = path.resolve(import.meta.dirname, '..');
export const MEMO = 'no-limits-memo';
export const MEMO_DIR = path.join(root, 'graph-seed/documents', MEMO);

interface Span {
  start: number;
  end: number;
}

/** A date as compared: value and precision, and a range's end. */
const dateKey = (date: unknown, precision: unknown, endDate?: unknown, endPrecision?: unknown) =>
  `${String(date)}/${String(precision ?? 'day')}${endDate ? ` - ${String(endDate)}/${String(endPrecision ?? precision ?? 'day')}` : ''}`;

export interface GoldQuote {
  id: string;
  /** Where its quote stands in the text (one per passage that holds it after a quotation mark). */
  spans: Span[];
  /** Its SAID actors, with every name the memo gives each. */
  speakers: Array<{ id: string; names: string[] }>;
  date: string;
}

export interface Gold {
  text: string;
  quotes: GoldQuote[];
  /** Every dated item: its date's key and where the text states it (null: anywhere, the document's own date). */
  dates: Array<{ key: string; spans: Span[] | null }>;
  /** The memo's actors, meetings and agreements, as the graph would know them. */
  names: KnownName[];
}

/** The memo as the seed loader reads and validates it. */
export function readMemo(): SeedDocument {
  const read = readDocuments(path.dirname(MEMO_DIR));
  if (!read.ok) throw new Error(read.errors.map(formatSeedError).join('\n'));
  const memo = read.documents.find((d) => d.name === MEMO);
  if (!memo?.text) throw new Error(`${MEMO} has no text`);
  return memo;
}

const OPENING = new Set(['\u201C', '"']);

/** The hand-made graph's quotes, speakers, dates and names. */
export function goldOf(doc: SeedDocument): Gold {
  const text = doc.text!;
  const byId = new Map(doc.nodes.map((n) => [n.id, n] as const));
  const namesOf = (id: string): string[] => {
    const p = byId.get(id)?.props ?? {};
    return [p.name, p.title, ...(Array.isArray(p.aliases) ? p.aliases : [])].filter(
      (x): x is string => typeof x === 'string',
    );
  };
  const quotes: GoldQuote[] = [];
  for (const n of doc.nodes.filter((x) => x.kind === 'STATEMENT')) {
    const starts = n.props.passageStarts as number[];
    const ends = n.props.passageEnds as number[];
    const spans: Span[] = [];
    for (const [i, start] of starts.entries()) {
      const found = locatePassage(searchableText(text.slice(start, ends[i])), String(n.props.text));
      if (!found) continue;
      const at = { start: start + found.start, end: start + found.end };
      if (OPENING.has(text[at.start - 1]!)) spans.push(at);
    }
    if (spans.length === 0) continue;
    const speakers = doc.relationships
      .filter((r) => r.type === 'SAID' && r.to === n.id)
      .map((r) => ({ id: r.from, names: namesOf(r.from) }));
    quotes.push({ id: n.id, spans, speakers, date: dateKey(n.props.date, n.props.datePrecision) });
  }
  const footnoteLine = (footnote: unknown): Span[] => {
    const m = new RegExp(`^[ \\t]*${String(footnote)}\\.[ \\t].*$`, 'm').exec(text);
    return m ? [{ start: m.index, end: m.index + m[0].length }] : [];
  };
  const passagesOf = (props: Record<string, unknown>): Span[] => {
    const starts = (props.passageStarts as number[] | undefined) ?? [];
    const ends = (props.passageEnds as number[] | undefined) ?? [];
    return starts.map((start, i) => ({ start, end: ends[i]! }));
  };
  const dates: Gold['dates'] = [];
  for (const n of doc.nodes) {
    const p = n.props;
    const spans =
      n.id === doc.sourceId ? null : n.kind === 'SOURCE' ? footnoteLine(p.footnote) : passagesOf(p);
    if (p.date) dates.push({ key: dateKey(p.date, p.datePrecision, p.endDate, p.endDatePrecision), spans });
    if (p.accessed) dates.push({ key: dateKey(p.accessed, p.accessedPrecision), spans });
  }
  for (const r of doc.relationships) {
    const p = r.props;
    if (p.date) {
      dates.push({
        key: dateKey(p.date, p.datePrecision, p.endDate, p.endDatePrecision),
        spans: passagesOf(p),
      });
    }
  }
  const names: KnownName[] = doc.nodes
    .filter((n) => n.kind === 'ACTOR' || n.kind === 'MEETING' || n.kind === 'AGREEMENT')
    .map((n) => ({ id: n.id, kind: n.kind, label: String(n.props.name), names: namesOf(n.id) }));
  return { text, quotes, dates, names };
}

/** A name as compared: without case, accents, a leading "the", and with straight apostrophes. */
export function comparableName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

export interface Figures {
  quotes: { proposed: number; right: number; handMade: number; found: number };
  speakers: { handMade: number; proposedOnFound: number; right: number; noneRight: number };
  dates: { proposed: number; right: number; distinct: number; distinctFound: number };
  quoteDates: { found: number; right: number };
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** Compares `draft` with the hand-made graph `gold`. */
export function measure(draft: DocumentDraft, gold: Gold): Figures {
  const quotes = { proposed: draft.quotes.length, right: 0, handMade: gold.quotes.length, found: 0 };
  const speakers = {
    handMade: gold.quotes.filter((q) => q.speakers.length > 0).length,
    proposedOnFound: 0,
    right: 0,
    noneRight: 0,
  };
  const quoteDates = { found: 0, right: 0 };
  for (const p of draft.quotes) {
    if (gold.quotes.some((g) => g.spans.some((s) => overlaps(p, s)))) quotes.right += 1;
  }
  for (const g of gold.quotes) {
    const p = draft.quotes.find((q) => g.spans.some((s) => overlaps(q, s)));
    if (!p) continue;
    quotes.found += 1;
    quoteDates.found += 1;
    if (p.date && dateKey(p.date.date, p.date.precision, p.date.endDate, p.date.endPrecision) === g.date) {
      quoteDates.right += 1;
    }
    if (p.speaker) speakers.proposedOnFound += 1;
    if (g.speakers.length === 0) {
      if (!p.speaker) speakers.noneRight += 1;
      continue;
    }
    const s = p.speaker;
    if (!s) continue;
    const right = g.speakers.some((a) =>
      s.entityId !== null
        ? s.entityId === a.id
        : a.names.some((n) => comparableName(n) === comparableName(s.text)),
    );
    if (right) speakers.right += 1;
  }
  const keyOf = (d: DocumentDraft['dates'][number]) =>
    dateKey(d.date, d.precision, d.endDate, d.endPrecision);
  const distinct = new Set(gold.dates.map((d) => d.key));
  const proposedKeys = new Set(draft.dates.map(keyOf));
  const dates = {
    proposed: draft.dates.length,
    right: draft.dates.filter((d) =>
      gold.dates.some((g) => g.key === keyOf(d) && (g.spans === null || g.spans.some((s) => overlaps(d, s)))),
    ).length,
    distinct: distinct.size,
    distinctFound: [...distinct].filter((k) => proposedKeys.has(k)).length,
  };
  return { quotes, speakers, dates, quoteDates };
}

/** The two measurements: the graph emptied of the memo (no names known), and the memo's names known. */
export function measureMemo(): { emptied: Figures; withNames: Figures; gold: Gold } {
  const gold = goldOf(readMemo());
  const text = readFileSync(path.join(MEMO_DIR, 'text.txt'), 'utf8');
  if (text !== gold.text) throw new Error('text.txt differs from what the seed loader read');
  return {
    emptied: measure(draftFromText(text, []), gold),
    withNames: measure(draftFromText(text, gold.names), gold),
    gold,
  };
}

const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${Math.round((100 * a) / b)}%`);

/** The figures as the script prints them (docs/draft-from-text.md quotes this). */
export function report(name: string, f: Figures): string {
  const s = f.speakers;
  return [
    `${name}:`,
    `  quotes     proposed ${f.quotes.proposed}, right ${f.quotes.right} (precision ${pct(f.quotes.right, f.quotes.proposed)}); hand-made ${f.quotes.handMade}, found ${f.quotes.found} (recall ${pct(f.quotes.found, f.quotes.handMade)})`,
    `  speakers   hand-made quotes with a speaker ${s.handMade}, right speaker ${s.right} (recall ${pct(s.right, s.handMade)}); speakers proposed on found quotes ${s.proposedOnFound}, right ${s.right} (precision ${pct(s.right, s.proposedOnFound)}); quotes without a speaker left without one ${s.noneRight}`,
    `  dates      proposed ${f.dates.proposed}, right ${f.dates.right} (precision ${pct(f.dates.right, f.dates.proposed)}); distinct dates of the hand-made graph ${f.dates.distinct}, proposed ${f.dates.distinctFound} (recall ${pct(f.dates.distinctFound, f.dates.distinct)})`,
    `  quote dates  found quotes ${f.quoteDates.found}, with the statement's date ${f.quoteDates.right} (${pct(f.quoteDates.right, f.quoteDates.found)})`,
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { emptied, withNames } = measureMemo();
  console.log(`draft of graph-seed/documents/${MEMO}/text.txt against its hand-made graph`);
  console.log(report('graph emptied of the memo (no names known)', emptied));
  console.log(report("the memo's names known (actors, meetings, agreements)", withNames));
}
