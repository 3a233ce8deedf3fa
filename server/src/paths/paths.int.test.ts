import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { codes, startTestGraphQL, type TestGraphQL } from '../../../test/support/graph.ts';

let api: TestGraphQL;
beforeAll(async () => {
  api = await startTestGraphQL(inject('neo4jUri'));
});
afterAll(() => api.close());

const PATHS = /* GraphQL */ `
  query ($from: ID!, $to: ID!, $maxLength: Int, $filter: GraphFilter, $limit: Int) {
    paths(sourceId: $from, targetId: $to, maxLength: $maxLength, filter: $filter, limit: $limit) {
      length
      explanation
      nodes {
        id
        kind
        label
      }
      edges {
        id
        type
        source
        target
        properties
        sources {
          id
          title
          footnote
        }
      }
      citations {
        id
        title
        url
        footnote
      }
    }
  }
`;

interface Path {
  length: number;
  explanation: string;
  nodes: { id: string; kind: string; label: string }[];
  edges: {
    id: string;
    type: string;
    source: string;
    target: string;
    properties: Record<string, unknown>;
    sources: { id: string }[];
  }[];
  citations: { id: string; title: string; url: string | null; footnote: number | null }[];
}

/** The sources a reader is shown for a path: those of its first relationship to its last, each once. */
const sourcesOf = (p: Path) => [...new Set(p.edges.flatMap((e) => e.sources.map((s) => s.id)))];

const paths = async (variables: Record<string, unknown>) =>
  (await api.data<{ paths: Path[] }>(PATHS, variables)).paths;

function expectChained(p: Path) {
  expect(p.edges).toHaveLength(p.length);
  expect(p.nodes).toHaveLength(p.length + 1);
  p.edges.forEach((e, i) => {
    const ends = [p.nodes[i]!.id, p.nodes[i + 1]!.id];
    expect([e.source, e.target].sort()).toEqual([...ends].sort());
  });
  expect(new Set(p.nodes.map((n) => n.id)).size).toBe(p.nodes.length);
}

const MODI = 'actor:narendra-modi';
const XI = 'actor:xi-jinping';

describe('paths', () => {
  it('connects Narendra Modi and Xi Jinping through Vladimir Putin, explained and sourced', async () => {
    const found = await paths({ from: MODI, to: XI });
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThanOrEqual(3);
    // The memo: Modi "criticized Putin's war in a televised meeting" (it does not put Modi at the summit).
    const viaPutin = found.find((p) => p.nodes[1]?.id === 'actor:vladimir-putin');
    expect(viaPutin).toBeDefined();
    expect(viaPutin!.explanation).toMatch(/^Narendra Modi criticized Vladimir Putin\. /);
    expect(viaPutin!.edges.every((e) => e.sources.length > 0)).toBe(true);
    for (const p of found) {
      expect(p.citations.map((c) => c.id)).toEqual(sourcesOf(p));
      expectChained(p);
      expect(p.nodes[0]!.id).toBe(MODI);
      expect(p.nodes.at(-1)!.id).toBe(XI);
      expect(p.explanation).toMatch(/\.$/);
      expect(p.edges.some((e) => e.type === 'CITES')).toBe(false);
    }
    // Some path's last step rests on a source no earlier step cites: the citations must show it too.
    const lastOwn = found.some((p) =>
      p.edges
        .at(-1)!
        .sources.some((s) => !p.edges.slice(0, -1).some((e) => e.sources.some((t) => t.id === s.id))),
    );
    expect(lastOwn).toBe(true);
  });

  it('returns distinct paths, shortest first, up to the limit', async () => {
    const found = await paths({ from: MODI, to: XI, limit: 10, maxLength: 4 });
    expect(found.length).toBeGreaterThan(3);
    expect(found.length).toBeLessThanOrEqual(10);
    const lengths = found.map((p) => p.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    const sequences = found.map((p) => p.nodes.map((n) => n.id).join('>'));
    expect(new Set(sequences).size).toBe(sequences.length);
    expect(await paths({ from: MODI, to: XI, limit: 10, maxLength: 4 })).toEqual(found);
  });

  it('keeps to maxLength', async () => {
    expect(await paths({ from: MODI, to: XI, maxLength: 1 })).toEqual([]);
    for (const p of await paths({ from: MODI, to: XI, maxLength: 2, limit: 10 }))
      expect(p.length).toBeLessThanOrEqual(2);
  });

  it('follows only the relationship types asked for', async () => {
    const types = ['CRITICIZED', 'MET_WITH'];
    const found = await paths({ from: MODI, to: XI, filter: { relationshipTypes: types } });
    expect(found.length).toBeGreaterThan(0);
    for (const p of found) expect(p.edges.every((e) => types.includes(e.type))).toBe(true);
    expect(found[0]!.explanation).toMatch(
      /^Narendra Modi criticized Vladimir Putin\. Vladimir Putin met with Xi Jinping/,
    );
    expect(await paths({ from: MODI, to: XI, filter: { relationshipTypes: ['MET_WITH'] } })).toEqual([]);
  });

  it('never uses a relationship dated outside the window', async () => {
    const found = await paths({
      from: MODI,
      to: XI,
      filter: { since: '2022-09-16', until: '2022-12-31' },
      limit: 10,
    });
    for (const p of found) {
      for (const e of p.edges) {
        const date = e.properties.date as string | undefined;
        if (date && e.properties.datePrecision === 'day') expect(date >= '2022-09-16').toBe(true);
      }
      expect(p.explanation).not.toContain('15 September 2022)');
    }
  });

  it('answers NOT_FOUND for an unknown node and BAD_USER_INPUT for bad arguments', async () => {
    expect(codes(await api.run(PATHS, { from: MODI, to: 'actor:nobody-at-all' }))).toEqual(['NOT_FOUND']);
    expect(codes(await api.run(PATHS, { from: MODI, to: XI, maxLength: 0 }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await api.run(PATHS, { from: MODI, to: XI, maxLength: 9 }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await api.run(PATHS, { from: MODI, to: XI, limit: 0 }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await api.run(PATHS, { from: MODI, to: XI, limit: 11 }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await api.run(PATHS, { from: MODI, to: MODI }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await api.run(PATHS, { from: 'modi', to: XI }))).toEqual(['BAD_USER_INPUT']);
    expect(
      codes(
        await api.run(PATHS, { from: MODI, to: XI, filter: { since: '2023-01-01', until: '2022-01-01' } }),
      ),
    ).toEqual(['BAD_USER_INPUT']);
  });
});
