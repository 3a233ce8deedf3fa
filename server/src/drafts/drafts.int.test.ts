// Drafts through the API against the real Neo4j holding the memo: draftDocument finds the graph's names in the
// memo's text (so its speakers are the memo's actors) and measures as `npm run measure:draft` does with the memo's
// names known; its limits; a reader may draft; and draftFiles' files go through previewDocument and
// importDocument as any document's, linking a quote to the memo's Putin and a new speaker, then are removed,
// leaving the graph as it was.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { cypher } from '../../../core/db/database.ts';
import { removeDocument } from '../../../graph-seed/src/documents.ts';
import { parseApiTokens, tokenStore } from '../access/tokens.ts';
import { startTestServer, type TestServer } from '../../../test/support/test-server.ts';
import { measure, measureMemo } from '../../../scripts/draft-measure.ts';
import { DRAFT_TEXT_MAX_BYTES } from '../graphql/limits.ts';
import type { DocumentDraft } from './draft.ts';

const READER = 'rd:reader:reader-token-rd-0123456789';
const bearer = (entry: string) => ({ authorization: `Bearer ${entry.split(':').slice(2).join(':')}` });
const tokens = tokenStore(parseApiTokens(READER));

const DATE = 'start end text date precision endDate endPrecision yearInferred';
const DRAFT = `query ($text: String!) { draftDocument(text: $text) {
  quotes { start end text speaker { start end text entityId label how } date { ${DATE} } }
  dates { ${DATE} }
  names { start end text entityId kind label how } } }`;
const FILES = `query ($text: String!, $document: DraftDocumentInput!, $quotes: [AcceptedQuoteInput!]!) {
  draftFiles(text: $text, document: $document, quotes: $quotes) { name content } }`;
const PREVIEW = `mutation ($files: [DocumentFileInput!]!) {
  previewDocument(files: $files) { id documentId valid errors added changed removed
    matches { incomingId existingId reason score } } }`;
const IMPORT = `mutation ($previewId: ID!) { importDocument(previewId: $previewId) { id title nodeCount edgeCount } }`;

const SNAPSHOT = cypher(
  'testDraftsSnapshot',
  `RETURN
     COLLECT { MATCH (n:Entity) RETURN [n.id, properties(n)] AS x ORDER BY n.id } AS nodes,
     COLLECT { MATCH (a:Entity)-[r]->(b:Entity)
               RETURN [a.id, type(r), b.id, properties(r)] AS x ORDER BY a.id, type(r), b.id, r.id, r.document } AS rels,
     COLLECT { MATCH (d:Document) RETURN d.name AS x ORDER BY d.name } AS documents`,
);
const SAID = cypher(
  'testDraftsSaid',
  `MATCH (a:Actor)-[r:SAID]->(s:Statement {document: $document})
   RETURN a.id AS actor, s.text AS text, toString(s.date) AS date, r.passages AS passages ORDER BY s.id`,
);
const LOADED = cypher('testDraftsLoaded', 'RETURN COLLECT { MATCH (d:Document) RETURN d.name } AS names');
const CLEAN_PREVIEWS = cypher(
  'testDraftsCleanPreviews',
  "MATCH (p:DocumentPreview) WHERE p.document STARTS WITH 'drafted-' DETACH DELETE p",
);

let open: TestServer;
let guarded: TestServer;
const memo = measureMemo();
const snapshot = async () => (await open.db.read(SNAPSHOT))[0];
const loadedNames = async () => (await open.db.read<{ names: string[] }>(LOADED))[0]!.names;

beforeAll(async () => {
  const uri = inject('neo4jUri');
  open = await startTestServer({ uri });
  guarded = await startTestServer({ uri, security: { tokens } });
});
afterEach(async () => {
  for (const name of await loadedNames())
    if (name.startsWith('drafted-')) await removeDocument(open.db, name);
});
afterAll(async () => {
  await open?.db.write(CLEAN_PREVIEWS);
  await open?.stop();
  await guarded?.stop();
});

async function draft(text: string, server = open, headers: Record<string, string> = {}) {
  const r = await server.post(DRAFT, { text }, headers);
  expect(r.body.errors).toBeUndefined();
  return r.body.data!.draftDocument as DocumentDraft;
}

describe('draftDocument', () => {
  it("finds the graph's names in the memo's text and measures as with the memo's names known", async () => {
    const d = await draft(memo.gold.text);
    expect(d.names).toContainEqual({
      start: memo.gold.text.indexOf('Vladimir Putin'),
      end: memo.gold.text.indexOf('Vladimir Putin') + 'Vladimir Putin'.length,
      text: 'Vladimir Putin',
      entityId: 'actor:vladimir-putin',
      kind: 'ACTOR',
      label: 'Vladimir Putin',
      how: 'name',
    });
    const bluff = d.quotes.find((q) => q.text === 'This is not a bluff.')!;
    expect(bluff.speaker).toMatchObject({
      text: 'Putin',
      entityId: 'actor:vladimir-putin',
      how: 'speech verb',
    });
    expect(bluff.date).toMatchObject({ date: '2022-09-21', precision: 'day', yearInferred: false });
    expect(d.dates[0]).toEqual({
      start: 0,
      end: 16,
      text: 'October 11, 2022',
      date: '2022-10-11',
      precision: 'day',
      endDate: null,
      endPrecision: null,
      yearInferred: false,
    });
    expect(measure(d, memo.gold)).toEqual(memo.withNames);
  });

  it('refuses a text over the limit, or none, with BAD_USER_INPUT; a reader may draft', async () => {
    const big = await open.post(DRAFT, { text: 'x'.repeat(DRAFT_TEXT_MAX_BYTES + 1) });
    expect(big.body.errors?.[0]).toMatchObject({
      message: expect.stringContaining(`at most ${DRAFT_TEXT_MAX_BYTES} bytes`),
      extensions: { code: 'BAD_USER_INPUT', limit: DRAFT_TEXT_MAX_BYTES },
    });
    const none = await open.post(DRAFT, { text: '  ' });
    expect(none.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const d = await draft('Putin said “we will see about that.”', guarded, bearer(READER));
    expect(d.quotes[0]!.speaker?.entityId).toBe('actor:vladimir-putin');
  });
});

describe('draftFiles', () => {
  const TEXT = [
    'November 2, 2022 | Drafted brief',
    '',
    'Speaking in Moscow, Putin said “we will continue until the end.” Jane Roe, an analyst, said “nobody expected',
    'that answer.” The brief calls it “a sign of the times.”',
  ].join('\n');

  it('gives files that previewDocument and importDocument take, and removing them leaves the graph as it was', async () => {
    const before = await snapshot();
    const d = await draft(TEXT);
    expect(d.quotes.map((q) => [q.text, q.speaker?.text ?? null, q.speaker?.entityId ?? null])).toEqual([
      ['we will continue until the end.', 'Putin', 'actor:vladimir-putin'],
      ['nobody expected\nthat answer.', 'Jane Roe', null],
      ['a sign of the times.', null, null],
    ]);
    const quotes = d.quotes.map((q) => ({
      start: q.start,
      end: q.end,
      ...(q.speaker?.entityId
        ? { speakerId: q.speaker.entityId }
        : q.speaker
          ? { speakerName: q.speaker.text }
          : {}),
      ...(q.speaker ? { speakerStart: q.speaker.start, speakerEnd: q.speaker.end } : {}),
    }));
    const r = await open.post(FILES, {
      text: TEXT,
      document: { name: 'drafted-brief', title: 'Drafted brief', date: '2022-11-02' },
      quotes,
    });
    expect(r.body.errors).toBeUndefined();
    const files = r.body.data!.draftFiles as Array<{ name: string; content: string }>;
    expect(files.map((f) => f.name)).toEqual([
      'document.yaml',
      'actors.yaml',
      'statements.yaml',
      'relationships.yaml',
      'text.txt',
    ]);
    const p = await open.post(PREVIEW, { files });
    expect(p.body.errors).toBeUndefined();
    const preview = p.body.data!.previewDocument as {
      id: string;
      valid: boolean;
      errors: string[];
      added: number;
    };
    expect(preview).toMatchObject({ valid: true, errors: [], documentId: 'document:drafted-brief' });
    // The source, the new actor, three statements and two SAID links.
    expect(preview.added).toBe(7);
    const i = await open.post(IMPORT, { previewId: preview.id });
    expect(i.body.errors).toBeUndefined();
    expect(i.body.data!.importDocument).toMatchObject({
      id: 'document:drafted-brief',
      title: 'Drafted brief',
    });
    expect(await open.db.read(SAID, { document: 'drafted-brief' })).toEqual([
      {
        actor: 'actor:jane-roe',
        text: 'nobody expected\nthat answer.',
        date: '2022-11-02',
        passages: ['Jane Roe, an analyst, said “nobody expected\nthat answer.”'],
      },
      {
        actor: 'actor:vladimir-putin',
        text: 'we will continue until the end.',
        date: '2022-11-02',
        passages: ['Putin said “we will continue until the end.”'],
      },
    ]);
    await removeDocument(open.db, 'drafted-brief');
    expect(await snapshot()).toEqual(before);
  });

  it("names a document after its title, clear of the graph's documents and ids", async () => {
    const r = await open.post(FILES, {
      text: TEXT,
      document: { title: 'No Limits memo', date: '2022' },
      quotes: [],
    });
    expect(r.body.errors).toBeUndefined();
    const files = r.body.data!.draftFiles as Array<{ name: string; content: string }>;
    expect(files.find((f) => f.name === 'document.yaml')!.content).toContain('id: source:no-limits-memo-2');
    const bad = await open.post(FILES, {
      text: TEXT,
      document: { title: 'T' },
      quotes: [{ start: 0, end: 5 }],
    });
    expect(bad.body.errors?.[0]).toMatchObject({
      message: expect.stringContaining('quotes[0].date'),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
