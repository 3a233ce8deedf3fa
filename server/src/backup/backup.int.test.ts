// Backup and restore round trip on a database of its own: the memo's graph plus a saved view come back
// exactly (same nodes, labels, typed properties and relationships), and a damaged file restores nothing.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIfEmpty } from '../../../graph-seed/src/index.ts';
import { removeDocument } from '../../../graph-seed/src/documents.ts';
import { loadDocument } from '../../../graph-seed/src/load.ts';
import { readDocuments } from '../../../graph-seed/src/read.ts';
import { BRIEF, BRIEF_DIR } from '../../../graph-seed/src/fixtures/documents.ts';
import { ownNeo4j } from '../../../test/support/own-neo4j.ts';
import { createDb, cypher, type Db } from '../../../core/db/database.ts';
import { spawn } from 'node:child_process';
import { startTestServer } from '../../../test/support/test-server.ts';
import { BackupFileError, backup, checkBackup, countAll, restore } from './backup.ts';

const own = ownNeo4j('backup', 70);
const dir = mkdtempSync(path.join(tmpdir(), 'kg-backup-'));
let db: Db;
let uri: string;

const ADD_VIEW = cypher(
  'testBackupAddView',
  `CREATE (v:SavedView {id: 'view:backup-test', name: 'Backup test', version: 3, createdAt: datetime(),
     layout: '{"zoom":1.5}', nodeIds: ['actor:xi-jinping']})
   WITH v MATCH (n:Entity) WITH v, n ORDER BY n.id LIMIT 2 CREATE (v)-[:INCLUDES]->(n)`,
);
// The history and the edit layer, as the edits, merges and imports write them (server/src/history, edits, merges).
const ADD_HISTORY = cypher(
  'testBackupAddHistory',
  `CREATE (:ChangeEvent:MultiChange {id: 'change:backup-test', at: datetime(), by: 'ann', action: 'MERGE_NODES',
       targetId: 'actor:xi-jinping', otherIds: ['actor:backup-merged'], before: '{}', after: '{}'}),
     (:MatchJudgement {id: 'judgement:actor:a actor:b', a: 'actor:a', b: 'actor:b', judgement: 'DIFFERENT'}),
     (:Retracted {id: 'statement:backup-retracted', kind: 'STATEMENT', text: 'Withdrawn', retractionReason: 'x'}),
     (:Retraction {id: 'retraction:backup-test', targetId: 'statement:backup-retracted', reason: 'x'}),
     (:Correction {id: 'correction:actor:backup-corrected', entityId: 'actor:backup-corrected', properties: '{}'}),
     (:EditReceipt {id: 'change:backup-receipt', requestHash: 'abc'})`,
);
const HISTORY_IDS = [
  'change:backup-test',
  'judgement:actor:a actor:b',
  'statement:backup-retracted',
  'retraction:backup-test',
  'correction:actor:backup-corrected',
  'change:backup-receipt',
];
const DAMAGE = cypher('testBackupDamage', 'MATCH (n:Entity) WITH n LIMIT 5 DETACH DELETE n');
const ADD_FOREIGN = cypher(
  'testBackupAddForeign',
  `MATCH (x:Entity {id: 'actor:xi-jinping'})
   CREATE (:Other {id: 'foreign:1'})-[:LINKS]->(:Other {id: 'foreign:2'}), (:Other {id: 'foreign:3'})-[:NAMES]->(x)`,
);
const FOREIGN_COUNT = cypher(
  'testBackupForeignCount',
  'RETURN COUNT { (:Other)-[:LINKS]->(:Other) } AS links, COUNT { (:Other) } AS others',
);
const REMOVE_FOREIGN = cypher('testBackupRemoveForeign', 'MATCH (o:Other) DETACH DELETE o');
const ADD_BIG_VIEWS = cypher(
  'testBackupAddBigViews',
  `UNWIND range(1, 40) AS i
   CREATE (:SavedView {id: 'view:big-' + i, name: 'Big ' + i, version: 1, layout: $layout + i, nodeIds: []})`,
);
const ENTITY_IDS = cypher('testBackupEntityIds', 'MATCH (n:Entity) RETURN n.id AS id ORDER BY id');
interface Line {
  node?: { props: { id: string } };
  relationship?: { from: string; to: string };
}
const WRITING_NODES = cypher(
  'testBackupWritingNodes',
  `SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS 'apoc.create.node' RETURN currentQuery`,
);
const REMOVE_BIG_VIEWS = cypher(
  'testBackupRemoveBigViews',
  "MATCH (v:SavedView) WHERE v.id STARTS WITH 'view:big-' DELETE v",
);

/** JSON with object keys sorted, so that property order does not matter. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The file's nodes and relationships in a canonical order, without the header's timestamp. */
function canonical(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('{"node"') || l.startsWith('{"relationship"'))
    .map((l) => stable(JSON.parse(l)))
    .sort();
}

beforeAll(async () => {
  const neo4j = await own.start({ fresh: true });
  uri = neo4j.uri;
  db = createDb({ uri });
  await seedIfEmpty(db, () => {});
  await db.write(ADD_VIEW);
  await db.write(ADD_HISTORY);
});
afterAll(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('db:backup and db:restore', () => {
  it('round-trips the graph and the saved views exactly', async () => {
    const first = path.join(dir, 'first.jsonl');
    const counts = await backup(db, first);
    expect(counts).toEqual(await countAll(db));
    expect(readFileSync(first, 'utf8')).toContain('"$int":"3"');
    // The history and the edit layer are in it.
    for (const id of HISTORY_IDS) expect(readFileSync(first, 'utf8')).toContain(JSON.stringify(id));

    await db.write(DAMAGE);
    expect((await countAll(db)).nodes).toBe(counts.nodes - 5);

    expect(await restore(db, first)).toEqual(counts);
    expect(await countAll(db)).toEqual(counts);
    const second = path.join(dir, 'second.jsonl');
    await backup(db, second);
    expect(canonical(second)).toEqual(canonical(first));
  });

  it('keeps what each document says of a shared entity, so a document removed after a restore takes only its own', async () => {
    const GRAPH = cypher(
      'testBackupGraphOfEntities',
      `MATCH (n:Entity) OPTIONAL MATCH (n)-[r]->(m:Entity)
       WITH n, r, m ORDER BY n.id, type(r), m.id, r.id
       RETURN n.id AS id, properties(n) AS props, collect([type(r), m.id, properties(r)]) AS out`,
    );
    const memoOnly = await db.read(GRAPH);
    const read = readDocuments(undefined, { add: BRIEF_DIR });
    if (!read.ok) throw new Error('the fixture document does not read');
    await loadDocument(
      db,
      read.documents.find((d) => d.name === BRIEF)!,
    );
    const file = path.join(dir, 'documents.jsonl');
    await backup(db, file);
    expect(readFileSync(file, 'utf8')).toContain(`"record:${BRIEF}:actor:xi-jinping"`);
    expect(readFileSync(file, 'utf8')).toContain('"document:no-limits-memo"');

    // As if restored into a new database: the documents' texts and records are gone too.
    await db.write(
      cypher('testBackupLoseRecords', 'MATCH (n) WHERE n:EntityRecord OR n:Document DETACH DELETE n'),
    );
    await db.write(DAMAGE);
    await restore(db, file);
    // The second document's records came back with the graph: removing it leaves the memo's graph as it was,
    // Xi Jinping's aliases and sources the memo's only.
    await removeDocument(db, BRIEF);
    expect(stable(await db.read(GRAPH))).toBe(stable(memoOnly));
  });

  it('refuses an incomplete file before deleting anything', async () => {
    const before = await countAll(db);
    const full = path.join(dir, 'full.jsonl');
    await backup(db, full);
    const cut = path.join(dir, 'cut.jsonl');
    writeFileSync(cut, readFileSync(full, 'utf8').split('\n').slice(0, 10).join('\n'));
    await expect(restore(db, cut)).rejects.toThrow(/incomplete \(no end line\): nothing was restored/);
    expect(await countAll(db)).toEqual(before);
  });
});

describe('restores that cannot half-delete', () => {
  let full: string;
  let lines: string[];
  let before: string;
  /** Every node and relationship of the database, with every property, as one string. */
  const EVERYTHING = cypher(
    'testBackupEverything',
    `MATCH (n) WHERE NOT n:Maintenance AND NOT n:WriteGate OPTIONAL MATCH (n)-[r]->(m)
     WITH n, r, m ORDER BY n.id, type(r), m.id
     RETURN collect([labels(n), properties(n), type(r), properties(r), m.id]) AS all`,
  );
  const everything = async () => JSON.stringify((await db.read<{ all: unknown }>(EVERYTHING))[0]?.all);
  const variant = (name: string, edit: (l: string[]) => string[]) => {
    const file = path.join(dir, name);
    writeFileSync(file, edit([...lines]).join('\n'));
    return file;
  };
  const lineOf = (prefix: string, nth = 0) => lines.findIndex((l, i) => l.startsWith(prefix) && i >= nth);

  beforeAll(async () => {
    full = path.join(dir, 'to-damage.jsonl');
    await backup(db, full);
    lines = readFileSync(full, 'utf8').split('\n');
    // The database the restores must leave alone differs from the file.
    await db.write(DAMAGE);
    before = await everything();
  });

  it('refuses a damaged or missing file with the file and the line, and changes nothing', async () => {
    const firstRel = lineOf('{"relationship"');
    const named = JSON.parse(lines[firstRel]!).relationship.from as string;
    const nodeLine = lines.findIndex((l) => l.startsWith('{"node"') && JSON.parse(l).node.props.id === named);
    const cases: [string, RegExp][] = [
      [
        variant('no-node.jsonl', (l) => l.filter((_, i) => i !== nodeLine)),
        /:\d+: relationship \w+ names ".+", a node not in the file; nothing was restored$/,
      ],
      [
        variant('no-relationship.jsonl', (l) => l.filter((_, i) => i !== firstRel)),
        /:\d+: the end line counts \d+ nodes and \d+ relationships, the file holds \d+ and \d+; nothing was restored$/,
      ],
      [
        variant('cut.jsonl', (l) => [...l.slice(0, firstRel), l[firstRel]!.slice(0, 20)]),
        new RegExp(`:${firstRel + 1}: not a line of a backup`),
      ],
      [
        variant('no-end.jsonl', (l) => l.slice(0, -3)),
        /is incomplete \(no end line\): nothing was restored$/,
      ],
      [variant('not-a-backup.jsonl', () => ['{"hello": 1}']), /:1: not a kg-explorer-backup file/],
      [path.join(dir, 'missing.jsonl'), /missing\.jsonl: no such file$/],
    ];
    for (const [file, message] of cases) {
      await expect(restore(db, file), file).rejects.toThrow(BackupFileError);
      await expect(restore(db, file), file).rejects.toThrow(message);
      expect(await everything(), file).toBe(before);
    }
  });

  it('leaves what the explorer does not own on a shared database', async () => {
    await restore(db, full);
    await db.write(ADD_FOREIGN);
    const file = path.join(dir, 'with-foreign.jsonl');
    expect(await backup(db, file)).toEqual(await checkBackup(full));
    expect(readFileSync(file, 'utf8')).not.toContain('foreign:');
    await db.write(DAMAGE);
    await restore(db, file);
    const [row] = await db.read<{ links: number; others: number }>(FOREIGN_COUNT);
    expect(row).toEqual({ links: 1, others: 3 });
    await db.write(REMOVE_FOREIGN);
  });

  it('leaves the state before or the whole backup when killed with -9 halfway, and /readyz says a restore runs', async () => {
    // A file that takes a while to restore: the graph and 40 views of 1 MB.
    await restore(db, full);
    await db.write(ADD_BIG_VIEWS, { layout: 'x'.repeat(1_000_000) });
    const big = path.join(dir, 'big.jsonl');
    await backup(db, big);
    const whole = await everything();
    await db.write(REMOVE_BIG_VIEWS);
    await db.write(DAMAGE);
    const before = await everything();

    const server = await startTestServer({ uri });
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'server/src/backup/cli.ts', 'restore', big, '--yes'],
      { env: { ...process.env, NEO4J_URI: uri }, stdio: 'ignore' },
    );
    try {
      let ready: { status: number; body: unknown } | undefined;
      for (let i = 0; i < 600 && ready?.status !== 503; i++) {
        const res = await fetch(`${server.url}/readyz`);
        ready = { status: res.status, body: await res.json() };
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(ready).toEqual({
        status: 503,
        body: expect.objectContaining({ cause: 'maintenance', message: `restoring ${big}` }),
      });
      // Killed while the restore writes nodes: the old ones are deleted by then, in its transaction.
      for (let i = 0; i < 600 && (await db.read(WRITING_NODES)).length === 0; i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
    } finally {
      child.kill('SIGKILL');
      await server.stop();
    }
    // Neo4j rolls the transaction back when its connection drops.
    for (let i = 0; i < 100 && (await db.read(WRITING_NODES)).length > 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const after = await everything();
    expect(after === before || after === whole, 'the state before or the whole backup').toBe(true);
  });
});

describe('backups while people save views', () => {
  it('are the database of one moment: every relationship in the file has both its ends there', async () => {
    await restore(db, path.join(dir, 'first.jsonl'));
    const { url, stop } = await startTestServer({ uri });
    const ids = (await db.read<{ id: string }>(ENTITY_IDS)).map((r) => r.id);
    const save = 'mutation ($input: SavedViewInput!) { saveView(input: $input) { id } }';
    let saving = true;
    const answers: string[] = [];
    const savers = Array.from({ length: 4 }, async (_, c) => {
      for (let i = 0; saving; i++) {
        const nodeIds = ids.filter((_, k) => (k + i + c) % 7 === 0).slice(0, 40);
        const res = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: save,
            variables: { input: { name: `During backup ${c}-${i}`, nodeIds } },
          }),
        });
        const body = (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
        answers.push(body.errors ? `${res.status} ${body.errors[0]!.extensions?.code}` : `${res.status}`);
      }
    });
    try {
      for (let b = 0; b < 8; b++) {
        const file = path.join(dir, `during-${b}.jsonl`);
        await backup(db, file);
        const lines = readFileSync(file, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as Line);
        const nodes = new Set(lines.flatMap((l) => (l.node ? [l.node.props.id] : [])));
        const dangling = lines.filter(
          (l) => l.relationship && !(nodes.has(l.relationship.from) && nodes.has(l.relationship.to)),
        );
        expect(dangling.length, `backup ${b}`).toBe(0);
        await checkBackup(file);
      }
    } finally {
      saving = false;
      await Promise.all(savers);
      await stop();
    }
    // Saves went on between the backups, and were told to try again during them.
    expect(answers.filter((a) => a === '200').length).toBeGreaterThan(8);
    expect(new Set(answers)).toEqual(new Set(['200', '503 DATABASE_UNAVAILABLE']));
  });
});
