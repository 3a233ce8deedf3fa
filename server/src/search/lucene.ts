// Turning what a user typed into a Lucene query for the full-text indexes (`entityNames`, `entitySearch`), and
// ranking what comes back.
// The user's text is never parsed as query syntax: every character Lucene treats specially is escaped, and
// the operators (AND, OR, NOT) lose their meaning by being lower-cased.
import { badInput } from '../../../core/errors.ts';

/** Longest search text accepted (characters). */
export const MAX_SEARCH_TEXT = 200;
/** At most this many words of the text are searched for. */
export const MAX_SEARCH_TERMS = 12;

const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Escapes every Lucene query-syntax character in `term` with a backslash. */
export function escapeLucene(term: string): string {
  return term.replace(SPECIAL, (c) => `\\${c}`);
}

/** Words as the user typed them, split on white space; empty or blank text is BAD_USER_INPUT. */
export function searchTerms(text: string): string[] {
  if (typeof text !== 'string' || text.trim() === '') {
    throw badInput('Search text must not be empty.', { argument: 'text' });
  }
  if (text.length > MAX_SEARCH_TEXT) {
    throw badInput(`Search text must be at most ${MAX_SEARCH_TEXT} characters.`, { argument: 'text' });
  }
  return text
    .normalize('NFC')
    .trim()
    .split(/\s+/u)
    .slice(0, MAX_SEARCH_TERMS)
    .map((t) => t.toLowerCase());
}

// Scripts written without spaces between words: the index's analyzer splits them into single characters, so
// fuzzy or prefix forms of a whole run would be meaningless there.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;
const WORD = /^[\p{L}\p{M}\p{N}]+$/u;

/** Edits allowed for a word of this length: none for short words, one for 4-5 letters, two from 6. */
export function fuzziness(term: string): 0 | 1 | 2 {
  const n = [...term].length;
  if (n <= 3) return 0;
  return n <= 5 ? 1 : 2;
}

/**
 * Builds the Lucene query: each word matches exactly (boosted), as a prefix (so typing finds as you go) and
 * fuzzily (so "Patrushef" finds Patrushev), with at most `maxEdits` edits (a swap of two letters is one); several
 * words also match as a phrase, boosted higher.
 * Returns null when nothing searchable is left (only punctuation, say).
 */
export function buildLuceneQuery(terms: readonly string[], maxEdits: 1 | 2 = 2): string | null {
  const clauses: string[] = [];
  for (const term of terms) {
    if (!/[\p{L}\p{N}]/u.test(term)) continue;
    const escaped = escapeLucene(term);
    const alternatives = [`${escaped}^4`];
    if (WORD.test(term) && !UNSPACED.test(term)) {
      if ([...term].length >= 2) alternatives.push(`${escaped}*^1.5`);
      const edits = Math.min(fuzziness(term), maxEdits);
      if (edits > 0) alternatives.push(`${escaped}~${edits}`);
    }
    clauses.push(alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' OR ')})`);
  }
  if (clauses.length === 0) return null;
  const searchable = terms.filter((t) => /[\p{L}\p{N}]/u.test(t));
  if (searchable.length > 1) clauses.push(`"${escapeLucene(searchable.join(' '))}"^8`);
  return clauses.join(' ');
}

/** Lower-case, accents and punctuation folded, single spaces: how names are compared for ranking. */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Edit distance with a swap of two neighbouring letters counting as one edit (as Lucene's fuzzy query counts
 * it), capped: returns `cap + 1` as soon as the distance exceeds `cap`.
 */
export function editDistance(a: string, b: string, cap: number): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > cap) return cap + 1;
  let before: number[] = [];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        v = Math.min(v, before[j - 2]! + 1);
      cur.push(v);
      best = Math.min(best, v);
    }
    if (best > cap) return cap + 1;
    before = prev;
    prev = cur;
  }
  return prev[y.length]!;
}

/** True when every query word is close to (or a prefix of) some word of `text`. */
function wordsMatch(queryWords: readonly string[], text: string): boolean {
  const words = normalise(text).split(' ').filter(Boolean);
  if (queryWords.length === 0 || words.length === 0) return false;
  return queryWords.every((q) =>
    words.some(
      (w) =>
        w === q || (q.length >= 2 && w.startsWith(q)) || editDistance(q, w, fuzziness(q)) <= fuzziness(q),
    ),
  );
}

/** What a search hit is ranked on. */
export interface Candidate {
  name: string | null;
  aliases: readonly string[];
  score: number;
  id: string;
}

/** Tiers up to this one are hits whose name or an alias matches every word of the search. */
export const NAME_MATCH_TIER = 3;

/**
 * The ranking tier of a hit, best first: 0 exact name (or title), 1 exact alias, 2 name matches every word
 * (allowing typos and prefixes), 3 an alias does, 4 anything else (a quote, a title's text, an address).
 */
export function rankTier(text: string, c: Candidate): number {
  const q = normalise(text);
  const qWords = q.split(' ').filter(Boolean);
  if (c.name && normalise(c.name) === q) return 0;
  if (c.aliases.some((a) => normalise(a) === q)) return 1;
  if (c.name && wordsMatch(qWords, c.name)) return 2;
  if (c.aliases.some((a) => wordsMatch(qWords, a))) return 3;
  return 4;
}

/** Orders hits: by tier, then by the index's score, then by id (so equal hits keep a stable order). */
export function rankCandidates<T extends Candidate>(text: string, hits: readonly T[]): T[] {
  return hits
    .map((hit) => ({ hit, tier: rankTier(text, hit) }))
    .sort(
      (a, b) =>
        a.tier - b.tier ||
        b.hit.score - a.hit.score ||
        (a.hit.id < b.hit.id ? -1 : a.hit.id > b.hit.id ? 1 : 0),
    )
    .map((x) => x.hit);
}
