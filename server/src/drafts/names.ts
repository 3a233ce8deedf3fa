// Names of the graph's entities found in a text: every place where one of an entity's names (its name or title,
// or one of its aliases, from any document) is written, as a whole word, with curly and straight apostrophes and
// any run of white space alike. An exact match says whether it is the entity's name or an alias; a match that
// differs only in case or accents ("XI JINPING", "Francois Chimits") counts for names of at least four letters
// with a capital, where the text has a capital too (so the alias "Commerce" does not match "commerce"). Where
// matches overlap, the longest wins ("Vladimir Putin" over "Putin", "U.S. Commerce Department" over "U.S."); two
// entities with the same name at the same place are both given. Web addresses are skipped. Names are looked up
// by their first word, so the cost grows with the text, not with the number of names times the text.
import type { NodeKind } from '../../../core/model/kinds.ts';
import { overlapsAny, type Span } from './text.ts';

/** An entity whose names the draft looks for: its id, kind, label (name or title) and every name it goes by. */
export interface KnownName {
  id: string;
  kind: NodeKind;
  label: string;
  /** Its names and aliases (the label may be among them). */
  names: string[];
}

/** How a name was found. */
export const NAME_MATCHES = {
  name: 'name',
  alias: 'alias',
  nameFolded: 'name (case or accents differ)',
  aliasFolded: 'alias (case or accents differ)',
} as const;
export type NameMatch = (typeof NAME_MATCHES)[keyof typeof NAME_MATCHES];

/** A known entity's name found in the text. */
export interface DraftName {
  start: number;
  end: number;
  text: string;
  entityId: string;
  kind: NodeKind;
  label: string;
  how: NameMatch;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (ch: string | undefined) => ch !== undefined && WORD_CHAR.test(ch);

/** One character made comparable, keeping the length: curly quotes straight, no-break spaces plain. */
function straightChar(ch: string): string {
  if (/[\u2018\u2019\u201A\u201B\u2032\u02BC]/.test(ch)) return "'";
  if (/[\u201C\u201D\u201E\u201F]/.test(ch)) return '"';
  if (ch === '\u00A0') return ' ';
  return ch;
}

/** One character folded for case and accents, keeping the length (a character that folds to more stays as is). */
function foldChar(ch: string): string {
  const s = straightChar(ch);
  const f = s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return f.length === 1 ? f : s.toLowerCase().length === 1 ? s.toLowerCase() : s;
}

/** `f` for each character of `text`, each distinct character computed once (ASCII looked up in an array). */
function mapChars(text: string, f: (ch: string) => string): string {
  const ascii: Array<string | undefined> = new Array<string | undefined>(128);
  const cache = new Map<string, string>();
  const out: string[] = new Array<string>(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      out[i] = ascii[code] ??= f(text[i]!);
      continue;
    }
    const ch = text[i]!;
    let mapped = cache.get(ch);
    if (mapped === undefined) {
      mapped = f(ch);
      cache.set(ch, mapped);
    }
    out[i] = mapped;
  }
  return out.join('');
}

interface Entry {
  entity: KnownName;
  isLabel: boolean;
  /** The name with straight quotes and single spaces. */
  straight: string;
  folded: string;
  /** Whether a match differing in case or accents counts. */
  foldable: boolean;
  /** Offset of the name's first word in it ("@FT": 1). */
  lead: number;
}

/** Whether `needle` stands in `hay` at `at` (any white space run in the hay matching one space); its end, or -1. */
function matchAt(hay: string, at: number, needle: string): number {
  let i = at;
  for (let j = 0; j < needle.length; j++) {
    if (needle[j] === ' ') {
      if (i >= hay.length || !/\s/.test(hay[i]!)) return -1;
      while (i < hay.length && /\s/.test(hay[i]!)) i++;
      continue;
    }
    if (hay[i] !== needle[j]) return -1;
    i++;
  }
  return i;
}

function entriesOf(known: readonly KnownName[]): { byWord: Map<string, Entry[]>; cjk: Entry[] } {
  const byWord = new Map<string, Entry[]>();
  const cjk: Entry[] = [];
  for (const entity of known) {
    const seen = new Set<string>();
    const label = mapChars(entity.label.trim().replace(/\s+/g, ' '), straightChar);
    for (const raw of [entity.label, ...entity.names]) {
      if (typeof raw !== 'string') continue;
      const straight = mapChars(raw.trim().replace(/\s+/g, ' '), straightChar);
      if (straight.length < 2 || straight.length > 200 || seen.has(straight)) continue;
      seen.add(straight);
      const folded = mapChars(straight, foldChar);
      const letters = straight.replace(/[^\p{L}]/gu, '');
      const entry: Entry = {
        entity,
        isLabel: straight === label,
        straight,
        folded,
        foldable: letters.length >= 4 && /\p{Lu}/u.test(straight),
        lead: 0,
      };
      if (CJK.test(straight)) {
        cjk.push(entry);
        continue;
      }
      const first = /[\p{L}\p{N}]+/u.exec(folded);
      if (!first) continue;
      entry.lead = first.index;
      const list = byWord.get(first[0]) ?? [];
      list.push(entry);
      byWord.set(first[0], list);
    }
  }
  return { byWord, cjk };
}

interface Hit extends Span {
  entry: Entry;
  exact: boolean;
}

const rank = (h: Hit) => (h.exact ? 0 : 2) + (h.entry.isLabel ? 0 : 1);

/** Every place in `text` where a known entity's name is written (outside `urls`), in order. */
export function findNames(
  text: string,
  known: readonly KnownName[],
  urls: readonly Span[] = [],
): DraftName[] {
  if (known.length === 0 || text.length === 0) return [];
  const { byWord, cjk } = entriesOf(known);
  const straight = mapChars(text, straightChar);
  const folded = mapChars(text, foldChar);
  const hits: Hit[] = [];
  const consider = (entry: Entry, at: number) => {
    if (at < 0) return;
    const boundedBefore = !isWordChar(entry.straight[0]) || !isWordChar(straight[at - 1]);
    if (!boundedBefore && !CJK.test(entry.straight[0]!)) return;
    let end = matchAt(straight, at, entry.straight);
    const exact = end >= 0;
    if (!exact && entry.foldable && /\p{Lu}/u.test(text[at + entry.lead] ?? '')) {
      end = matchAt(folded, at, entry.folded);
    }
    if (end < 0) return;
    const boundedAfter = !isWordChar(entry.straight.at(-1)) || !isWordChar(straight[end]);
    if (!boundedAfter && !CJK.test(entry.straight.at(-1)!)) return;
    if (overlapsAny(urls, at, end)) return;
    hits.push({ start: at, end, entry, exact });
  };
  for (const m of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    for (const entry of byWord.get(m[0]) ?? []) consider(entry, m.index - entry.lead);
  }
  for (const entry of cjk) {
    for (let at = straight.indexOf(entry.straight); at >= 0; at = straight.indexOf(entry.straight, at + 1)) {
      consider(entry, at);
    }
  }
  // Longest first; at the same span, exact before folded and names before aliases. `cover` marks each offset
  // with the span that took it (1-based), so that a shorter overlapping match is dropped in time linear in hits.
  hits.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || rank(a) - rank(b));
  const cover = new Int32Array(text.length);
  const spans: Span[] = [];
  const best = new Map<string, Hit>();
  for (const h of hits) {
    const owner = cover[h.start]!;
    const same = owner > 0 && spans[owner - 1]!.start === h.start && spans[owner - 1]!.end === h.end;
    if (!same) {
      let free = true;
      for (let i = h.start; i < h.end && free; i++) free = cover[i] === 0;
      if (!free) continue;
      spans.push({ start: h.start, end: h.end });
      cover.fill(spans.length, h.start, h.end);
    }
    const key = `${h.start} ${h.end} ${h.entry.entity.id}`;
    const before = best.get(key);
    if (!before || rank(h) < rank(before)) best.set(key, h);
  }
  return [...best.values()]
    .sort((a, b) => a.start - b.start || (a.entry.entity.id < b.entry.entity.id ? -1 : 1))
    .map((h) => ({
      start: h.start,
      end: h.end,
      text: text.slice(h.start, h.end),
      entityId: h.entry.entity.id,
      kind: h.entry.entity.kind,
      label: h.entry.entity.label,
      how: h.exact
        ? h.entry.isLabel
          ? NAME_MATCHES.name
          : NAME_MATCHES.alias
        : h.entry.isLabel
          ? NAME_MATCHES.nameFolded
          : NAME_MATCHES.aliasFolded,
    }));
}
