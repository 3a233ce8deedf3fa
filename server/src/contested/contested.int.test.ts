import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { codes, startTestGraphQL, type TestGraphQL } from '../../../test/support/graph.ts';

let api: TestGraphQL;
beforeAll(async () => {
  api = await startTestGraphQL(inject('neo4jUri'));
});
afterAll(() => api.close());

interface Pair {
  id: string;
  kind: string;
  reason: string;
  a: { id: string; contested: boolean };
  b: { id: string; contested: boolean; sources: { footnote: number | null }[] };
  aEdge: unknown;
}

describe('contested claims', () => {
  it('marks both ends of a DISPUTES relationship contested, and nothing else', async () => {
    const { nodes } = await api.data<{ nodes: { id: string; contested: boolean }[] }>(/* GraphQL */ `
      {
        nodes(filter: { kinds: [STATEMENT] }, limit: 1000) {
          id
          contested
        }
      }
    `);
    const contested = nodes.filter((n) => n.contested).map((n) => n.id);
    // The memo against the press's reading of Samarkand (graph-seed/documents/no-limits-memo/relationships.yaml).
    expect(contested).toContain('statement:ft-west-sees-xi-modi-critique');
    expect(contested).toContain('statement:nyt-meeting-subdued');
    expect(contested).toContain('statement:memo-evidence-does-not-support-rift');
    // Borne out, not disputed: Xi's own words in Samarkand.
    expect(contested).not.toContain('statement:xi-strong-mutual-support-core-interests');
    expect(contested.length).toBeLessThan(nodes.length / 2);
  });

  it('lists the pairs with the reason and both claims with their sources', async () => {
    const { contested } = await api.data<{ contested: Pair[] }>(/* GraphQL */ `
      {
        contested(limit: 50) {
          id
          kind
          reason
          a {
            id
            contested
          }
          b {
            id
            contested
            sources {
              footnote
            }
          }
          aEdge {
            id
          }
        }
      }
    `);
    const ft = contested.filter((p) => p.b.id === 'statement:ft-west-sees-xi-modi-critique');
    expect(ft.map((p) => p.a.id).sort()).toEqual([
      'statement:memo-evidence-does-not-support-rift',
      'statement:memo-media-put-words-in-xis-mouth',
    ]);
    expect(ft[0]!.reason).toMatch(/Modi|words in Xi/);
    expect(ft[0]!.b.sources.map((s) => s.footnote)).toContain(4);
    for (const p of contested) {
      expect(p.a.contested && p.b.contested).toBe(true);
      // The memo alone: its DISPUTES pairs only (disagreements between documents: disagreements.int.test.ts).
      expect(p.kind).toBe('DISPUTES');
      expect(p.aEdge).toBeNull();
    }
    const ids = contested.map((p) => p.id);
    expect([...ids].sort()).toEqual(ids);
  });

  it('refuses a limit outside 1 to 500', async () => {
    const res = await api.run(/* GraphQL */ `
      {
        contested(limit: 0) {
          id
        }
      }
    `);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
  });
});
