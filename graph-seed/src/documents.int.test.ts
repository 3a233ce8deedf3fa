// Documents as owners of claims, against the real Neo4j (seeded with the memo by the integration set-up): a second
// document (the fixture graph-seed/src/fixtures/documents) shares the memo's Xi Jinping, Putin and Samarkand summit
// and makes claims of its own; removing either takes exactly its claims away. Every test leaves the graph as it
// found it: the memo loaded, nothing else.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb, cypher } from '../../core/db/database.ts';
import { AppError } from '../../core/errors.ts';
import { removeDocument } from './documents.ts';
import { countGraph, loadDocument, loadDocuments, relinkViews } from './load.ts';
import { readDocuments } from './read.ts';
import { formatSeedError } from './files.ts';
import type { SeedDocument } from './normalise.ts';
import { BRIEF, BRIEF_DIR, BRIEF_IDS, DOCUMENTS_FIXTURES_DIR } from './fixtures/documents.ts';
import { MEMO, tempSeed } from '../../test/support/seed-copies.ts';

const uri = inject('neo4jUri');
const db = createDb({ uri, txTimeoutMs: 120_000 });

/** Every :Entity node with all its properties and every relationship it starts, with theirs; and every record. */
const SNAPSHOT = cypher(
  'testDocumentsSnapshot',
  `MATCH (n:Entity)
   CALL (n) {
     OPTIONAL MATCH (n)-[r]->(m:Entity)
     WITH r, m ORDER BY type(r), m.id, r.id, r.document
     RETURN collect(CASE WHEN r IS NULL THEN null ELSE [type(r), m.id, properties(r)] END) AS out
   }
   WITH n, out ORDER BY n.id
   RETURN n.id AS id, labels(n) AS labels, properties(n) AS props, out`,
);
const RECORDS = cypher(
  'testDocumentsRecords',
  `MATCH (r:EntityRecord) WITH r ORDER BY r.entityId, r.document
   RETURN r.entityId AS id, properties(r) AS props`,
);
const NODE = cypher('testDocumentsNode', 'MATCH (n:Entity {id: $id}) RETURN properties(n) AS props');
const CITED = cypher(
  'testDocumentsCited',
  `MATCH (:Entity {id: $id})-[c:CITES]->(s:Source)
   RETURN s.id AS source, c.document AS document ORDER BY source`,
);
const OWNED = cypher(
  'testDocumentsOwned',
  `RETURN COUNT { MATCH (n:Entity {document: $document}) WHERE n.documents IS NULL } AS own,
     COUNT { MATCH (r:EntityRecord {document: $document}) } AS records,
     COUNT { MATCH ()-[r]->() WHERE r.document = $document AND type(r) <> 'CITES' } AS relationships`,
);
const CLEAN = cypher(
  'testDocumentsClean',
  `MATCH (n) WHERE (n:Entity AND n.document = $document AND n.documents IS NULL)
      OR (n:EntityRecord AND n.document = $document) OR (n:Document AND n.name = $document)
      OR (n:SeedDocument AND n.name = $document)
   DETACH DELETE n`,
);
// A record of a third document whose aliases are numbers: Xi's aliases can then no longer be stored (a list of
// mixed types), so deriving him again fails, after the removal has deleted what it deletes first.
const PLANT = cypher(
  'testDocumentsPlant',
  `MATCH (n:Entity {id: $id})
   SET n.documents = n.documents + 'scratch-planted'
   CREATE (:EntityRecord {entityId: $id, document: 'scratch-planted', kind: n.kind, name: n.name, aliases: [1, 2]})`,
);
const UNPLANT = cypher(
  'testDocumentsUnplant',
  `OPTIONAL MATCH (r:EntityRecord {document: 'scratch-planted'})
   DELETE r
   WITH count(*) AS deleted
   MATCH (n:Entity) WHERE 'scratch-planted' IN n.documents
   SET n.documents = [d IN n.documents WHERE d <> 'scratch-planted']`,
);
const MAKE_LEGACY = cypher(
  'testDocumentsMakeLegacy',
  `MATCH (n:Entity {id: $id}) REMOVE n.documents
   WITH n
   MATCH (r:EntityRecord {entityId: $id, document: $document}) DELETE r`,
);
const RESTING = cypher(
  'testDocumentsResting',
  `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
   CREATE (a)-[:RESPONDS_TO {id: 'rel:scratch-brief-test-responds', document: $document, sourceIds: []}]->(b)`,
);
const UNREST = cypher(
  'testDocumentsUnrest',
  "MATCH ()-[r:RESPONDS_TO {id: 'rel:scratch-brief-test-responds'}]->() DELETE r",
);

type Snapshot = Array<Record<string, unknown>>;
const snapshot = async (): Promise<{ nodes: Snapshot; records: Snapshot }> => ({
  nodes: await db.read(SNAPSHOT),
  records: await db.read(RECORDS),
});
/** Records with their `sources` in alphabetical order. */
const sourcesSorted = (records: Snapshot) =>
  records.map((r) => {
    const p = r.props as { sources?: string[] };
    return { ...r, props: { ...p, sources: [...(p.sources ?? [])].sort() } };
  });
const props = async (id: string) =>
  (await db.read<{ props: Record<string, unknown> }>(NODE, { id }))[0]?.props;

let memo: SeedDocument;
let brief: SeedDocument;
let original: { nodes: Snapshot; records: Snapshot };

beforeAll(async () => {
  const read = readDocuments(undefined, { add: BRIEF_DIR });
  if (!read.ok) throw new Error(read.errors.map(formatSeedError).join('\n'));
  memo = read.documents.find((d) => d.name === MEMO)!;
  brief = read.documents.find((d) => d.name === BRIEF)!;
  original = await snapshot();
});
afterEach(async () => {
  await db.write(UNREST);
  await db.write(UNPLANT);
  // Back to the memo alone: the brief out, the memo loaded again if a test removed it.
  const loaded = await db.read<{ own: number; records: number }>(OWNED, { document: BRIEF });
  if (loaded[0]!.own + loaded[0]!.records > 0) await removeDocument(db, BRIEF).catch(() => {});
  await db.write(CLEAN, { document: BRIEF });
  const [m] = await db.read<{ own: number }>(OWNED, { document: MEMO });
  if (m!.own === 0) {
    await loadDocuments(db, [memo]);
    await relinkViews(db);
  }
});
afterAll(() => db.close());

describe('a second document beside the memo', () => {
  it('shares the memo’s entities: one Xi Jinping, named by both, with both documents’ aliases', async () => {
    const xiBefore = (await props(BRIEF_IDS.xi))!;
    expect(xiBefore.documents).toEqual([MEMO]);
    await loadDocument(db, brief);

    const xi = (await props(BRIEF_IDS.xi))!;
    expect(xi.documents).toEqual([MEMO, BRIEF]);
    expect(xi.document).toBe(MEMO);
    // The memo's account is shown (it named him first); the aliases are both documents'.
    expect(xi.role).toBe(xiBefore.role);
    expect(xi.aliases).toEqual([...(xiBefore.aliases as string[]), 'Chairman Xi']);
    const cited = await db.read(CITED, { id: BRIEF_IDS.xi });
    expect(cited).toContainEqual({ source: BRIEF_IDS.footnote, document: BRIEF });
    expect(cited.filter((c) => c.document === MEMO)).toHaveLength(
      memo.nodes.find((n) => n.id === BRIEF_IDS.xi)!.sources.length,
    );
    expect((await props(BRIEF_IDS.samarkand))!.documents).toEqual([MEMO, BRIEF]);
    expect((await props(BRIEF_IDS.samarkand))!.name).toBe(
      memo.nodes.find((n) => n.id === BRIEF_IDS.samarkand)!.props.name,
    );
    expect((await props(BRIEF_IDS.wireA))!.documents).toEqual([BRIEF]);
    expect((await props(BRIEF_IDS.statement))!).toMatchObject({ document: BRIEF });
    expect((await props(BRIEF_IDS.statement))!.documents).toBeUndefined();

    // What each document makes: the memo still 178 nodes and 365 relationships.
    expect((await db.read(OWNED, { document: MEMO }))[0]).toEqual({
      own: memo.nodes.filter((n) => n.kind === 'STATEMENT' || n.kind === 'FIGURE').length,
      records:
        memo.nodes.length - memo.nodes.filter((n) => n.kind === 'STATEMENT' || n.kind === 'FIGURE').length,
      relationships: memo.relationships.length,
    });
    expect(memo.nodes.length).toBe(178);
    expect(memo.relationships.length).toBe(365);
    expect((await db.read(OWNED, { document: BRIEF }))[0]).toEqual({ own: 2, records: 6, relationships: 7 });
    // Loading it again changes nothing.
    const once = await snapshot();
    await loadDocument(db, brief);
    expect(await snapshot()).toEqual(once);
  });

  it('keeps the account of a document loaded before documents shared entities, and its place first', async () => {
    // Xi as the loader wrote him before: the memo's node, no `documents`, no record.
    await db.write(MAKE_LEGACY, { id: BRIEF_IDS.xi, document: MEMO });
    await loadDocument(db, brief);
    const xi = (await props(BRIEF_IDS.xi))!;
    expect(xi).toMatchObject({ document: MEMO, documents: [MEMO, BRIEF] });
    await removeDocument(db, BRIEF);
    // The same graph, and the same records (the adopted one lists Xi's sources in the database's order).
    expect((await snapshot()).nodes).toEqual(original.nodes);
    expect(sourcesSorted((await snapshot()).records)).toEqual(sourcesSorted(original.records));
    // Loading the memo again writes its record from its files, in their order.
    await loadDocument(db, memo);
    expect(await snapshot()).toEqual(original);
  });

  it('removing it leaves every node and relationship of the memo as it was, property by property', async () => {
    await loadDocument(db, brief);
    const result = await removeDocument(db, BRIEF);
    expect(result).toEqual({
      document: BRIEF,
      nodes: 2,
      relationships: 7,
      citations: 6,
      sharedKept: 3,
      sharedRemoved: 3,
    });
    expect(await snapshot()).toEqual(original);
    expect(
      await db.read(
        cypher(
          'testDocumentsBookkeeping',
          `MATCH (d) WHERE (d:Document OR d:SeedDocument)
      AND coalesce(d.name, '') = $document RETURN count(d) AS n`,
        ),
        { document: BRIEF },
      ),
    ).toEqual([{ n: 0 }]);
  });

  it('removing the memo keeps the brief’s claims and the entities it names, with the brief’s own account', async () => {
    await loadDocument(db, brief);
    const result = await removeDocument(db, MEMO);
    expect(result.relationships).toBe(365);
    expect(result.sharedKept).toBe(4);
    const xi = (await props(BRIEF_IDS.xi))!;
    expect(xi).toMatchObject({
      document: BRIEF,
      documents: [BRIEF],
      role: "President of the People's Republic of China",
      aliases: ['Chairman Xi', 'Xi'],
    });
    expect(await db.read(CITED, { id: BRIEF_IDS.xi })).toEqual([
      { source: BRIEF_IDS.footnote, document: BRIEF },
    ]);
    expect((await props(BRIEF_IDS.samarkand))!).toMatchObject({
      name: 'SCO summit, Samarkand',
      documents: [BRIEF],
    });
    expect((await props(BRIEF_IDS.samarkand))!.endDate).toBeUndefined();
    // The memo's own claims and the entities only it named are gone; the brief's are all there.
    expect(await props('actor:li-zhanshu')).toBeUndefined();
    expect(await props('statement:memo-evidence-does-not-support-rift')).toBeUndefined();
    // The memo's own source is no document's any more, but the brief's MET_WITH cites it: it stays, unnamed.
    expect(await props('source:no-limits-memo')).toMatchObject({ documents: [], document: MEMO });
    expect((await db.read(OWNED, { document: BRIEF }))[0]).toEqual({ own: 2, records: 6, relationships: 7 });
    const counts = await countGraph(db);
    expect(Object.values(counts.nodes).reduce((s, n) => s + n, 0)).toBe(9);
    expect(counts.relationships).toEqual({
      ABOUT: 1,
      ATTENDED: 1,
      CITES: 6,
      MET_WITH: 1,
      PUBLISHED: 1,
      REPORTED: 1,
      SAID: 1,
      SAID_AT: 1,
    });

    // The brief out (and with it the last reference to the memo's source) and the memo in again: the graph the
    // memo alone makes, exactly.
    expect(await removeDocument(db, BRIEF)).toMatchObject({ sharedRemoved: 7, sharedKept: 0 });
    expect(await countGraph(db)).toEqual({ nodes: {}, relationships: {} });
    await loadDocument(db, memo);
    expect(await snapshot()).toEqual(original);
  });

  it('a removal that fails halfway writes nothing', async () => {
    await loadDocument(db, brief);
    const before = await snapshot();
    await db.write(PLANT, { id: BRIEF_IDS.xi });
    const planted = await snapshot();
    await expect(removeDocument(db, BRIEF)).rejects.toThrow(AppError);
    expect(await snapshot()).toEqual(planted);
    await db.write(UNPLANT);
    expect(await snapshot()).toEqual(before);
    expect((await db.read(OWNED, { document: BRIEF }))[0]).toEqual({ own: 2, records: 6, relationships: 7 });
  });

  it('refuses to remove a document whose claims another document’s claims rest on (CONFLICT), and changes nothing', async () => {
    await loadDocument(db, brief);
    await db.write(RESTING, {
      from: BRIEF_IDS.statement,
      to: 'statement:memo-evidence-does-not-support-rift',
      document: BRIEF,
    });
    const before = await snapshot();
    const error = await removeDocument(db, MEMO).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('CONFLICT');
    expect((error as AppError).message).toMatch(
      /statement:scratch-brief-xi-strong-support RESPONDS_TO statement:memo-evidence-does-not-support-rift \(document scratch-samarkand-brief\)/,
    );
    expect(await snapshot()).toEqual(before);
  });

  it('says NOT_FOUND for a document that is not loaded', async () => {
    const error = await removeDocument(db, 'scratch-never-loaded').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('NOT_FOUND');
    expect(await snapshot()).toEqual(original);
  });

  it('refuses a statement that another document already made, writing nothing', async () => {
    const stolen: SeedDocument = {
      ...brief,
      nodes: brief.nodes.map((n) =>
        n.id === BRIEF_IDS.figure ? { ...n, id: 'figure:china-russia-trade-growth-jan-jul-2022' } : n,
      ),
      relationships: brief.relationships.filter((r) => r.from !== BRIEF_IDS.figure),
    };
    await expect(loadDocument(db, stolen)).rejects.toThrow(
      /figure:china-russia-trade-growth-jan-jul-2022 is a claim of document no-limits-memo/,
    );
    expect(await snapshot()).toEqual(original);
  });
});

describe('npm run seed -- --add / --remove', () => {
  function runCli(args: string[]) {
    const r = spawnSync(path.resolve('node_modules/.bin/tsx'), ['graph-seed/src/cli.ts', ...args], {
      env: { ...process.env, NEO4J_URI: uri },
      encoding: 'utf8',
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it('adds one document beside the memo without touching it, and removes it again', async () => {
    const add = runCli(['--add', BRIEF_DIR]);
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/^valid: 1 document\(s\)/);
    expect(add.stdout).toContain(`loaded ${BRIEF}: 8 nodes, 7 relationships`);
    expect((await props(BRIEF_IDS.xi))!.documents).toEqual([MEMO, BRIEF]);
    expect((await db.read(OWNED, { document: MEMO }))[0]).toMatchObject({ relationships: 365 });

    const remove = runCli(['--remove', `document:${BRIEF}`]);
    expect(remove.stderr).toBe('');
    expect(remove.code).toBe(0);
    expect(remove.stdout).toContain(`removed ${BRIEF}: 2 of its own nodes, 7 relationships`);
    expect(await snapshot()).toEqual(original);

    const again = runCli(['--remove', BRIEF]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`error: No document "${BRIEF}" (document:${BRIEF}) is loaded.`);
  });

  it('validates the added folder first: every error with file, path and reason, nothing written', async () => {
    const seed = tempSeed([BRIEF], DOCUMENTS_FIXTURES_DIR);
    try {
      seed.edit(BRIEF, 'meetings.yaml', 'date: 2022-09-15', 'date: 2022-13-15');
      seed.edit(BRIEF, 'relationships.yaml', 'to: actor:vladimir-putin', 'to: actor:nobody');
      const broken = runCli(['--add', path.join(seed.root, BRIEF)]);
      expect(broken.code).toBe(1);
      expect(broken.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(
          /scratch-samarkand-brief\/meetings\.yaml: meetings\[0\]\.date: bad date "2022-13-15"/,
        ),
        expect.stringMatching(
          /scratch-samarkand-brief\/relationships\.yaml: relationships\[3\]\.to: unknown node "actor:nobody"/,
        ),
        expect.stringMatching(/^2 error\(s\) in .*scratch-samarkand-brief; nothing was written$/),
      ]);
      expect(await snapshot()).toEqual(original);
    } finally {
      seed.remove();
    }
  });
});
