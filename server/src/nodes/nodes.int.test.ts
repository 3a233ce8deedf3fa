import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { NODE } from '../../../client/src/api/operations.ts';
import { cypher } from '../../../core/db/database.ts';
import { codes, startTestGraphQL, type TestGraphQL } from '../../../test/support/graph.ts';

let api: TestGraphQL;
beforeAll(async () => {
  api = await startTestGraphQL(inject('neo4jUri'));
});
afterAll(() => api.close());

const NODES = /* GraphQL */ `
  query ($kind: NodeKind, $filter: GraphFilter, $limit: Int, $offset: Int) {
    nodes(kind: $kind, filter: $filter, limit: $limit, offset: $offset) {
      id
      kind
      date
      properties
    }
  }
`;

const DEGREE = cypher(
  'testNodesDegree',
  `MATCH (n:Entity {id: $id})-[r]-() WHERE type(r) <> 'CITES' AND type(r) <> 'INCLUDES' RETURN count(r) AS degree`,
);

interface Node {
  id: string;
  kind: string;
  label: string;
  date: string | null;
  summary: string | null;
  properties: Record<string, unknown>;
  degree: number;
  sources: { id: string; title: string; footnote: number | null; date: string | null; url: string | null }[];
}

describe('node', () => {
  it('shows an actor with its properties, sources and degree without CITES', async () => {
    const { node } = await api.data<{ node: Node }>(NODE, { id: 'actor:li-zhanshu' });
    expect(node).toMatchObject({ id: 'actor:li-zhanshu', kind: 'ACTOR', label: 'Li Zhanshu' });
    expect(node.properties.aliases).toContain('栗战书');
    expect(node.sources.map((s) => s.id)).toContain('source:no-limits-memo');
    const [row] = await api.db.read(DEGREE, { id: 'actor:li-zhanshu' });
    expect(node.degree).toBe(row!.degree);
    expect(node.degree).toBeGreaterThan(0);
  });

  it('shows a statement with a short label and its full text among the properties', async () => {
    const { node } = await api.data<{ node: Node }>(NODE, {
      id: 'statement:putin-balanced-position-questions-and-concerns',
    });
    expect(node.kind).toBe('STATEMENT');
    expect(node.label.length).toBeLessThanOrEqual(80);
    expect(node.label.endsWith('…')).toBe(true);
    expect(node.properties.text).toBe(
      'We [Russia] appreciate our Chinese friends’ balanced position in connection with the Ukraine crisis. We understand your questions and concerns in this regard.',
    );
    expect(node.date).toBe('2022-09-15');
    expect(node.properties.date).toBe('2022-09-15');
    expect(node.sources.find((s) => s.footnote === 2)).toMatchObject({
      title: 'Meeting with Chinese President Xi Jinping',
      date: '2022-09-15',
      url: 'http://kremlin.ru/events/president/news/69356',
    });
  });

  it("answers the Source type's other fields on a node's sources too", async () => {
    const { node } = await api.data<{
      node: { sources: { id: string; kind: string; authors: string[] | null }[] };
    }>(`query ($id: ID!) { node(id: $id) { sources { id kind authors } } }`, {
      id: 'statement:putin-not-a-bluff',
    });
    expect(node.sources.find((s) => s.id === 'source:no-limits-memo-fn01')).toEqual({
      id: 'source:no-limits-memo-fn01',
      kind: 'SOURCE',
      authors: ['Vladimir Putin'],
    });
  });

  it('gives null for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
    expect((await api.data<{ node: Node | null }>(NODE, { id: 'actor:nobody-at-all' })).node).toBeNull();
    expect(codes(await api.run(NODE, { id: 'not an id' }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('nodes', () => {
  it('lists nodes of one kind in id order, page by page', async () => {
    const first = (await api.data<{ nodes: Node[] }>(NODES, { kind: 'ACTOR', limit: 10, offset: 0 })).nodes;
    const second = (await api.data<{ nodes: Node[] }>(NODES, { kind: 'ACTOR', limit: 10, offset: 10 })).nodes;
    expect(first).toHaveLength(10);
    expect(first.every((n) => n.kind === 'ACTOR')).toBe(true);
    const ids = [...first, ...second].map((n) => n.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps to the time window', async () => {
    const { nodes } = await api.data<{ nodes: Node[] }>(NODES, {
      kind: 'MEETING',
      filter: { since: '2022-09-15', until: '2022-09-16' },
      limit: 100,
    });
    const ids = nodes.map((n) => n.id);
    expect(ids).toContain('meeting:sco-summit-samarkand-2022');
    expect(ids).toContain('meeting:modi-putin-samarkand-2022-09-16');
    expect(ids).not.toContain('meeting:beijing-winter-olympics-2022');
    for (const n of nodes) {
      const end = (n.properties.endDate as string | undefined) ?? n.date;
      if (n.date && n.properties.datePrecision === 'day') {
        expect(n.date <= '2022-09-16').toBe(true);
        expect(end! >= '2022-09-15').toBe(true);
      }
    }
  });

  it('combines kind with the filter kinds', async () => {
    const { nodes } = await api.data<{ nodes: Node[] }>(NODES, {
      filter: { kinds: ['AGREEMENT', 'FIGURE'] },
      limit: 1000,
    });
    expect(new Set(nodes.map((n) => n.kind))).toEqual(new Set(['AGREEMENT', 'FIGURE']));
  });

  it('answers BAD_USER_INPUT for bad limits, offsets and windows', async () => {
    expect(codes(await api.run(NODES, { limit: 1001 }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await api.run(NODES, { limit: -5 }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await api.run(NODES, { offset: -1 }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await api.run(NODES, { filter: { since: '2022-10-01', until: '2022-09-01' } }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codes(await api.run(NODES, { filter: { relationshipTypes: ['LIKES'] } }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});
