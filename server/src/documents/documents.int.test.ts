// Documents through the API, with the documents fixture (graph-seed/src/fixtures/documents) loaded beside the memo
// and removed again: the list and its counts, one document by id, removeDocument (an editor's write where tokens
// are on), NOT_FOUND for an unknown document and BAD_USER_INPUT for what is not a document id.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { cypher } from '../../../core/db/database.ts';
import { loadDocument } from '../../../graph-seed/src/load.ts';
import { removeDocument } from '../../../graph-seed/src/documents.ts';
import { readDocuments } from '../../../graph-seed/src/read.ts';
import { formatSeedError } from '../../../graph-seed/src/files.ts';
import type { SeedDocument } from '../../../graph-seed/src/normalise.ts';
import { BRIEF, BRIEF_COUNTS, BRIEF_DIR, BRIEF_IDS } from '../../../graph-seed/src/fixtures/documents.ts';
import { parseApiTokens, tokenStore } from '../access/tokens.ts';
import { startTestServer, type TestServer } from '../../../test/support/test-server.ts';

const EDITOR = 'ed:editor:editor-token-ed-0123456789';
const READER = 'rd:reader:reader-token-rd-0123456789';
const bearer = (entry: string) => ({ authorization: `Bearer ${entry.split(':').slice(2).join(':')}` });
const tokens = tokenStore(parseApiTokens([EDITOR, READER].join(',')));

const FIELDS = 'id title publisher date url nodeCount edgeCount addedAt addedBy';
const DOCUMENTS = `{ documents { ${FIELDS} } }`;
const DOCUMENT = `query ($id: ID!) { document(id: $id) { ${FIELDS} } }`;
const REMOVE = 'mutation ($id: ID!) { removeDocument(id: $id) }';
const LOADED = cypher(
  'testDocumentsApiLoaded',
  'RETURN EXISTS { MATCH (d:Document {name: $document}) } AS loaded',
);

let open: TestServer;
let guarded: TestServer;
let brief: SeedDocument;

const briefLoaded = async () =>
  (await open.db.read<{ loaded: boolean }>(LOADED, { document: BRIEF }))[0]!.loaded;

beforeAll(async () => {
  const uri = inject('neo4jUri');
  open = await startTestServer({ uri });
  guarded = await startTestServer({ uri, security: { tokens } });
  const read = readDocuments(undefined, { add: BRIEF_DIR });
  if (!read.ok) throw new Error(read.errors.map(formatSeedError).join('\n'));
  brief = read.documents.find((d) => d.name === BRIEF)!;
});
afterEach(async () => {
  if (await briefLoaded()) await removeDocument(open.db, BRIEF);
});
afterAll(async () => {
  await open?.stop();
  await guarded?.stop();
});

describe('documents', () => {
  it('lists the memo and the brief, with what their own sources say and what each makes', async () => {
    await loadDocument(open.db, brief);
    const r = await open.post(DOCUMENTS);
    expect(r.body.errors).toBeUndefined();
    const list = r.body.data?.documents as Array<Record<string, unknown>>;
    expect(list).toEqual([
      {
        id: 'document:no-limits-memo',
        title: '‘No Limits’: Xi’s Support For Putin Is Unwavering',
        publisher: null,
        date: '2022-10-11',
        url: null,
        nodeCount: 178,
        edgeCount: 365,
        addedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        addedBy: null,
      },
      {
        id: `document:${BRIEF}`,
        title: 'After Samarkand: a second look',
        publisher: 'Fixture Institute',
        date: '2022-10-20',
        url: 'https://example.org/fixture/after-samarkand',
        nodeCount: BRIEF_COUNTS.nodes,
        edgeCount: BRIEF_COUNTS.edges,
        addedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        addedBy: null,
      },
    ]);
    expect(Date.parse(list[1]!.addedAt as string)).toBeGreaterThanOrEqual(
      Date.parse(list[0]!.addedAt as string),
    );

    const one = await open.post(DOCUMENT, { id: `document:${BRIEF}` });
    expect(one.body.data?.document).toEqual(list[1]);
  });

  it('marks in its text the spans of the shared entities it names too (its own passages, not the memo’s)', async () => {
    const SPANS = 'query ($id: ID!) { documentSpans(id: $id) { nodeId edgeId start end } }';
    const memoBefore = (await open.post(SPANS, { id: 'document:no-limits-memo' })).body.data;
    await loadDocument(open.db, brief);
    const r = await open.post(SPANS, { id: `document:${BRIEF}` });
    const spans = r.body.data?.documentSpans as Array<{ nodeId: string | null; edgeId: string | null }>;
    expect(spans.filter((s) => s.nodeId).map((s) => s.nodeId)).toEqual(
      expect.arrayContaining([BRIEF_IDS.samarkand, BRIEF_IDS.statement, BRIEF_IDS.figure]),
    );
    expect(spans.filter((s) => s.edgeId)).toHaveLength(BRIEF_COUNTS.edges);
    expect((await open.post(SPANS, { id: 'document:no-limits-memo' })).body.data).toEqual(memoBefore);
  });

  it('answers null for a document that is not loaded, and BAD_USER_INPUT for what is not a document id', async () => {
    const none = await open.post(DOCUMENT, { id: 'document:scratch-nothing-here' });
    expect(none.body).toEqual({ data: { document: null } });
    for (const id of ['actor:xi-jinping', 'document:', 'document:Bad_Name']) {
      const bad = await open.post(DOCUMENT, { id });
      expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(bad.body.errors?.[0]?.message).toMatch(/is not a document id: expected "document:<slug>"/);
    }
  });
});

describe('removeDocument', () => {
  it('removes the brief and leaves the memo as it was', async () => {
    const before = (await open.post(DOCUMENTS)).body.data?.documents;
    await loadDocument(open.db, brief);
    const r = await open.post(REMOVE, { id: `document:${BRIEF}` });
    expect(r.body).toEqual({ data: { removeDocument: true } });
    expect(await briefLoaded()).toBe(false);
    expect((await open.post(DOCUMENTS)).body.data?.documents).toEqual(before);
  });

  it('says NOT_FOUND for a document that is not loaded, and BAD_USER_INPUT for a malformed id', async () => {
    const missing = await open.post(REMOVE, { id: 'document:scratch-nothing-here' });
    expect(missing.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(missing.body.errors?.[0]?.message).toBe(
      'No document "scratch-nothing-here" (document:scratch-nothing-here) is loaded.',
    );
    const malformed = await open.post(REMOVE, { id: 'no-limits-memo' });
    expect(malformed.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('needs an editor token where tokens are on: refused without one and for a reader, done for an editor', async () => {
    await loadDocument(open.db, brief);
    const variables = { id: `document:${BRIEF}` };
    const anonymous = await guarded.post(REMOVE, variables);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const reader = await guarded.post(REMOVE, variables, bearer(READER));
    expect(reader.status).toBe(403);
    expect(reader.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(reader.body.errors?.[0]?.message).toMatch(/needs an editor token/);
    expect(await briefLoaded()).toBe(true);
    const reads = await guarded.post(DOCUMENTS, {}, bearer(READER));
    expect((reads.body.data?.documents as unknown[]).length).toBe(2);

    const editor = await guarded.post(REMOVE, variables, bearer(EDITOR));
    expect(editor.body).toEqual({ data: { removeDocument: true } });
    expect(await briefLoaded()).toBe(false);
  });
});
