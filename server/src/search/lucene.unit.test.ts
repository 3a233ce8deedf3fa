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

describe('what a user typed', () => {
  const refusal = (text: string) => {
    try {
      lucene.searchTerms(text);
    } catch (e) {
      const { code, message, details } = e as { code: string; message: string; details?: unknown };
      return { code, message, details };
    }
    return null;
  };

  it('is refused, naming the argument, when blank or longer than 200 characters', () => {
    expect(refusal(' \t ')).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'Search text must not be empty.',
    });
    expect(refusal('x'.repeat(201))).toMatchObject({
      message: 'Search text must be at most 200 characters.',
    });
    expect(refusal('')?.details).toEqual({ argument: 'text' });
    expect(refusal('x'.repeat(201))?.details).toEqual({ argument: 'text' });
    expect(refusal('x'.repeat(200))).toBeNull();
  });

  it('is split into words on any run of white space, in composed form', () => {
    expect(lucene.searchTerms('  Xi \t\n Jinping  ')).toEqual(['xi', 'jinping']);
    expect(lucene.searchTerms('Lı\u0300 Zha\u0300nshu\u0304')).toEqual(['lı̀', 'zhànshū'.normalize('NFC')]);
    expect(lucene.searchTerms('a b c d e f g h i j k l m n')).toHaveLength(12);
  });

  it('gives edits by word length: none to three letters, one to five, two from six', () => {
    expect(['xij', 'xiji', 'xijin', 'xijinp'].map(lucene.fuzziness)).toEqual([0, 1, 1, 2]);
    expect(lucene.buildLuceneQuery(['x'])).toBe('x^4');
    expect(lucene.buildLuceneQuery(['li', '***'])).toBe('(li^4 OR li*^1.5)');
    expect(lucene.buildLuceneQuery(['li', 'zhanshu'])).toBe(
      '(li^4 OR li*^1.5) (zhanshu^4 OR zhanshu*^1.5 OR zhanshu~2) "li zhanshu"^8',
    );
  });
});

describe('matching names', () => {
  const hit = (name: string | null, aliases: string[] = []) => ({ id: 'x', name, aliases, score: 1 });

  it('folds accents, case and punctuation', () => {
    expect(lucene.normalise('  Lì Zhànshū, (CCP)  ')).toBe('li zhanshu ccp');
    expect(lucene.rankTier('li zhanshu', hit('Lì Zhànshū'))).toBe(0);
    expect(lucene.rankTier('Li--Zhanshu', hit('Li Zhanshu'))).toBe(0);
  });

  it('matches every word by prefix or within its edits, in the name or else in an alias', () => {
    expect(lucene.rankTier('nik patr', hit('Nikolai Patrushev'))).toBe(2);
    expect(lucene.rankTier('xi', hit('Xinhua News Agency'))).toBe(2);
    expect(lucene.rankTier('shev', hit('Nikolai Patrushev'))).toBe(4);
    expect(lucene.rankTier('patruhsev', hit('Nikolai Patrushev'))).toBe(2);
    expect(lucene.rankTier('patrushaf', hit('Nikolai Patrushev'))).toBe(2);
    expect(lucene.rankTier('patrushafx', hit('Nikolai Patrushev'))).toBe(4);
    expect(lucene.rankTier('modu', hit('Narendra Modi'))).toBe(2);
    expect(lucene.rankTier('mudu', hit('Narendra Modi'))).toBe(4);
    expect(lucene.rankTier('xo', hit('Xi Jinping'))).toBe(4);
    expect(lucene.rankTier('nikolai putin', hit('Nikolai Patrushev'))).toBe(4);
    expect(lucene.rankTier('chairman', hit('Xi Jinping', ['Chairman Xi']))).toBe(3);
    expect(lucene.rankTier('li', hit('Li Zhanshu', ['Li']))).toBe(1);
    expect(lucene.rankTier('li', hit(null, ['Li Zhanshu']))).toBe(3);
    expect(lucene.rankTier('li', hit('…', []))).toBe(4);
  });

  it('stops counting edits past the cap, and counts a swap only between neighbours', () => {
    expect(lucene.editDistance('patrushev', 'patrushevich', 2)).toBe(3);
    expect(lucene.editDistance('abcdef', 'ghijkl', 2)).toBe(3);
    expect(lucene.editDistance('ab', 'ba', 2)).toBe(1);
    expect(lucene.editDistance('abc', 'bca', 3)).toBe(2);
    expect(lucene.editDistance('xabc', 'xacb', 2)).toBe(1);
    expect(lucene.editDistance('kitten', 'sitting', 3)).toBe(3);
  });

  it('orders hits of one tier by the index score, then by id', () => {
    const a = { id: 'actor:a', name: null, aliases: [], score: 2 };
    const b = { id: 'actor:b', name: null, aliases: [], score: 2 };
    const c = { id: 'actor:c', name: null, aliases: [], score: 3 };
    expect(lucene.rankCandidates('x', [b, a, c]).map((h) => h.id)).toEqual(['actor:c', 'actor:a', 'actor:b']);
    expect(lucene.rankCandidates('x', [a, b]).map((h) => h.id)).toEqual(['actor:a', 'actor:b']);
  });
});
