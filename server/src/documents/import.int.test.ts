// Adding a document through the API, reviewed before it lands (previewDocument, importDocument), with the
// fixture document beside this file (fixtures/scratch-variants-brief: the memo's actors under other ids and
// spellings): every validation error and nothing written; each match reason; SAME, DIFFERENT and UNSURE and the
// graph they leave, exactly; a pair judged DIFFERENT not proposed again; all or nothing; a stale preview refused
// with CONFLICT and nothing written; NOT_FOUND, BAD_USER_INPUT and the roles; and removing the document leaving the graph as before.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { cypher } from '../../../core/db/database.ts';
import { loadDocument } from '../../../graph-seed/src/load.ts';
import { removeDocument } from '../../../graph-seed/src/documents.ts';
import { readDocuments } from '../../../graph-seed/src/read.ts';
import { BRIEF, BRIEF_DIR } from '../../../graph-seed/src/fixtures/documents.ts';
import { parseApiTokens, tokenStore } from '../access/tokens.ts';
import { startTestServer, type TestServer } from '../../../test/support/test-server.ts';
import { importDocument, type DocumentLoader, type DocumentPreview } from './preview.ts';
import { graphVersion, lockGraphVersion } from '../../../graph-seed/src/documents.ts';
import { validateDocumentTexts } from '../../../graph-seed/src/import.ts';
import { writeDocument } from '../../../graph-seed/src/load.ts';

const EDITOR = 'ed:editor:editor-token-ed-0123456789';
const READER = 'rd:reader:reader-token-rd-0123456789';
const bearer = (entry: string) => ({ authorization: `Bearer ${entry.split(':').slice(2).join(':')}` });
const tokens = tokenStore(parseApiTokens([EDITOR, READER].join(',')));

const NAME = 'scratch-variants-brief';
const DOC_ID = `document:${NAME}`;
const FIXTURE = path.join(import.meta.dirname, 'fixtures', NAME);
type File = { name: string; content: string };
const FILES: File[] = readdirSync(FIXTURE)
  .sort()
  .map((name) => ({ name, content: readFileSync(path.join(FIXTURE, name), 'utf8') }));
/** The fixture's files with `name` replaced (or added). */
const withFile = (files: File[], name: string, content: string): File[] => [
  ...files.filter((f) => f.name !== name),
  { name, content },
];

const PREVIEW = `mutation ($files: [DocumentFileInput!]!) {
  previewDocument(files: $files) { id documentId valid errors added changed removed
    matches { incomingId existingId reason score } } }`;
const IMPORT = `mutation ($previewId: ID!, $decisions: [MatchDecision!]) {
  importDocument(previewId: $previewId, decisions: $decisions) { id title nodeCount edgeCount addedBy } }`;
const REMOVE = 'mutation ($id: ID!) { removeDocument(id: $id) }';

const IDS = {
  xi: 'actor:xi-jinping',
  putin: 'actor:vladimir-putin',
  patrushev: 'actor:nikolai-patrushev',
  modi: 'actor:narendra-modi',
  wladimir: 'actor:scratch-wladimir-putin',
  patruschew: 'actor:scratch-nikolaj-patruschew',
  pmModi: 'actor:scratch-pm-modi',
  desk: 'actor:scratch-variants-desk',
  source: 'source:scratch-variants-brief',
  statement: 'statement:scratch-variants-patruschew-ties',
} as const;

// Everything the graph holds: nodes with their properties, relationships with theirs, records and documents.
const SNAPSHOT = cypher(
  'testImportSnapshot',
  `RETURN
     COLLECT { MATCH (n:Entity) RETURN [n.id, properties(n)] AS x ORDER BY n.id } AS nodes,
     COLLECT { MATCH (a:Entity)-[r]->(b:Entity)
               RETURN [a.id, type(r), b.id, properties(r)] AS x ORDER BY a.id, type(r), b.id, r.id, r.document } AS rels,
     COLLECT { MATCH (r:EntityRecord) RETURN properties(r) AS x ORDER BY r.id } AS records,
     COLLECT { MATCH (d:Document) RETURN d.id AS x ORDER BY d.id } AS documents`,
);
const PREVIEWS = cypher('testImportPreviews', 'MATCH (p:DocumentPreview) RETURN count(p) AS n');
const JUDGEMENTS = cypher(
  'testImportJudgements',
  `MATCH (j:MatchJudgement {document: $document})
   RETURN j.a AS a, j.b AS b, j.judgement AS judgement, j.by AS by ORDER BY a`,
);
const CLEAN_JUDGEMENTS = cypher(
  'testImportCleanJudgements',
  "MATCH (j:MatchJudgement) WHERE j.document STARTS WITH 'scratch-' DELETE j",
);
const EDGE = cypher(
  'testImportEdge',
  'MATCH (a)-[r {id: $id}]->(b) RETURN a.id AS from, type(r) AS type, b.id AS to, r.document AS document',
);
const NODE = cypher('testImportNode', 'MATCH (n:Entity {id: $id}) RETURN properties(n) AS props');

type Snapshot = { nodes: unknown[]; rels: unknown[]; records: unknown[]; documents: unknown[] };

let open: TestServer;
let guarded: TestServer;
const snapshot = async () => (await open.db.read<Snapshot>(SNAPSHOT))[0]!;
const LOADED = cypher('testImportLoaded', 'RETURN COLLECT { MATCH (d:Document) RETURN d.name } AS x');
const loaded = async (name: string) => (await open.db.read<{ x: string[] }>(LOADED))[0]!.x.includes(name);

async function preview(files: File[] = FILES, server = open, headers = {}) {
  const r = await server.post(PREVIEW, { files }, headers);
  expect(r.body.errors).toBeUndefined();
  return r.body.data!.previewDocument as DocumentPreview;
}

let memo: Snapshot;

beforeAll(async () => {
  const uri = inject('neo4jUri');
  open = await startTestServer({ uri });
  guarded = await startTestServer({ uri, security: { tokens } });
  memo = await snapshot();
});
afterEach(async () => {
  for (const name of [NAME, BRIEF]) if (await loaded(name)) await removeDocument(open.db, name);
});
afterAll(async () => {
  await open?.db.write(CLEAN_JUDGEMENTS);
  await open?.stop();
  await guarded?.stop();
});

describe('previewDocument', () => {
  it('lists every error of invalid files as file: path: reason, and writes nothing', async () => {
    const before = await snapshot();
    const [previews] = await open.db.read<{ n: number }>(PREVIEWS);
    const actors = FILES.find((f) => f.name === 'actors.yaml')!.content;
    const statements = FILES.find((f) => f.name === 'statements.yaml')!.content;
    const relationships = FILES.find((f) => f.name === 'relationships.yaml')!.content;
    let files = withFile(
      FILES,
      'actors.yaml',
      `${actors.replace('actorType: outlet\n    sources: [source:scratch-variants-brief]', 'actorType: outlet\n    sources: [7]')}\n  - id: actor:scratch-bad\n    name: Bad\n    actorType: robot\n    sources: [source:scratch-variants-brief]\n`,
    );
    // A footnote the document does not have, a claim id the memo already made, a link to nothing.
    files = withFile(
      files,
      'statements.yaml',
      statements.replace('statement:scratch-variants-patruschew-ties', 'statement:putin-not-a-bluff'),
    );
    files = withFile(
      files,
      'relationships.yaml',
      relationships +
        `\n  - type: MET_WITH\n    from: actor:scratch-nobody\n    to: actor:xi-jinping\n    passages: ['Wladimir Putin met Xi Jinping']\n    sources: [source:scratch-variants-brief]\n`,
    );
    files = [
      ...files,
      { name: 'notes.yaml', content: 'notes: []' },
      { name: 'meetings.yaml', content: 'meetings: [\n' },
    ];
    const p = await preview(files);
    expect(p).toMatchObject({
      valid: false,
      documentId: DOC_ID,
      added: 0,
      changed: 0,
      removed: 0,
      matches: [],
    });
    expect(p.errors).toEqual([
      'actors.yaml: actors[5].actorType: unknown actorType "robot": one of person, state, organisation, government-body, party, outlet, company, military-alliance',
      "actors.yaml: actors[4].sources[0]: unknown footnote 7: no source in this document's sources.yaml has footnote: 7",
      'meetings.yaml: line 2, column 1: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
      'notes.yaml: (file): unknown file (files[5]): a document holds only document.yaml, sources.yaml, actors.yaml, meetings.yaml, statements.yaml, agreements.yaml, figures.yaml, relationships.yaml, places.yaml, text.txt',
      'relationships.yaml: relationships[0].to: unknown node "statement:scratch-variants-patruschew-ties": no document defines it',
      'relationships.yaml: relationships[3].to: unknown node "statement:scratch-variants-patruschew-ties": no document defines it',
      'relationships.yaml: relationships[5].from: unknown node "actor:scratch-nobody": no document defines it',
      'statements.yaml: statements[0].id: duplicate id "statement:putin-not-a-bluff": already defined in the graph at document no-limits-memo (a Statement is a claim of one document: give this one an id of its own)',
    ]);
    expect(await snapshot()).toEqual(before);
    expect((await open.db.read<{ n: number }>(PREVIEWS))[0]).toEqual(previews);
    // An invalid preview is not kept.
    const r = await open.post(IMPORT, { previewId: p.id });
    expect(r.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses oversized input with BAD_USER_INPUT, before reading anything', async () => {
    const big = await open.post(PREVIEW, { files: withFile(FILES, 'text.txt', 'x'.repeat(1_500_001)) });
    expect(big.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(big.body.errors?.[0]?.message).toMatch(/at most 1500000 bytes together/);
    const many = await open.post(PREVIEW, {
      files: Array.from({ length: 11 }, (_, i) => ({ name: `f${i}.yaml`, content: '' })),
    });
    expect(many.body.errors?.[0]?.message).toBe('files: 11 files; a document has at most 10.');
  });

  it('counts what the document adds and proposes a match for each shared entity, with its reason and score', async () => {
    const p = await preview();
    expect(p).toMatchObject({
      valid: true,
      documentId: DOC_ID,
      errors: [],
      added: 12,
      changed: 0,
      removed: 0,
    });
    expect(p.id).toMatch(/^preview:[0-9a-f-]{36}$/);
    expect(p.matches).toEqual([
      { incomingId: IDS.source, existingId: null, reason: 'new', score: 0 },
      { incomingId: IDS.xi, existingId: IDS.xi, reason: 'same id', score: 1 },
      { incomingId: IDS.wladimir, existingId: IDS.putin, reason: 'same name', score: 0.9 },
      { incomingId: IDS.patruschew, existingId: IDS.patrushev, reason: 'transliteration', score: 0.8 },
      { incomingId: IDS.pmModi, existingId: IDS.modi, reason: 'name written differently', score: 0.75 },
      { incomingId: IDS.desk, existingId: null, reason: 'new', score: 0 },
    ]);
  });
});

describe('importDocument', () => {
  it('SAME points the claims at the existing entities, UNSURE keeps a flagged new one; removing it restores the graph', async () => {
    const p = await preview(FILES, guarded, bearer(EDITOR));
    const decisions = [
      { incomingId: IDS.wladimir, existingId: IDS.putin, judgement: 'SAME' },
      { incomingId: IDS.patruschew, existingId: IDS.patrushev, judgement: 'SAME' },
      { incomingId: IDS.pmModi, existingId: IDS.modi, judgement: 'UNSURE' },
    ];
    const r = await guarded.post(IMPORT, { previewId: p.id, decisions }, bearer(EDITOR));
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data?.importDocument).toEqual({
      id: DOC_ID,
      title: "Variants: the memo's actors spelt otherwise",
      // Its own: the statement; the shared it names: its source, Xi, Putin, Patrushev, Modi (new), the desk.
      nodeCount: 7,
      edgeCount: 5,
      addedBy: 'ed',
    });

    // The claims point at the memo's actors; the merged ids are nowhere; the UNSURE one is new.
    const edge = async (id: string) => (await open.db.read(EDGE, { id }))[0];
    expect(await edge('rel:scratch-variants-putin-met-xi')).toEqual({
      from: IDS.putin,
      type: 'MET_WITH',
      to: IDS.xi,
      document: NAME,
    });
    expect(await edge('rel:scratch-variants-modi-met-xi')).toEqual({
      from: IDS.pmModi,
      type: 'MET_WITH',
      to: IDS.xi,
      document: NAME,
    });
    expect(await edge(`rel:${IDS.patruschew}-SAID->${IDS.statement}`)).toEqual({
      from: IDS.patrushev,
      type: 'SAID',
      to: IDS.statement,
      document: NAME,
    });
    for (const id of [IDS.wladimir, IDS.patruschew]) expect(await open.db.read(NODE, { id })).toEqual([]);
    const putin = (await open.db.read<{ props: Record<string, unknown> }>(NODE, { id: IDS.putin }))[0]!.props;
    expect(putin.documents).toEqual(['no-limits-memo', NAME]);
    const patrushev = (
      await open.db.read<{ props: Record<string, unknown> }>(NODE, { id: IDS.patrushev })
    )[0]!.props;
    expect(patrushev.aliases).toContain('Nikolaj Patruschew');
    expect(patrushev.name).toBe('Nikolai Patrushev');

    // The memo's graph is otherwise unchanged: leave out what the document added, and the merged entities'
    // documents and aliases.
    const after = await snapshot();
    const ours = (x: unknown) => JSON.stringify(x).includes(NAME) || JSON.stringify(x).includes('scratch-');
    const withoutDocs = (n: unknown) => {
      const [id, props] = n as [string, Record<string, unknown>];
      const { documents: _d, aliases: _a, ...rest } = props;
      return [id, rest];
    };
    expect(after.nodes.filter((n) => !(n as [string])[0].includes('scratch-')).map(withoutDocs)).toEqual(
      memo.nodes.map(withoutDocs),
    );
    expect(after.rels.filter((r) => !ours(r))).toEqual(memo.rels);
    expect(after.records.filter((r) => !ours(r))).toEqual(memo.records);

    // Who judged what.
    expect(await open.db.read(JUDGEMENTS, { document: NAME })).toEqual([
      { a: IDS.patruschew, b: IDS.patrushev, judgement: 'SAME', by: 'ed' },
      { a: IDS.pmModi, b: IDS.modi, judgement: 'UNSURE', by: 'ed' },
      { a: IDS.wladimir, b: IDS.putin, judgement: 'SAME', by: 'ed' },
    ]);

    // The same import sent again answers the same; with other decisions it is CONFLICT.
    const again = await guarded.post(IMPORT, { previewId: p.id, decisions }, bearer(EDITOR));
    expect(again.body.data?.importDocument).toEqual(r.body.data?.importDocument);
    const other = await guarded.post(IMPORT, { previewId: p.id, decisions: [] }, bearer(EDITOR));
    expect(other.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    // A second preview of the same files changes nothing: the merges judged SAME are proposed again, at 1.0.
    const second = await preview();
    expect(second).toMatchObject({ valid: true, added: 0, changed: 0, removed: 0 });
    expect(second.matches.filter((m) => m.reason === 'judged the same before')).toEqual([
      { incomingId: IDS.wladimir, existingId: IDS.putin, reason: 'judged the same before', score: 1 },
      { incomingId: IDS.patruschew, existingId: IDS.patrushev, reason: 'judged the same before', score: 1 },
    ]);

    const removed = await open.post(REMOVE, { id: DOC_ID });
    expect(removed.body).toEqual({ data: { removeDocument: true } });
    expect(await snapshot()).toEqual(memo);
  });

  it('DIFFERENT keeps the entity apart, and the pair is not proposed again', async () => {
    const p = await preview();
    const decisions = [{ incomingId: IDS.pmModi, existingId: IDS.modi, judgement: 'DIFFERENT' }];
    const r = await open.post(IMPORT, { previewId: p.id, decisions });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data?.importDocument).toMatchObject({ id: DOC_ID, addedBy: 'local' });
    // Without decisions, what was judged SAME before (the test above) and the same id are taken; Modi stays new.
    expect(await open.db.read(NODE, { id: IDS.wladimir })).toHaveLength(0);
    expect((await open.db.read(EDGE, { id: 'rel:scratch-variants-putin-met-xi' }))[0]).toMatchObject({
      from: IDS.putin,
    });
    expect(await open.db.read(NODE, { id: IDS.pmModi })).toHaveLength(1);
    expect((await open.db.read(EDGE, { id: 'rel:scratch-variants-modi-met-xi' }))[0]).toMatchObject({
      from: IDS.pmModi,
    });
    expect(await open.db.read(JUDGEMENTS, { document: NAME })).toContainEqual({
      a: IDS.pmModi,
      b: IDS.modi,
      judgement: 'DIFFERENT',
      by: 'local',
    });
    await open.post(REMOVE, { id: DOC_ID });
    expect(await snapshot()).toEqual(memo);

    const again = await preview();
    expect(again.matches.find((m) => m.incomingId === IDS.pmModi)).toEqual({
      incomingId: IDS.pmModi,
      existingId: null,
      reason: 'new',
      score: 0,
    });
    expect(again.matches.find((m) => m.incomingId === IDS.wladimir)).toMatchObject({
      existingId: IDS.putin,
      reason: 'judged the same before',
    });
  });

  it('refuses decisions that cannot hold with BAD_USER_INPUT, and writes nothing', async () => {
    const p = await preview();
    const refused = async (decisions: unknown[], message: RegExp) => {
      const r = await open.post(IMPORT, { previewId: p.id, decisions });
      expect(r.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.body.errors?.[0]?.message).toMatch(message);
    };
    await refused(
      [{ incomingId: IDS.xi, existingId: IDS.xi, judgement: 'DIFFERENT' }],
      /already has an entity with that id: rename it/,
    );
    await refused([{ incomingId: IDS.xi, judgement: 'UNSURE' }], /rename it/);
    await refused([{ incomingId: IDS.wladimir, judgement: 'SAME' }], /SAME needs the existingId/);
    await refused(
      [{ incomingId: IDS.wladimir, existingId: IDS.putin, judgement: 'MAYBE' }],
      /not one of SAME, DIFFERENT, UNSURE/,
    );
    await refused(
      [{ incomingId: IDS.statement, existingId: IDS.putin, judgement: 'SAME' }],
      /is not an actor, meeting, agreement or source/,
    );
    await refused(
      [{ incomingId: IDS.wladimir, existingId: 'meeting:sco-summit-samarkand-2022', judgement: 'SAME' }],
      /only the same kind/,
    );
    await refused(
      [{ incomingId: IDS.wladimir, existingId: 'actor:scratch-nobody', judgement: 'SAME' }],
      /is not an entity of the graph/,
    );
    await refused(
      [{ incomingId: IDS.wladimir, existingId: IDS.xi, judgement: 'SAME' }],
      /defines "actor:xi-jinping" too/,
    );
    await refused(
      [
        { incomingId: IDS.wladimir, existingId: IDS.putin, judgement: 'SAME' },
        { incomingId: IDS.desk, existingId: IDS.putin, judgement: 'SAME' },
      ],
      /both judged SAME/,
    );
    expect(await snapshot()).toEqual(memo);
    // The preview is still good.
    const ok = await open.post(IMPORT, { previewId: p.id });
    expect(ok.body.errors).toBeUndefined();
  });

  it('writes all or nothing: an import that fails after writing the document leaves the graph as it was', async () => {
    const p = await preview();
    const failing: DocumentLoader = {
      validate: validateDocumentTexts,
      graphVersion,
      lockGraphVersion,
      write: async (tx, doc, options) => {
        await writeDocument(tx, doc, options);
        throw new Error('the disk is full');
      },
    };
    const decisions = [{ incomingId: IDS.wladimir, existingId: IDS.putin, judgement: 'SAME' }];
    const failed = (await importDocument(open.db, failing, p.id, decisions, 'ed').catch(
      (e: unknown) => e,
    )) as Error;
    expect(String(failed.cause)).toMatch(/the disk is full/);
    expect(await snapshot()).toEqual(memo);
    // The preview is not spent, and the version did not move: it imports.
    const r = await open.post(IMPORT, { previewId: p.id, decisions });
    expect(r.body.data?.importDocument).toMatchObject({ id: DOC_ID });
  });

  it('refuses a stale preview with CONFLICT and writes nothing', async () => {
    const p = await preview();
    const read = readDocuments(undefined, { add: BRIEF_DIR });
    if (!read.ok) throw new Error('the brief does not validate');
    await loadDocument(
      open.db,
      read.documents.find((d) => d.name === BRIEF)!,
    );
    const withBrief = await snapshot();
    const r = await open.post(IMPORT, { previewId: p.id });
    expect(r.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(r.body.errors?.[0]?.message).toMatch(/The graph changed since this preview was made/);
    expect(await snapshot()).toEqual(withBrief);
    // Removing a document moves the version on too.
    const p2 = await preview();
    await removeDocument(open.db, BRIEF);
    expect((await open.post(IMPORT, { previewId: p2.id })).body.errors?.[0]?.extensions?.code).toBe(
      'CONFLICT',
    );
    expect(await snapshot()).toEqual(memo);
  });

  it('says NOT_FOUND for an unknown preview and BAD_USER_INPUT for what is not a preview id', async () => {
    const unknown = await open.post(IMPORT, { previewId: 'preview:00000000-0000-0000-0000-000000000000' });
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const malformed = await open.post(IMPORT, { previewId: 'document:no-limits-memo' });
    expect(malformed.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('needs an editor token where tokens are on, for the preview and the import', async () => {
    const anonymous = await guarded.post(PREVIEW, { files: FILES });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const reader = await guarded.post(PREVIEW, { files: FILES }, bearer(READER));
    expect(reader.status).toBe(403);
    expect(reader.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const p = await preview(FILES, guarded, bearer(EDITOR));
    const readerImport = await guarded.post(IMPORT, { previewId: p.id }, bearer(READER));
    expect(readerImport.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(readerImport.body.errors?.[0]?.message).toMatch(/needs an editor token/);
    expect(await loaded(NAME)).toBe(false);
  });
});
