// A draft from plain text (issue 15, item 3): what a document's text proposes for the graph, for an analyst to
// review. Pure and deterministic: no database, no network, no model; the same text and names give the same draft.
// Candidate quotes with their nearest named speaker and date (quotes.ts), the dates written in the text at their
// precision (dates.ts), and the graph's names and aliases found in it (names.ts), each with its span: character
// offsets into the text as given, so that `text.slice(start, end)` is the candidate exactly. Nothing is written:
// the items the analyst accepts become the seed format's files (files.ts), which go through previewDocument and
// importDocument as any document does.
import { findDates, type DraftDate } from './dates.ts';
import { findNames, type DraftName, type KnownName } from './names.ts';
import { capitalisedMidSentence, findQuotes, type DraftQuote } from './quotes.ts';
import { layoutOf } from './text.ts';

export type { DraftDate } from './dates.ts';
export type { DraftName, KnownName } from './names.ts';
export type { DraftQuote, DraftSpeaker } from './quotes.ts';

/** What the draft proposes. Every list is in the order of the text. */
export interface DocumentDraft {
  quotes: DraftQuote[];
  dates: DraftDate[];
  names: DraftName[];
}

/** The draft of `text`, with the names of `knownNames` (the graph's entities) looked for in it. */
export function draftFromText(text: string, knownNames: readonly KnownName[] = []): DocumentDraft {
  const layout = layoutOf(text);
  const dates = findDates(text, layout.urls);
  const names = findNames(text, knownNames, layout.urls);
  const quotes = findQuotes(layout, names, dates, capitalisedMidSentence(layout));
  return { quotes, dates, names };
}
