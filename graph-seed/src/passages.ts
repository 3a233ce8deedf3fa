// Passages: where a claim's quoted words stand in its document's text (text.txt), as character offsets, found
// after making curly quotes straight and whitespace runs one space (so a passage copied from a PDF or written
// with straight quotes still matches). The offsets are the original text's, so `text.slice(start, end)` is the
// span exactly as the document has it.
import { normaliseForMatch } from '../../core/model/evidence.ts';

/** A located passage: offsets into the document's text and the span exactly as the text has it. */
export interface LocatedPassage {
  start: number;
  end: number;
  text: string;
}

/** The document's text normalised for matching, with the original offset of each normalised character. */
export interface SearchableText {
  original: string;
  normalised: string;
  offsets: number[];
}

/** Prepares a document's text for `locatePassage` (once per document). */
export function searchableText(original: string): SearchableText {
  let normalised = '';
  const offsets: number[] = [];
  let inSpace = false;
  for (let i = 0; i < original.length; i++) {
    const ch = original[i]!;
    if (/\s/.test(ch)) {
      if (!inSpace) {
        normalised += ' ';
        offsets.push(i);
      }
      inSpace = true;
      continue;
    }
    inSpace = false;
    normalised += normaliseForMatch(ch);
    offsets.push(i);
  }
  return { original, normalised, offsets };
}

/** The first place `passage` occurs in the text, or null when it does not. */
export function locatePassage(text: SearchableText, passage: string): LocatedPassage | null {
  const wanted = normaliseForMatch(passage);
  if (wanted === '') return null;
  const at = text.normalised.indexOf(wanted);
  if (at < 0) return null;
  const start = text.offsets[at]!;
  const end = text.offsets[at + wanted.length - 1]! + 1;
  return { start, end, text: text.original.slice(start, end) };
}

/** Whether a statement's quote stands inside one of its passages (compared as `normaliseForMatch` does). */
export function passageHoldsQuote(passage: string, quote: string): boolean {
  return normaliseForMatch(passage).includes(normaliseForMatch(quote));
}
