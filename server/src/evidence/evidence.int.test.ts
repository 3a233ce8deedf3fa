// Evidence through the API, on the evidence fixture (graph-seed/src/fixtures/evidence) loaded beside the memo and
// removed afterwards: statedOnly leaves out every inferred relationship (neighbourhoods, paths, nodes),
// minReliability what rests only on sources graded lower, and passages come back with offsets into the stored text.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cypher } from '../../../core/db/database.ts';
import { loadDocuments } from '../../../graph-seed/src/load.ts';
import { readDocuments } from '../../../graph-seed/src/read.ts';
import { formatSeedError } from '../../../graph-seed/src/files.ts';
import { EV, EVIDENCE_DOC, EVIDENCE_FIXTURES_DIR } from '../../../graph-seed/src/fixtures/evidence.ts';
import { codes, startTestGraphQL, type TestGraphQL } from '../../../test/support/graph.ts';
import { DOCUMENT } from '../../../client/src/document/document.ts';
import { ASSUMED_SIZES, DEFAULT_LIMITS } from '../graphql/limits.ts';

const CLEAN = cypher(
  'testEvidenceClean',
  `MATCH (n) WHERE (n:Entity AND n.document = $document) OR (n:SeedDocument AND n.name = $document)
      OR (n:Document AND n.name = $document) OR (n:EntityRecord AND n.document = $document)
   DETACH DELETE n`,
);

const UNGRADE = cypher(
  'testEvidenceUngrade',
  'MATCH (s:Source {id: $id}) REMOVE s.reliability, s.reliabilityNote',
);

let api: TestGraphQL;
let text: string;
beforeAll(async () => {
  api = await startTestGraphQL(inject('neo4jUri'));
  const read = readDocuments(EVIDENCE_FIXTURES_DIR);
  if (!read.ok) throw new Error(read.errors.map(formatSeedError).join('\n'));
  text = read.documents[0]!.text!;
  await loadDocuments(api.db, read.documents);
  // The seed format requires a grade; a source written another way (by another tool, or before grades were
  // required) may have none, and counts as F.
  await api.db.write(UNGRADE, { id: 'source:evfix-fn03' });
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
        {
          id: 'source:evfix-fn02',
          publisher: 'Wire B',
          reliability: 'E',
          reliabilityNote: 'A wire that prints unsourced gossip.',
        },
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

interface Span {
  start: number;
  end: number;
  nodeId: string | null;
  edgeId: string | null;
  label: string;
  kind: string | null;
  source: string | null;
  target: string | null;
}

const CLAIMS = /* GraphQL */ `
  query ($id: ID!) {
    neighborhood(id: $id, depth: 2) {
      nodes {
        id
        passages {
          documentId
          start
          end
        }
      }
      edges {
        id
        passages {
          documentId
          start
          end
        }
      }
    }
  }
`;

describe('documentSpans', () => {
  const id = `document:${EVIDENCE_DOC}`;
  const spans = async () =>
    (await api.data<{ documentText: string; documentSpans: Span[] }>(DOCUMENT, { id })).documentSpans;

  it('gives one span per passage of every node and relationship of the document, as their passages say', async () => {
    type Claim = { id: string; passages: { documentId: string; start: number; end: number }[] };
    const { neighborhood } = await api.data<{ neighborhood: { nodes: Claim[]; edges: Claim[] } }>(CLAIMS, {
      id: EV.meeting,
    });
    const expected = [...neighborhood.nodes, ...neighborhood.edges].flatMap((c) =>
      c.passages.filter((p) => p.documentId === id).map((p) => `${c.id} ${p.start}-${p.end}`),
    );
    const got = await spans();
    expect(expected.length).toBeGreaterThan(4);
    expect(got.map((s) => `${s.nodeId ?? s.edgeId} ${s.start}-${s.end}`).sort()).toEqual(expected.sort());
    expect(got.map((s) => s.start)).toEqual([...got.map((s) => s.start)].sort((a, b) => a - b));
    for (const s of got) expect(s.end).toBeGreaterThan(s.start);
  });

  it('labels a node’s span with its label and kind, a relationship’s with its ends and type', async () => {
    const got = await spans();
    const statement = got.find((s) => s.nodeId === EV.statement)!;
    expect(statement).toMatchObject({ edgeId: null, kind: 'STATEMENT', source: null, target: null });
    expect(text.slice(statement.start, statement.end)).toContain('We are the best of');
    expect(got.find((s) => s.edgeId === EV.hosted)).toMatchObject({
      nodeId: null,
      label: 'Carla Gamma HOSTED Alpha and Beta in Cairo',
      kind: 'HOSTED',
      source: EV.carla,
      target: EV.meeting,
    });
    const hosted = got.find((s) => s.edgeId === EV.hosted)!;
    expect(text.slice(hosted.start, hosted.end)).toBe('Analysts believe Carla Gamma arranged the meeting');
  });

  it('is empty for an unknown document and refuses what is not a document id', async () => {
    expect(await api.data('{ documentSpans(id: "document:no-such-document") { start } }')).toEqual({
      documentSpans: [],
    });
    const bad = await api.run('{ documentSpans(id: "actor:evfix-anna-alpha") { start } }');
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
  });

  it('counts as a long list under the cost limit: the explorer’s query fits, copies past the limit do not', async () => {
    // The explorer's query (text and spans) ran above under the limit. Each copy of the spans costs its assumed
    // size times its eight fields; one copy more than the limit holds is refused before anything runs.
    const each = 1 + ASSUMED_SIZES['Query.documentSpans']! * 8;
    const n = Math.floor(DEFAULT_LIMITS.maxCost / each) + 1;
    expect(n).toBeLessThanOrEqual(DEFAULT_LIMITS.maxAliases);
    const copies = Array.from(
      { length: n },
      (_, i) => `s${i}: documentSpans(id: $id) { start end nodeId edgeId label kind source target }`,
    );
    const many = await api.run(`query ($id: ID!) { ${copies.join(' ')} }`, { id });
    expect(codes(many)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(many.errors![0]!.message).toMatch(/estimated cost/);
  });
});
