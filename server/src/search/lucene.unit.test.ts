import { describe, expect, it } from 'vitest';
import * as lucene from './lucene.ts';

describe('escaping', () => {
  it('escapes every character Lucene treats as syntax', () => {
    const special = '+-&|!(){}[]^"~*?:\\/';
    const escaped = lucene.escapeLucene(special);
    expect(escaped).toBe([...special].map((c) => `\\${c}`).join(''));
  });

  it('lower-cases operators so AND, OR and NOT are plain words', () => {
    expect(lucene.searchTerms('Putin AND NOT Xi')).toEqual(['putin', 'and', 'not', 'xi']);
  });

  it('leaves no unescaped syntax in the query built from hostile text', () => {
    const query = lucene.buildLuceneQuery(
      lucene.searchTerms('name:(x OR y)* "quote ~2 [a TO z] \\ /regex/'),
    )!;
    // Remove the escaped characters and the syntax the builder itself adds; nothing special may remain.
    const stripped = query
      .replace(/\\./g, '')
      .replace(/\^\d+(\.\d+)?/g, '')
      .replace(/~\d/g, '')
      .replace(/\*/g, '')
      .replace(/ OR /g, ' ')
      .replace(/^"|"$/g, '')
      .replace(/[()"]/g, '');
    expect(stripped).not.toMatch(/[+\-&|!{}[\]^~*?:\\/]/);
  });

  it('rejects empty, blank and overlong text', () => {
    for (const bad of ['', '   ', 'x'.repeat(201)]) {
      expect(() => lucene.searchTerms(bad)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    }
  });

  it('returns no query for text without letters or digits', () => {
    expect(lucene.buildLuceneQuery(lucene.searchTerms('*** ???'))).toBeNull();
  });
});

describe('the query', () => {
  it('matches each word exactly, as a prefix and fuzzily by its length', () => {
    expect(lucene.buildLuceneQuery(['patrushef'])).toBe('(patrushef^4 OR patrushef*^1.5 OR patrushef~2)');
    expect(lucene.buildLuceneQuery(['modi'])).toBe('(modi^4 OR modi*^1.5 OR modi~1)');
    expect(lucene.buildLuceneQuery(['xi'])).toBe('(xi^4 OR xi*^1.5)');
  });

  it('keeps Chinese text whole, without fuzzy or prefix forms', () => {
    expect(lucene.buildLuceneQuery(['习近平'])).toBe('习近平^4');
  });

  it('adds the words as a phrase, boosted', () => {
    expect(lucene.buildLuceneQuery(['li', 'zhanshu'])).toContain('"li zhanshu"^8');
  });

  it('does not make fuzzy forms of words with punctuation', () => {
    expect(lucene.buildLuceneQuery(['kremlin.ru'])).toBe('kremlin.ru^4');
  });
});

describe('ranking', () => {
  const xi = { id: 'actor:xi-jinping', name: 'Xi Jinping', aliases: ['习近平', 'Xi'], score: 1 };
  const trip = { id: 'meeting:xi-trip', name: "Xi Jinping's trip to Kazakhstan", aliases: [], score: 5 };
  const quote = { id: 'statement:q', name: null, aliases: [], score: 9 };

  it('puts the exact name first, then an exact alias, then name words, then alias words, then the rest', () => {
    expect(lucene.rankTier('Xi Jinping', xi)).toBe(0);
    expect(lucene.rankTier('习近平', xi)).toBe(1);
    expect(lucene.rankTier('jinping', trip)).toBe(2);
    expect(lucene.rankTier('Patrushef', { id: 'a', name: 'Nikolai Patrushev', aliases: [], score: 1 })).toBe(
      2,
    );
    expect(
      lucene.rankTier('Патрушев', { id: 'a', name: 'Nikolai Patrushev', aliases: ['Патрушев'], score: 1 }),
    ).toBe(1);
    expect(lucene.rankTier('Xi Jinping', quote)).toBe(4);
  });

  it('orders by tier before the index score, then by id', () => {
    const ranked = lucene.rankCandidates('Xi Jinping', [quote, trip, xi]);
    expect(ranked.map((h) => h.id)).toEqual(['actor:xi-jinping', 'meeting:xi-trip', 'statement:q']);
  });

  it('measures edit distance up to a cap', () => {
    expect(lucene.editDistance('patrushef', 'patrushev', 2)).toBe(1);
    expect(lucene.editDistance('modi', 'modi', 1)).toBe(0);
    expect(lucene.editDistance('abc', 'xyzxyz', 1)).toBe(2);
  });
});

describe('one edit first', () => {
  it('caps the edits of every word at maxEdits', () => {
    expect(lucene.buildLuceneQuery(['patrushev'], 1)).toBe('(patrushev^4 OR patrushev*^1.5 OR patrushev~1)');
    expect(lucene.buildLuceneQuery(['patrushev'])).toBe('(patrushev^4 OR patrushev*^1.5 OR patrushev~2)');
  });

  it('counts a swap of two letters as one edit, as Lucene does', () => {
    expect(lucene.editDistance('tuqiu', 'tuqui', 1)).toBe(1);
    expect(lucene.editDistance('patrushev', 'patruhsev', 2)).toBe(1);
    expect(lucene.editDistance('abc', 'cba', 1)).toBe(2);
  });
});
