import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cypher } from '../../../core/db/database.ts';
import { codes, startTestGraphQL, type TestGraphQL } from '../../../test/support/graph.ts';
import { search as searchDirect } from './index.ts';

let api: TestGraphQL;
beforeAll(async () => {
  api = await startTestGraphQL(inject('neo4jUri'));
});
afterAll(() => api.close());

interface Hit {
  id: string;
  kind: string;
  label: string;
  properties: Record<string, unknown>;
}

const SEARCH = /* GraphQL */ `
  query ($text: String!, $kinds: [NodeKind!], $limit: Int) {
    search(text: $text, kinds: $kinds, limit: $limit) {
      id
      kind
      label
      properties
    }
  }
`;

const search = async (text: string, kinds?: string[], limit?: number) =>
  (await api.data<{ search: Hit[] }>(SEARCH, { text, kinds, limit })).search;

/** The memo's trade and export figures (their summaries say "trade"; only the first has it in its name). */
const TRADE_FIGURES = [
  'figure:china-russia-trade-growth-jan-jul-2022',
  'figure:china-semiconductor-sales-russia-mar-2022',
  'figure:china-semiconductor-sales-russia-apr-2022',
  'figure:china-semiconductor-sales-russia-jul-2022',
  'figure:china-semiconductor-exports-russia-mar-jun-2022',
  'figure:us-chip-exports-russia-down-90-after-curbs',
  'figure:china-coking-coal-imports-russia-mar-2022',
  'figure:china-largest-buyer-russian-oil-jun-2022',
  'figure:china-biggest-market-russian-energy-2022',
  'figure:russia-aluminum-oxide-imports-china-may-2022',
  'figure:russia-aluminum-oxide-imports-china-may-2021',
  'figure:russia-aluminum-oxide-imports-growth-factor',
];

describe('search', () => {
  it('finds Patrushev from the misspelling "Patrushef", first', async () => {
    const hits = await search('Patrushef');
    expect(hits[0]).toMatchObject({ id: 'actor:nikolai-patrushev', label: 'Nikolai Patrushev' });
  });

  it('finds Patrushev from "Patrushaf", two letters off, when one typo finds no name', async () => {
    const hits = await search('Patrushaf');
    expect(hits[0]).toMatchObject({ id: 'actor:nikolai-patrushev', label: 'Nikolai Patrushev' });
  });

  it('finds people by their names in other scripts', async () => {
    expect((await search('习近平'))[0]?.id).toBe('actor:xi-jinping');
    expect((await search('栗战书'))[0]?.id).toBe('actor:li-zhanshu');
    expect((await search('Путин'))[0]?.id).toBe('actor:vladimir-putin');
  });

  it('ranks the exact name first, then items whose names contain it, then quotes', async () => {
    const hits = await search('Xi Jinping', undefined, 30);
    expect(hits[0]?.id).toBe('actor:xi-jinping');
    const firstStatement = hits.findIndex((h) => h.kind === 'STATEMENT');
    const lastNamed = hits.map((h) => h.label.includes('Xi Jinping')).lastIndexOf(true);
    if (firstStatement >= 0) expect(lastNamed).toBeLessThan(firstStatement);
  });

  it('ranks an exact alias above items that merely mention it', async () => {
    const hits = await search('Putin');
    expect(hits[0]?.id).toBe('actor:vladimir-putin');
  });

  it('ranks a name match before a quote match, and still finds a word that is only in a quote', async () => {
    // "Samarkand" is in meetings' names and in quotes and their context: the named meetings come first (a
    // statement has no name: its label is its quote).
    const hits = await search('Samarkand', undefined, 30);
    const firstStatement = hits.findIndex((h) => h.kind === 'STATEMENT');
    const lastNamed = hits
      .map((h) => h.kind !== 'STATEMENT' && h.label.includes('Samarkand'))
      .lastIndexOf(true);
    expect(firstStatement).toBeGreaterThan(0);
    expect(lastNamed).toBeLessThan(firstStatement);
    // When the names alone fill the limit, the answer is those names.
    const two = await search('Samarkand', undefined, 2);
    expect(two.map((h) => h.kind)).toEqual(['MEETING', 'MEETING']);
    expect(two.every((h) => h.label.includes('Samarkand'))).toBe(true);
    // "bluff" is in no name, title or alias: only the wide index has it.
    expect((await search('bluff')).map((h) => h.id)).toContain('statement:putin-not-a-bluff');
    // Names that match a word or two fuzzily fill the limit, but none has every word: the quote that has them
    // all is still found, first.
    const quoted = await search('West sees Xi and Modi critique', undefined, 10);
    expect(quoted[0]?.id).toBe('statement:ft-west-sees-xi-modi-critique');
  });

  it('finds quotes by their words', async () => {
    const hits = await search('not a bluff', ['STATEMENT']);
    expect(hits[0]?.id).toBe('statement:putin-not-a-bluff');
  });

  it('keeps to the kinds asked for', async () => {
    const hits = await search('Samarkand', ['MEETING']);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.kind === 'MEETING')).toBe(true);
  });

  it('matches summaries: "trade" among figures finds every trade figure of the memo, not only the one named so', async () => {
    const ids = (await search('trade', ['FIGURE'], 20)).map((h) => h.id);
    expect(ids).toEqual(expect.arrayContaining(TRADE_FIGURES));
    expect(ids).toHaveLength(TRADE_FIGURES.length);
    // A figure's metric and a quote's context are searched too.
    expect((await search('coking coal', ['FIGURE']))[0]?.id).toBe(
      'figure:china-coking-coal-imports-russia-mar-2022',
    );
    const byContext = await search('annexation ceremony', ['STATEMENT']);
    expect(byContext[0]?.id).toBe('statement:putin-us-created-a-precedent');
  });

  it('matches a source by title, publisher and address', async () => {
    const byTitle = await search('Meeting with Chinese President Xi Jinping', ['SOURCE']);
    expect(byTitle[0]?.id).toBe('source:no-limits-memo-fn02');
    const byPublisher = await search('Russian Presidential Administration', ['SOURCE']);
    expect(byPublisher.map((h) => h.id)).toContain('source:no-limits-memo-fn01');
    const byAddress = await search('kremlin.ru', ['SOURCE']);
    expect(byAddress.length).toBeGreaterThan(0);
    expect(byAddress.every((h) => String(h.properties.url).includes('kremlin.ru'))).toBe(true);
  });

  it('treats query syntax as plain text', async () => {
    for (const text of [
      'Xi AND (Putin',
      'name:Xi',
      '"unbalanced',
      'Putin~~ ^2',
      '*',
      '\\',
      'OR',
      '/[a-z]+/',
    ]) {
      const result = await api.run(SEARCH, { text });
      expect(result.errors).toBeUndefined();
    }
    // "AND" is a plain word here, not an operator: hits name Xi and Putin together, and the word "and" alone
    // finds a label too.
    const labels = (await search('Xi AND (Putin')).slice(0, 5).map((h) => h.label);
    expect(
      labels.some((l) => l.includes('Xi') && l.includes('Putin')),
      labels.join(' | '),
    ).toBe(true);
    expect(
      labels.some((l) => l.includes(' and ') && !l.includes('Xi')),
      labels.join(' | '),
    ).toBe(true);
  });

  it('answers BAD_USER_INPUT for blank text and a bad limit', async () => {
    expect(codes(await api.run(SEARCH, { text: '   ' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await api.run(SEARCH, { text: '' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await api.run(SEARCH, { text: 'Xi', limit: -1 }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await api.run(SEARCH, { text: 'Xi', limit: 101 }))).toEqual(['BAD_USER_INPUT']);
  });

  it('returns at most limit hits', async () => {
    expect(await search('China', undefined, 3)).toHaveLength(3);
  });
});

const EVIDENCE_SEARCH = /* GraphQL */ `
  query (
    $text: String!
    $kinds: [NodeKind!]
    $limit: Int
    $statedOnly: Boolean
    $minReliability: Reliability
  ) {
    search(
      text: $text
      kinds: $kinds
      limit: $limit
      statedOnly: $statedOnly
      minReliability: $minReliability
    ) {
      id
      kind
      basis
      properties
      sources {
        id
        reliability
      }
    }
  }
`;

interface EvidenceHit {
  id: string;
  kind: string;
  basis: string;
  properties: Record<string, unknown>;
  sources: { id: string; reliability: string }[];
}

const searchWith = async (text: string, kinds: string[] | undefined, filter: Record<string, unknown>) =>
  (await api.data<{ search: EvidenceHit[] }>(EVIDENCE_SEARCH, { text, kinds, limit: 50, ...filter })).search;

/** The memo's meeting it only infers (basis: inferred in meetings.yaml): it says only "in a televised meeting". */
const MODI_MEETING = 'meeting:modi-putin-samarkand-2022-09-16';
/** Footnote 7 of the memo: a personal Twitter account, graded F. */
const TWEET = 'source:no-limits-memo-fn07';

describe('search with the evidence filter', () => {
  it('statedOnly leaves the memo’s inferred meeting out, and keeps the stated ones', async () => {
    const all = await searchWith('televised meeting', ['MEETING'], {});
    expect(all.find((h) => h.id === MODI_MEETING)).toMatchObject({ basis: 'INFERRED' });
    const stated = await searchWith('televised meeting', ['MEETING'], { statedOnly: true });
    expect(stated.map((h) => h.id)).not.toContain(MODI_MEETING);
    expect(stated.filter((h) => h.basis === 'INFERRED')).toEqual([]);
    // Only inferred hits went (the search may look further for the words when its best match is gone).
    const kept = all.filter((h) => h.basis !== 'INFERRED').map((h) => h.id);
    expect(kept.length).toBeGreaterThan(0);
    expect(stated.map((h) => h.id)).toEqual(expect.arrayContaining(kept));
    expect(
      (await searchWith('televised meeting', ['MEETING'], { statedOnly: false })).map((h) => h.id),
    ).toEqual(all.map((h) => h.id));
  });

  it('minReliability leaves out a source graded below it, and what rests only on such sources', async () => {
    expect((await searchWith('HAOHONG_CFA', ['SOURCE'], {})).map((h) => h.id)).toContain(TWEET);
    expect(
      (await searchWith('HAOHONG_CFA', ['SOURCE'], { minReliability: 'E' })).map((h) => h.id),
    ).not.toContain(TWEET);
    const good = (h: EvidenceHit) =>
      (h.kind === 'SOURCE' && ['A', 'B'].includes(String(h.properties.reliability))) ||
      h.sources.some((s) => ['A', 'B'].includes(s.reliability));
    const all = await searchWith('Li Zhanshu', undefined, {});
    const graded = await searchWith('Li Zhanshu', undefined, { minReliability: 'B' });
    expect(all.some((h) => !good(h))).toBe(true);
    expect(graded.length).toBeGreaterThan(0);
    expect(graded.filter((h) => !good(h)).map((h) => h.id)).toEqual([]);
    // Both filters together: neither an inference nor a weak source.
    const both = await searchWith('Samarkand', undefined, { statedOnly: true, minReliability: 'B' });
    expect(both.filter((h) => h.basis === 'INFERRED' || !good(h))).toEqual([]);
  });

  it('refuses a grade outside the scale with BAD_USER_INPUT, as GraphFilter does', async () => {
    const result = await api.run(EVIDENCE_SEARCH, { text: 'Xi', minReliability: 'G' });
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    await expect(searchDirect(api.db, 'Xi', undefined, 5, { minReliability: 'G' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringMatching(/minReliability must be one of A, B, C, D, E, F/),
    });
  });
});

describe('search over notes', () => {
  // Words that no item of the memo has, in a note and in an inference note only.
  const DOCUMENT = 'scratch-search-notes';
  const NOTED = 'meeting:scratch-search-notes-noted';
  const INFERRED = 'meeting:scratch-search-notes-inferred';
  beforeAll(async () => {
    await api.db.write(
      cypher(
        'testSearchNotesCreate',
        `CREATE (:Entity:Meeting {id: $noted, kind: 'MEETING', name: 'Scratch meeting one', document: $document,
                  note: 'Zanzibarian quokkas convened'}),
                (:Entity:Meeting {id: $inferred, kind: 'MEETING', name: 'Scratch meeting two', document: $document,
                  basis: 'inferred', inferenceNote: 'Read from marmoreal pangolin footprints'})`,
      ),
      { noted: NOTED, inferred: INFERRED, document: DOCUMENT },
    );
  });
  afterAll(async () => {
    await api.db.write(
      cypher('testSearchNotesClean', 'MATCH (n:Entity {document: $document}) DETACH DELETE n'),
      { document: DOCUMENT },
    );
  });

  it('finds a node by words only in its note, or only in what its inference rests on', async () => {
    expect((await search('quokkas convened'))[0]?.id).toBe(NOTED);
    expect((await search('pangolin footprints', ['MEETING']))[0]?.id).toBe(INFERRED);
    // An inference found by its note is still left out under statedOnly.
    expect(await searchWith('pangolin footprints', ['MEETING'], { statedOnly: true })).toEqual([]);
  });
});
