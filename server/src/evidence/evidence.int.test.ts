// Evidence through the API, on the evidence fixture (graph-seed/src/fixtures/evidence) loaded beside the memo and
// removed afterwards: statedOnly leaves out every inferred relationship (neighbourhoods, paths, nodes),
// minReliability what rests only on sources graded lower, and passages come back with offsets into the stored text.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cypher } from '../../../core/db/database.ts';
import { loadDocuments } from '../../../graph-seed/src/load.ts';
import { readDocuments } from '../../../graph-seed/src/read.ts';
import { formatSeedError } from '../../../graph-seed/src/files.ts';
import { EV, EVIDENCE_DOC, EVIDENCE_FIXTURES_DIR } from '../../../graph-seed/src/fixtures/evidence.ts';
import { startTestGraphQL, type TestGraphQL } from '../../../test/support/graph.ts';

const CLEAN = cypher(
  'testEvidenceClean',
  `MATCH (n) WHERE (n:Entity AND n.document = $document) OR (n:SeedDocument AND n.name = $document)
      OR (n:Document AND n.name = $document)
   DETACH DELETE n`,
);

let api: TestGraphQL;
let text: string;
beforeAll(async () => {
  api = await startTestGraphQL(inject('neo4jUri'));
  const read = readDocuments(EVIDENCE_FIXTURES_DIR);
  if (!read.ok) throw new Error(read.errors.map(formatSeedError).join('\n'));
  text = read.documents[0]!.text!;
  await loadDocuments(api.db, read.documents);
});
afterAll(async () => {
  await api.db.write(CLEAN, { document: EVIDENCE_DOC });
  await api.close();
});

const EDGE_FIELDS = `id type basis inferenceNote credibility corroboration
  passages { documentId start end text } sources { id publisher reliability reliabilityNote }`;

interface Edge {
  id: string;
  type: string;
  basis: string;
  inferenceNote: string | null;
  credibility: number | null;
  corroboration: number;
  passages: { documentId: string; start: number; end: number; text: string }[];
  sources: { id: string; publisher: string | null; reliability: string; reliabilityNote: string | null }[];
}

const NEIGHBORHOOD = /* GraphQL */ `
  query ($id: ID!, $filter: GraphFilter) {
    neighborhood(id: $id, depth: 2, filter: $filter) {
      nodes { id basis }
      edges { ${EDGE_FIELDS} }
    }
  }
`;

const neighborhood = (filter: Record<string, unknown> | null) =>
  api.data<{ neighborhood: { nodes: { id: string }[]; edges: Edge[] } }>(NEIGHBORHOOD, {
    id: EV.meeting,
    filter,
  });

describe('evidence on relationships', () => {
  it('gives basis, note, credibility, corroboration (distinct publishers) and graded sources', async () => {
    const { edges } = (await neighborhood(null)).neighborhood;
    const byId = new Map(edges.map((e) => [e.id, e]));
    expect(byId.get(EV.hosted)).toMatchObject({
      basis: 'INFERRED',
      inferenceNote: expect.stringMatching(/no source says so/),
      credibility: 4,
      corroboration: 1,
      sources: [{ id: 'source:evfix-memo', reliability: 'C' }],
    });
    expect(byId.get(EV.annaAttended)).toMatchObject({
      basis: 'STATED',
      inferenceNote: null,
      credibility: 2,
      corroboration: 2,
    });
    expect(byId.get(EV.annaAttended)!.sources).toEqual(
      expect.arrayContaining([
        {
          id: 'source:evfix-fn01',
          publisher: 'Wire A',
          reliability: 'B',
          reliabilityNote: 'An agency with a long record.',
        },
        { id: 'source:evfix-fn02', publisher: 'Wire B', reliability: 'E', reliabilityNote: null },
      ]),
    );
  });

  it('statedOnly leaves every inferred relationship out of the neighbourhood, and what only it reached', async () => {
    const all = (await neighborhood(null)).neighborhood;
    expect(all.edges.some((e) => e.basis === 'INFERRED')).toBe(true);
    expect(all.nodes.map((n) => n.id)).toContain(EV.carla);
    const stated = (await neighborhood({ statedOnly: true })).neighborhood;
    expect(stated.edges.filter((e) => e.basis === 'INFERRED')).toEqual([]);
    expect(stated.nodes.map((n) => n.id)).not.toContain(EV.carla);
    expect(stated.edges.map((e) => e.id)).toContain(EV.annaAttended);
  });

  it('minReliability leaves out what rests only on sources graded lower (an ungraded one counts as F)', async () => {
    const b = (await neighborhood({ minReliability: 'B' })).neighborhood;
    const ids = b.edges.map((e) => e.id);
    expect(ids).toContain(EV.annaAttended); // footnotes 1 (B) and 2 (E): one is good enough
    expect(ids).not.toContain(EV.borisAttended); // footnote 2 (E) only
    expect(ids).not.toContain(EV.hosted); // the memo itself (C)
    expect(b.nodes.map((n) => n.id)).not.toContain(EV.carla); // cites footnote 2 (E) only
    const e = (await neighborhood({ minReliability: 'E' })).neighborhood;
    expect(e.edges.map((x) => x.id)).toEqual(expect.arrayContaining([EV.hosted, EV.borisAttended]));
    const f = (await neighborhood({ minReliability: 'F' })).neighborhood;
    expect(f.edges.map((e) => e.id).sort()).toEqual(
      (await neighborhood(null)).neighborhood.edges.map((e) => e.id).sort(),
    );
  });
});

const PATHS = /* GraphQL */ `
  query ($from: ID!, $to: ID!, $filter: GraphFilter) {
    paths(sourceId: $from, targetId: $to, maxLength: 4, filter: $filter, limit: 5) {
      explanation
      edges {
        id
        basis
      }
    }
  }
`;

describe('paths', () => {
  it('are not returned with statedOnly when they need an inferred step, and say "(inferred)" otherwise', async () => {
    const paths = (filter: Record<string, unknown> | null) =>
      api.data<{ paths: { explanation: string; edges: { id: string; basis: string }[] }[] }>(PATHS, {
        from: EV.carla,
        to: EV.anna,
        filter,
      });
    const all = (await paths(null)).paths;
    expect(all.length).toBeGreaterThan(0);
    expect(all[0]!.edges.map((e) => e.id)).toContain(EV.hosted);
    expect(all[0]!.explanation).toMatch(/Carla Gamma hosted .*\(inferred\)/);
    expect((await paths({ statedOnly: true })).paths).toEqual([]);
    expect((await paths({ minReliability: 'B' })).paths).toEqual([]);
  });
});

const NODE = /* GraphQL */ `
  query ($id: ID!) {
    node(id: $id) { id basis inferenceNote contested passages { documentId start end text } }
    documentText(id: "document:${EVIDENCE_DOC}")
  }
`;

describe('passages', () => {
  it('come back with offsets whose text is the document text’s, which documentText serves', async () => {
    const data = await api.data<{
      node: {
        basis: string;
        contested: boolean;
        passages: { documentId: string; start: number; end: number; text: string }[];
      };
      documentText: string;
    }>(NODE, { id: EV.statement });
    expect(data.documentText).toBe(text);
    expect(data.node.basis).toBe('STATED');
    expect(data.node.contested).toBe(false);
    expect(data.node.passages).toHaveLength(1);
    const [p] = data.node.passages;
    expect(p!.documentId).toBe(`document:${EVIDENCE_DOC}`);
    expect(p!.text).toContain('We are the best of');
    expect(data.documentText.slice(p!.start, p!.end)).toBe(p!.text);
  });

  it('an actor has none and is stated; an unknown document has no text', async () => {
    const data = await api.data<{ node: { basis: string; passages: unknown[] }; documentText: string }>(
      NODE,
      {
        id: EV.anna,
      },
    );
    expect(data.node).toMatchObject({ basis: 'STATED', passages: [] });
    const other = await api.data<{ documentText: string | null }>(
      '{ documentText(id: "document:no-such-document") }',
    );
    expect(other.documentText).toBeNull();
  });
});

const NODES = /* GraphQL */ `
  query ($filter: GraphFilter) {
    nodes(kind: ACTOR, filter: $filter, limit: 1000) {
      id
    }
    sources(where: { id: { eq: "source:evfix-fn02" } }) {
      id
      reliability
    }
    ungraded: sources(where: { id: { eq: "source:evfix-fn03" } }) {
      id
      reliability
    }
  }
`;

describe('nodes and the typed queries', () => {
  it('nodes() honours minReliability; Source.reliability is F where a source has no grade', async () => {
    const all = await api.data<{ nodes: { id: string }[]; sources: { reliability: string }[] }>(NODES, {
      filter: null,
    });
    expect(all.nodes.map((n) => n.id)).toContain(EV.carla);
    expect(all.sources).toEqual([{ id: 'source:evfix-fn02', reliability: 'E' }]);
    const b = await api.data<{ nodes: { id: string }[]; ungraded: { reliability: string }[] }>(NODES, {
      filter: { minReliability: 'B' },
    });
    expect(b.nodes.map((n) => n.id)).toContain(EV.anna);
    expect(b.nodes.map((n) => n.id)).not.toContain(EV.carla);
    expect(b.ungraded).toEqual([{ id: 'source:evfix-fn03', reliability: 'F' }]);
  });
});
