// Matching a document's shared entities (actors, meetings, agreements, sources) to the graph's, for the review
// before an import (previewDocument). Pure: no database. Each incoming entity gets its best candidate of the same
// kind, with the reason and a score in 0..1:
//
//   same id                  1.0   the document names the graph's entity by its id
//   judged the same before   1.0   an analyst judged this incoming id SAME as the entity at an earlier import
//                                  (a re-import of the document keeps its merges)
//   same name                0.9   a name or alias equal to one of the entity's after normalisation (case,
//                                  punctuation, diacritics, spacing)
//   transliteration          0.8   equal once spelling variants of transliteration are folded (Wladimir/Vladimir,
//                                  Zelenskyy/Zelenskiy/Zelensky, Poutine/Putin…: TRANSLITERATION below)
//   name written differently 0.75 × token-set similarity: titles dropped (President, General Secretary…), word
//                                  order ignored ("President Xi Jinping", "Jinping Xi")
//
// A name written differently is proposed when the Jaccard similarity of the two names' token sets (titles
// dropped, tokens folded) is at least 0.5 and they share at least two tokens: "Vladimir Putin" and "Vladimir
// Vladimirovich Putin" (2 of 3) are proposed, "Li Zhanshu" and "Li Keqiang" (one shared surname, 1 of 3) are not.
// One shared token is too weak in a graph of Chinese and Russian names, where a surname is often a single common
// token; two of at most four distinct tokens means most of the name agrees. Only a same id is taken without the
// analyst's word (importDocument), so a lower threshold costs the analyst a click, never a wrong merge.
// Pairs an analyst judged DIFFERENT are never proposed again.

/** An entity as matching sees it: its names are its name (a source's title) and its aliases. */
export interface MatchEntity {
  id: string;
  kind: string;
  names: string[];
}

/** The contract's DocumentMatch. */
export interface Match {
  incomingId: string;
  existingId: string | null;
  reason: string;
  score: number;
}

export const MATCH_REASONS = {
  sameId: 'same id',
  judgedSame: 'judged the same before',
  sameName: 'same name',
  transliteration: 'transliteration',
  writtenDifferently: 'name written differently',
  none: 'new',
} as const;

export const SCORES = { sameId: 1, sameName: 0.9, transliteration: 0.8, writtenDifferently: 0.75 } as const;
/** Least Jaccard similarity of token sets for "name written differently", with at least MIN_SHARED_TOKENS. */
export const TOKEN_SET_THRESHOLD = 0.5;
export const MIN_SHARED_TOKENS = 2;

/** Words that say what a person is, not who: dropped before names are compared token by token. */
const TITLES = new Set(
  (
    'president vice prime minister foreign general secretary chairman chairwoman premier chancellor mr mrs ms ' +
    'dr sir madam comrade his her excellency king queen prince princess senator ambassador'
  ).split(' '),
);

/**
 * Spelling variants of transliteration, folded to one form (on lower-case ASCII, in this order): German and
 * French spellings of Russian names (w→v, tsch/tch→ch, sch→sh, ou→u, a final -e dropped after a consonant),
 * kh→h, ph→f, j→y (Jewgeni/Yevgeny), and the endings -yy/-iy/-ij/-ii/-yi→-y (Zelenskyy, Zelenskiy, Zelenskij →
 * zelensky); doubled letters collapse (Muammar/Moamar).
 */
const TRANSLITERATION: ReadonlyArray<readonly [RegExp, string]> = [
  [/tsch/g, 'ch'],
  [/tch/g, 'ch'],
  [/sch/g, 'sh'],
  [/kh/g, 'h'],
  [/ph/g, 'f'],
  [/w/g, 'v'],
  [/j/g, 'y'],
  [/ou/g, 'u'],
  [/(yy|iy|ij|ii|yi)$/g, 'y'],
  [/([b-df-hj-np-tv-z])e$/g, '$1'],
  [/(.)\1+/g, '$1'],
];

/** Lower case, without diacritics, punctuation or extra spaces ("Xí Jìnpíng" → "xi jinping"). */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`ʼ]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** One token with transliteration variants folded. */
export function foldToken(token: string): string {
  return TRANSLITERATION.reduce((t, [re, to]) => t.replace(re, to), token);
}

/** A name's tokens: normalised, titles dropped (unless nothing else is left). */
function tokens(name: string): string[] {
  const all = normaliseName(name).split(' ').filter(Boolean);
  const kept = all.filter((t) => !TITLES.has(t));
  return kept.length > 0 ? kept : all;
}

/** Jaccard similarity of two token sets, and how many tokens they share. */
export function tokenSetSimilarity(a: string[], b: string[]): { similarity: number; shared: number } {
  const sa = new Set(a);
  const sb = new Set(b);
  const shared = [...sa].filter((t) => sb.has(t)).length;
  const union = new Set([...sa, ...sb]).size;
  return { similarity: union === 0 ? 0 : shared / union, shared };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** How well two names match: the reason and score, or null when they do not. */
export function compareNames(a: string, b: string): { reason: string; score: number } | null {
  const na = normaliseName(a);
  const nb = normaliseName(b);
  if (na === '' || nb === '') return null;
  if (na === nb) return { reason: MATCH_REASONS.sameName, score: SCORES.sameName };
  const ta = tokens(a);
  const tb = tokens(b);
  const fa = ta.map(foldToken);
  const fb = tb.map(foldToken);
  if (fa.join(' ') === fb.join(' ') && ta.join(' ') !== tb.join(' ')) {
    return { reason: MATCH_REASONS.transliteration, score: SCORES.transliteration };
  }
  const { similarity, shared } = tokenSetSimilarity(fa, fb);
  const enough = similarity === 1 || (similarity >= TOKEN_SET_THRESHOLD && shared >= MIN_SHARED_TOKENS);
  return enough
    ? { reason: MATCH_REASONS.writtenDifferently, score: round(SCORES.writtenDifferently * similarity) }
    : null;
}

/** The key of an unordered pair of ids (judgements are kept either way round). */
export const pairKey = (a: string, b: string) => (a < b ? `${a}\n${b}` : `${b}\n${a}`);

/** Indexes of the graph's entities by normalised name and by folded token, so that matching is not n × m. */
function indexEntities(existing: MatchEntity[]) {
  const byToken = new Map<string, Set<MatchEntity>>();
  for (const e of existing) {
    for (const name of e.names) {
      for (const t of tokens(name).map(foldToken)) {
        if (!byToken.has(t)) byToken.set(t, new Set());
        byToken.get(t)!.add(e);
      }
    }
  }
  return byToken;
}

/**
 * The best match in `existing` for each of `incoming` (same kind only; one match per incoming entity, in its
 * order): the highest score, then the smaller id. `judged` holds what analysts said before: pairKey()s judged
 * DIFFERENT, never proposed, and incoming ids judged SAME as an existing id, proposed at 1.0. An entity with no
 * candidate gets existingId null, reason "new", score 0.
 */
export function matchEntities(
  incoming: MatchEntity[],
  existing: MatchEntity[],
  judged: { different?: ReadonlySet<string>; same?: ReadonlyMap<string, string> } = {},
): Match[] {
  const judgedDifferent = judged.different ?? new Set<string>();
  const byId = new Map(existing.map((e) => [e.id, e] as const));
  const byToken = indexEntities(existing);
  return incoming.map((inc) => {
    const none: Match = { incomingId: inc.id, existingId: null, reason: MATCH_REASONS.none, score: 0 };
    const same = byId.get(inc.id);
    if (same && same.kind === inc.kind) {
      return { incomingId: inc.id, existingId: same.id, reason: MATCH_REASONS.sameId, score: SCORES.sameId };
    }
    const before = byId.get(judged.same?.get(inc.id) ?? '');
    if (before && before.kind === inc.kind) {
      return {
        incomingId: inc.id,
        existingId: before.id,
        reason: MATCH_REASONS.judgedSame,
        score: SCORES.sameId,
      };
    }
    const candidates = new Set<MatchEntity>();
    for (const name of inc.names) {
      for (const t of tokens(name).map(foldToken)) byToken.get(t)?.forEach((e) => candidates.add(e));
    }
    let best = none;
    for (const e of candidates) {
      if (e.kind !== inc.kind || judgedDifferent.has(pairKey(inc.id, e.id))) continue;
      for (const a of inc.names) {
        for (const b of e.names) {
          const m = compareNames(a, b);
          if (!m) continue;
          const better =
            m.score > best.score ||
            (m.score === best.score && best.existingId !== null && e.id < best.existingId);
          if (better) best = { incomingId: inc.id, existingId: e.id, ...m };
        }
      }
    }
    return best;
  });
}
