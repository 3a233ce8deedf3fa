import { describe, expect, it } from 'vitest';
import { batchLoad } from './batch.ts';
import { MAX_QUOTE_LABEL, nodeLabel, shorten } from './label.ts';
import { toGraphEdge, toGraphNode } from './mapping.ts';
import { NO_FILTER } from './model.ts';
import { neighborhoodScope, pathScope } from './scope.ts';
import { checkId, checkInt, documentFolder, isoDate, resolveFilter } from './validate.ts';

describe('labels', () => {
  it('shortens a long quote at a word boundary to at most 80 characters, ending with an ellipsis', () => {
    const quote =
      'We [Russia] appreciate our Chinese friends’ balanced position in connection with the Ukraine crisis. We understand your questions and concerns in this regard.';
    const short = shorten(quote);
    expect(short.length).toBeLessThanOrEqual(MAX_QUOTE_LABEL);
    expect(short.endsWith('…')).toBe(true);
    expect(quote.startsWith(short.slice(0, -1))).toBe(true);
    expect(short).not.toMatch(/\s…$/);
  });

  it('keeps a short quote as it is', () => {
    expect(shorten('This is not a bluff.')).toBe('This is not a bluff.');
  });

  it('labels by name, title, quote, then id', () => {
    expect(nodeLabel({ id: 'actor:x', name: 'Xi Jinping' })).toBe('Xi Jinping');
    expect(nodeLabel({ id: 'source:x', title: 'Meeting with Chinese President Xi Jinping' })).toBe(
      'Meeting with Chinese President Xi Jinping',
    );
    expect(nodeLabel({ id: 'statement:x', text: 'This is not a bluff.' })).toBe('This is not a bluff.');
    expect(nodeLabel({ id: 'figure:x' })).toBe('figure:x');
  });
});

describe('mapping', () => {
  it('builds a GraphNode with every property, its sources and its degree', () => {
    const source = {
      id: 'source:fn1',
      title: 'Address',
      url: null,
      publisher: 'Kremlin',
      date: '2022-09-21',
      footnote: 1,
    };
    const node = toGraphNode({
      props: {
        id: 'statement:s',
        kind: 'STATEMENT',
        text: 'x '.repeat(100),
        date: '2022-09-21',
        summary: null,
      },
      sources: [source],
      degree: 3,
    });
    expect(node).toMatchObject({ id: 'statement:s', kind: 'STATEMENT', date: '2022-09-21', degree: 3 });
    expect(node.label.length).toBeLessThanOrEqual(80);
    expect(node.properties.text).toBe('x '.repeat(100));
    expect(node.sources).toEqual([{ ...source, reliability: 'F', reliabilityNote: null }]);
  });

  it('falls back on the id prefix for a node without kind', () => {
    expect(toGraphNode({ props: { id: 'meeting:m', name: 'M' }, sources: [], degree: 0 }).kind).toBe(
      'MEETING',
    );
  });

  it('builds a GraphEdge in its stored direction', () => {
    const id = 'rel:a-ATTENDED->b';
    const edge = toGraphEdge({
      id,
      type: 'ATTENDED',
      source: 'actor:a',
      target: 'meeting:b',
      props: { id, sourceIds: ['source:fn1'] },
      sources: [{ id: 'source:fn1', title: null }],
    });
    expect(edge).toMatchObject({ source: 'actor:a', target: 'meeting:b', type: 'ATTENDED' });
    expect(edge.sources[0]).toMatchObject({ id: 'source:fn1', title: 'source:fn1' });
  });

  it('leaves out the dates a node, an edge or a source does not have (projected as null)', () => {
    const node = toGraphNode({
      props: { id: 'meeting:m', kind: 'MEETING', date: '2022-09-15', endDate: null, accessed: null },
      sources: [{ id: 'source:s', title: 'S', date: null, endDate: null, accessed: '2022-10-01' }],
      degree: 0,
    });
    expect(node.properties).toEqual({ id: 'meeting:m', kind: 'MEETING', date: '2022-09-15' });
    expect(node.sources[0]).not.toHaveProperty('endDate');
    expect(node.sources[0]).toMatchObject({ date: null, accessed: '2022-10-01' });
    const edge = toGraphEdge({
      id: 'rel:e',
      type: 'ATTENDED',
      source: 'actor:a',
      target: 'meeting:m',
      props: { id: 'rel:e', date: null, endDate: null, accessed: null },
      sources: [],
    });
    expect(edge.properties).toEqual({ id: 'rel:e' });
  });
});

describe('argument checks', () => {
  it('accepts stable ids and rejects malformed ones', () => {
    expect(checkId('actor:li-zhanshu')).toBe('actor:li-zhanshu');
    expect(checkId('view:0b8f3c1e-1d2a-4c5b-9e8f-123456789abc')).toMatch(/^view:/);
    for (const bad of [
      '',
      'li-zhanshu',
      'Actor:Li',
      'actor:',
      'actor:x y',
      "actor:x' OR 1=1",
      'a'.repeat(400),
    ]) {
      expect(() => checkId(bad)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    }
  });

  it('reads a document id as its folder, and rejects anything else', () => {
    expect(documentFolder('document:no-limits-memo')).toBe('no-limits-memo');
    for (const bad of [
      '',
      'no-limits-memo',
      'document:',
      'document:No-Limits',
      'document:a--b',
      'document:-a',
      'source:no-limits-memo',
      `document:${'a'.repeat(400)}`,
      42,
    ]) {
      expect(() => documentFolder(bad)).toThrow(
        expect.objectContaining({
          code: 'BAD_USER_INPUT',
          message: expect.stringMatching(/document:<slug>/),
        }),
      );
    }
  });

  it('bounds whole numbers', () => {
    expect(checkInt(5, 'limit', 1, 10)).toBe(5);
    for (const bad of [-1, 0, 11, 2.5]) {
      expect(() => checkInt(bad, 'limit', 1, 10)).toThrow(
        expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      );
    }
  });

  it('reads dates from strings and driver dates, and rejects impossible ones', () => {
    expect(isoDate('2022-09-15', 'since')).toBe('2022-09-15');
    expect(isoDate({ toString: () => '2022-02-28' }, 'since')).toBe('2022-02-28');
    expect(isoDate(null, 'since')).toBeNull();
    expect(() => isoDate('2022-02-30', 'since')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('validates a filter: known types, since not after until', () => {
    expect(resolveFilter(null)).toEqual(NO_FILTER);
    expect(resolveFilter({ kinds: ['ACTOR', 'ACTOR'], relationshipTypes: ['ATTENDED'] })).toMatchObject({
      kinds: ['ACTOR'],
      relationshipTypes: ['ATTENDED'],
    });
    expect(() => resolveFilter({ relationshipTypes: ['ATTENDED', 'KNOWS'] })).toThrow(/KNOWS/);
    expect(() => resolveFilter({ since: '2022-10-01', until: '2022-09-01' })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
  });
});

describe('traversal scope', () => {
  it('leaves CITES and sources out of a neighbourhood unless asked for', () => {
    const plain = neighborhoodScope(NO_FILTER, 'ACTOR');
    expect(plain.kinds).not.toContain('SOURCE');
    expect(plain.types).not.toContain('CITES');
    const withSources = neighborhoodScope({ ...NO_FILTER, kinds: ['ACTOR', 'SOURCE'] }, 'ACTOR');
    expect(withSources.types).toContain('CITES');
    const viaCites = neighborhoodScope({ ...NO_FILTER, relationshipTypes: ['CITES'] }, 'ACTOR');
    expect(viaCites.kinds).toContain('SOURCE');
    expect(neighborhoodScope(NO_FILTER, 'SOURCE').types).toContain('CITES');
  });

  it('never lets a path go through CITES', () => {
    expect(pathScope({ ...NO_FILTER, relationshipTypes: ['CITES', 'ATTENDED'] }).types).toEqual(['ATTENDED']);
    expect(pathScope(NO_FILTER).types).not.toContain('CITES');
  });
});

describe('batchLoad', () => {
  it('loads the keys asked for in one turn with one call', async () => {
    const calls: string[][] = [];
    const load = async (keys: string[]) => {
      calls.push(keys);
      return new Map(keys.map((k) => [k, k.toUpperCase()]));
    };
    const ctx = {};
    const values = await Promise.all(['a', 'b', 'a'].map((k) => batchLoad(ctx, 'x', k, load)));
    expect(values).toEqual(['A', 'B', 'A']);
    expect(calls).toEqual([['a', 'b']]);
  });

  it('passes a failure to every caller', async () => {
    const ctx = {};
    const fail = async () => {
      throw new Error('down');
    };
    await expect(
      Promise.all([batchLoad(ctx, 'y', 'a', fail), batchLoad(ctx, 'y', 'b', fail)]),
    ).rejects.toThrow('down');
  });
});
