// How a source's address reads. The document the graph was drawn from (the memo) cites itself for its own
// analysis: it has neither a footnote nor an address, and reads as "this document" rather than "(no address)".
import type { Source } from '../api/types.ts';

type Cited = Pick<Source, 'url' | 'footnote' | 'publisher'>;

/** True for the document's own source: no footnote and no address (the memo, documentType "memo"). */
export function isOwnDocument(s: Cited): boolean {
  return !s.url && s.footnote == null;
}

/** Where a source is found: its address, "this document" (with its publisher) for the memo, else null. */
export function sourceAddress(s: Cited): string | null {
  if (s.url) return s.url;
  if (isOwnDocument(s)) return s.publisher ? `this document (${s.publisher})` : 'this document';
  return null;
}
