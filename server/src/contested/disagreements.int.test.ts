// Where documents disagree (issue 15, item 4), against the integration tier's Neo4j: the fixture beside this file
// (fixtures/scratch-disagreeing-brief, not product data) disagrees with the memo on planted facts (a meeting's date,
// a visit's place, a figure, two quotes' speakers, an attendance) and agrees with it on others. Imported through the
// API, every planted disagreement is listed by `contested` with the right a/b/aEdge/bEdge, and nothing else; the
// nodes concerned, and only they, report `contested`; removing the document brings back the memo's own pairs.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cypher } from '../../../core/db/database.ts';
import { removeDocument } from '../../../graph-seed/src/documents.ts';
import { loadDocument } from '../../../graph-seed/src/load.ts';
import { readDocuments } from '../../../graph-seed/src/read.ts';
import { BRIEF, BRIEF_DIR } from '../../../graph-seed/src/fixtures/documents.ts';
import { startTestServer, type TestServer } from '../../../test/support/test-server.ts';

const NAME = 'scratch-disagreeing-brief';
const MEMO = 'no-limits-memo';
const FIXTURE = path.join(import.meta.dirname, 'fixtures', NAME);
type File = { name: string; content: string };
const FILES: File[] = readdirSync(FIXTURE)
  .sort()
  .map((name) => ({ name, content: readFileSync(path.join(FIXTURE, name), 'utf8') }));

const PREVIEW = `mutation ($files: [DocumentFileInput!]!) {
  previewDocument(files: $files) { id valid errors } }`;
const IMPORT = 'mutation ($previewId: ID!) { importDocument(previewId: $previewId) { id } }';

const SIDE = 'id kind date contested properties passages { documentId text } sources { id }';
const EDGE = 'id type source target properties passages { documentId text } sources { id }';
const CONTESTED = `query ($limit: Int, $nodeId: ID) {
  contested(limit: $limit, nodeId: $nodeId) {
    id kind reason a { ${SIDE} } b { ${SIDE} } aEdge { ${EDGE} } bEdge { ${EDGE} } } }`;
const NODES = '{ nodes(limit: 1000) { id contested } }';

interface Side {
  id: string;
  kind: string;
  date: string | null;
  contested: boolean;
  properties: Record<string, unknown>;
  passages: { documentId: string; text: string }[];
  sources: { id: string }[];
}
interface Edge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
  passages: { documentId: string; text: string }[];
  sources: { id: string }[];
}
interface Contested {
  id: string;
  kind: string;
  reason: string;
  a: Side;
  b: Side;
  aEdge: Edge | null;
  bEdge: Edge | null;
}

// The planted disagreements, by id.
const ATTENDANCE =
  'contested:attendance:rel:actor:vladimir-putin-ATTENDED->meeting:li-zhanshu-visit-russia-2022-09:' +
  'rel:actor:vladimir-putin-DID_NOT_ATTEND->meeting:li-zhanshu-visit-russia-2022-09';
const DATE = `contested:date:meeting:xi-putin-samarkand-2022-09-15:${MEMO}:${NAME}`;
const PLACE = `contested:place:meeting:li-zhanshu-visit-russia-2022-09:${MEMO}:${NAME}`;
const COLOUR =
  'contested:speaker:statement:xi-prevent-color-revolutions:statement:xi-prevent-color-revolutions';
const FRIEND =
  'contested:speaker:statement:xi-putin-best-and-most-intimate-friend:statement:scratch-disagreeing-best-friend';
const VALUE =
  'contested:value:figure:china-russia-trade-growth-jan-jul-2022:figure:scratch-disagreeing-trade-jan-jul-2022';
const PLANTED = [ATTENDANCE, DATE, PLACE, COLOUR, FRIEND, VALUE];

const CLEAN_JUDGEMENTS = cypher(
  'testDisagreementsCleanJudgements',
  'MATCH (j:MatchJudgement {document: $document}) DELETE j',
);
const LOADED = cypher('testDisagreementsLoaded', 'RETURN COLLECT { MATCH (d:Document) RETURN d.name } AS x');

let server: TestServer;
let memoPairs: Contested[];
let memoContested: string[];

const list = async (variables: Record<string, unknown> = { limit: 500 }) => {
  const r = await server.post(CONTESTED, variables);
  expect(r.body.errors).toBeUndefined();
  return r.body.data!.contested as Contested[];
};
const contestedNodes = async () => {
  const r = await server.post(NODES);
  expect(r.body.errors).toBeUndefined();
  return (r.body.data!.nodes as { id: string; contested: boolean }[])
    .filter((n) => n.contested)
    .map((n) => n.id)
    .sort();
};
const loaded = async () => (await server.db.read<{ x: string[] }>(LOADED))[0]!.x;
const byId = (pairs: Contested[]) => new Map(pairs.map((p) => [p.id, p]));

async function importFixture(files: File[] = FILES) {
  const p = await server.post(PREVIEW, { files });
  const preview = p.body.data?.previewDocument as { id: string; valid: boolean; errors: string[] };
  expect(preview.errors).toEqual([]);
  const r = await server.post(IMPORT, { previewId: preview.id });
  expect(r.body.errors).toBeUndefined();
}

async function removeScratch() {
  for (const name of [NAME, BRIEF])
    if ((await loaded()).includes(name)) await removeDocument(server.db, name);
}

beforeAll(async () => {
  server = await startTestServer({ uri: inject('neo4jUri') });
  await removeScratch();
  memoPairs = await list();
  memoContested = await contestedNodes();
  await importFixture();
});
afterAll(async () => {
  await removeScratch();
  await server?.db.write(CLEAN_JUDGEMENTS, { document: NAME });
  await server?.stop();
});

describe('the memo alone', () => {
  it('lists only its DISPUTES pairs, and marks only their ends', () => {
    expect(memoPairs.length).toBeGreaterThan(0);
    expect(memoPairs.map((p) => p.kind)).toEqual(memoPairs.map(() => 'DISPUTES'));
    expect(memoPairs.every((p) => p.aEdge === null && p.bEdge === null)).toBe(true);
    const ends = new Set(memoPairs.flatMap((p) => [p.a.id, p.b.id]));
    expect(memoContested).toEqual([...ends].sort());
  });
});

describe('a document that disagrees with the memo', () => {
  it('finds every planted disagreement and nothing else, beside the memo’s pairs, in id order', async () => {
    const pairs = await list();
    const memoIds = memoPairs.map((p) => p.id);
    expect(pairs.map((p) => p.id).filter((id) => !memoIds.includes(id))).toEqual([...PLANTED].sort());
    expect(pairs.map((p) => p.id)).toEqual([...pairs.map((p) => p.id)].sort());
    // The memo's own pairs are as they were.
    expect(pairs.filter((p) => memoIds.includes(p.id))).toEqual(memoPairs);
  });

  it('sets the two accounts of a meeting’s date side by side, each with its passages and sources', async () => {
    const date = byId(await list()).get(DATE)!;
    expect(date.kind).toBe('DATE');
    expect(date.reason).toBe(
      'Documents disagree on the date of Xi Jinping - Vladimir Putin meeting in Samarkand: ' +
        `15 September 2022 (${MEMO}) vs 16 September 2022 (${NAME}).`,
    );
    for (const side of [date.a, date.b]) {
      expect(side).toMatchObject({
        id: 'meeting:xi-putin-samarkand-2022-09-15',
        kind: 'MEETING',
        contested: true,
      });
    }
    expect([date.a.date, date.b.date]).toEqual(['2022-09-15', '2022-09-16']);
    expect([date.a.properties.document, date.b.properties.document]).toEqual([MEMO, NAME]);
    expect(date.a.passages.map((p) => p.documentId)).toContain(`document:${MEMO}`);
    expect(date.b.passages).toEqual([
      {
        documentId: `document:${NAME}`,
        text: 'Xi Jinping and Vladimir Putin met on 16 September 2022 in Samarkand',
      },
    ]);
    expect(date.a.sources.map((s) => s.id)).toContain('source:no-limits-memo-fn02');
    expect(date.b.sources.map((s) => s.id)).toEqual([`source:${NAME}`]);
    expect([date.aEdge, date.bEdge]).toEqual([null, null]);
    // The place ("Samarkand" against "Samarkand, Uzbekistan") is a refinement, not a disagreement.
    expect(date.b.properties.place).toBe('Samarkand');
  });

  it('tells a place that differs from one that refines, and a day within the month from another day', async () => {
    const place = byId(await list()).get(PLACE)!;
    expect(place.kind).toBe('PLACE');
    expect(place.reason).toBe(
      "Documents disagree on the place of Li Zhanshu's visit to Russia: " +
        `Moscow, Russia (${MEMO}) vs Vladivostok, Russia (${NAME}).`,
    );
    expect([place.a.properties.place, place.b.properties.place]).toEqual([
      'Moscow, Russia',
      'Vladivostok, Russia',
    ]);
    // The fixture gives the month (September 2022), which holds the memo's day: no date entry for the visit.
    expect(place.b.properties).toMatchObject({ date: '2022-09-01', datePrecision: 'month' });
    expect((await list()).filter((p) => p.id.startsWith('contested:date:')).map((p) => p.id)).toEqual([DATE]);
  });

  it('finds the figure with the same subjects, measure and period and another value', async () => {
    const value = byId(await list()).get(VALUE)!;
    expect(value).toMatchObject({
      kind: 'VALUE',
      a: { id: 'figure:china-russia-trade-growth-jan-jul-2022', contested: true, properties: { value: 30 } },
      b: { id: 'figure:scratch-disagreeing-trade-jan-jul-2022', contested: true, properties: { value: 25 } },
      aEdge: null,
      bEdge: null,
    });
    expect(value.reason).toBe(
      'Documents disagree on Bilateral trade between China and Russia in January–July 2022: ' +
        `30 percent (${MEMO}) vs 25 Percent (${NAME}).`,
    );
    expect(value.b.sources.map((s) => s.id)).toEqual([`source:${NAME}-fn01`]);
    expect(value.b.passages[0]!.text).toMatch(/grew 25 percent/);
  });

  it('finds the same words given to other speakers, with the attributions as the edges', async () => {
    const pairs = byId(await list());
    const friend = pairs.get(FRIEND)!;
    expect(friend).toMatchObject({
      kind: 'SPEAKER',
      a: { id: 'statement:xi-putin-best-and-most-intimate-friend', contested: true },
      b: { id: 'statement:scratch-disagreeing-best-friend', contested: true },
      aEdge: {
        type: 'SAID',
        source: 'actor:xi-jinping',
        target: 'statement:xi-putin-best-and-most-intimate-friend',
      },
      bEdge: {
        type: 'SAID',
        source: 'actor:vladimir-putin',
        target: 'statement:scratch-disagreeing-best-friend',
      },
    });
    expect(friend.reason).toBe(
      'Documents attribute “best and most intimate friend” to different speakers: ' +
        `Xi Jinping (${MEMO}) vs Vladimir Putin (${NAME}).`,
    );
    expect(friend.bEdge!.passages[0]).toMatchObject({ documentId: `document:${NAME}` });
    // The fixture gives the memo's own statement another speaker: one node, two attributions.
    const colour = pairs.get(COLOUR)!;
    expect(colour).toMatchObject({
      kind: 'SPEAKER',
      a: { id: 'statement:xi-prevent-color-revolutions' },
      b: { id: 'statement:xi-prevent-color-revolutions' },
      aEdge: { source: 'actor:xi-jinping', properties: { document: MEMO } },
      bEdge: { source: 'actor:li-zhanshu', properties: { document: NAME } },
    });
    expect(colour.bEdge!.sources.map((s) => s.id)).toEqual([`source:${NAME}`]);
  });

  it('finds the attendance one document asserts and the other denies', async () => {
    const attendance = byId(await list()).get(ATTENDANCE)!;
    expect(attendance).toMatchObject({
      kind: 'ATTENDANCE',
      a: { id: 'actor:vladimir-putin', contested: true },
      b: { id: 'meeting:li-zhanshu-visit-russia-2022-09', contested: true },
      aEdge: {
        type: 'ATTENDED',
        source: 'actor:vladimir-putin',
        target: 'meeting:li-zhanshu-visit-russia-2022-09',
        properties: { document: MEMO },
      },
      bEdge: {
        type: 'DID_NOT_ATTEND',
        source: 'actor:vladimir-putin',
        target: 'meeting:li-zhanshu-visit-russia-2022-09',
        properties: { document: NAME },
      },
    });
    expect(attendance.reason).toBe(
      "Documents disagree on whether Vladimir Putin attended Li Zhanshu's visit to Russia: " +
        `${MEMO} says so, ${NAME} says not.`,
    );
    expect(attendance.bEdge!.passages.map((p) => p.text)).toEqual([
      "Vladimir Putin did not attend the talks of Li Zhanshu's visit",
    ]);
    expect(attendance.aEdge!.sources.map((s) => s.id)).toEqual(['source:no-limits-memo']);
  });

  it('marks exactly the nodes of the listed pairs contested, and none of those it agrees on', async () => {
    const pairs = await list();
    const ends = [...new Set(pairs.flatMap((p) => [p.a.id, p.b.id]))].sort();
    const marked = await contestedNodes();
    expect(marked).toEqual(ends);
    for (const agreed of [
      'meeting:sco-summit-samarkand-2022',
      'agreement:china-russia-no-limits-partnership',
      'figure:china-semiconductor-sales-russia-mar-2022',
      'figure:scratch-disagreeing-semiconductors-mar-2022',
      'figure:scratch-disagreeing-trade-jan-aug-2022',
      'statement:putin-not-a-bluff',
      'statement:scratch-disagreeing-not-a-bluff',
      'statement:china-russia-always-firmly-support-each-other',
      'statement:scratch-disagreeing-firm-support',
      'actor:narendra-modi',
      'actor:xi-jinping',
    ]) {
      expect(marked, agreed).not.toContain(agreed);
    }
  });

  it('lists only the pairs of one node with nodeId, and keeps to the limit in id order', async () => {
    const all = await list();
    expect((await list({ nodeId: 'actor:vladimir-putin' })).map((p) => p.id)).toEqual([ATTENDANCE]);
    expect((await list({ nodeId: 'meeting:li-zhanshu-visit-russia-2022-09' })).map((p) => p.id)).toEqual([
      ATTENDANCE,
      PLACE,
    ]);
    expect((await list({ nodeId: 'statement:xi-prevent-color-revolutions' })).map((p) => p.id)).toEqual([
      COLOUR,
    ]);
    expect(await list({ nodeId: 'actor:xi-jinping' })).toEqual([]);
    expect((await list({ limit: 3 })).map((p) => p.id)).toEqual(all.slice(0, 3).map((p) => p.id));
    const bad = await server.post(CONTESTED, { nodeId: 'not an id' });
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('adds nothing for a third document that agrees with both (the Samarkand brief)', async () => {
    const said = (pairs: Contested[]) => pairs.map((p) => [p.id, p.reason]);
    const before = said(await list());
    const read = readDocuments(undefined, { add: BRIEF_DIR });
    if (!read.ok) throw new Error('the brief does not validate');
    await loadDocument(
      server.db,
      read.documents.find((d) => d.name === BRIEF)!,
    );
    try {
      expect(said(await list())).toEqual(before);
    } finally {
      await removeDocument(server.db, BRIEF);
    }
  });

  it('refuses a document that both asserts and denies one attendance', async () => {
    const relationships = FILES.find((f) => f.name === 'relationships.yaml')!.content;
    const files = [
      ...FILES.filter((f) => f.name !== 'relationships.yaml'),
      {
        name: 'relationships.yaml',
        content: `${relationships}
  - id: rel:scratch-disagreeing-putin-attended-li-visit
    type: ATTENDED
    from: actor:vladimir-putin
    to: meeting:li-zhanshu-visit-russia-2022-09
    passages: ["Li Zhanshu's visit to Russia"]
    sources: [source:scratch-disagreeing-brief]
`,
      },
    ];
    const r = await server.post(PREVIEW, { files });
    const preview = r.body.data?.previewDocument as { valid: boolean; errors: string[] };
    expect(preview.valid).toBe(false);
    expect(preview.errors).toEqual([
      'relationships.yaml: relationships[13]: actor:vladimir-putin ATTENDED meeting:li-zhanshu-visit-russia-2022-09 ' +
        'contradicts DID_NOT_ATTEND at relationships[4]: a document either says an actor attended a meeting or that ' +
        'it did not, never both',
    ]);
  });
});

describe('removing the document', () => {
  it('brings back the memo’s pairs and marks, exactly', async () => {
    await removeDocument(server.db, NAME);
    expect(await list()).toEqual(memoPairs);
    expect(await contestedNodes()).toEqual(memoContested);
  });
});
