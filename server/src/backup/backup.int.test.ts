// Backup and restore round trip on a database of its own: the memo's graph plus a saved view come back
// exactly (same nodes, labels, typed properties and relationships), and a damaged file restores nothing.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIfEmpty } from '../../../graph-seed/src/index.ts';
import { ownNeo4j } from '../../../test/support/own-neo4j.ts';
import { createDb, cypher, type Db } from '../../../core/db/database.ts';
import { backup, countAll, restore } from './backup.ts';

const own = ownNeo4j('backup', 70);
const dir = mkdtempSync(path.join(tmpdir(), 'kg-backup-'));
let db: Db;

const ADD_VIEW = cypher(
  'testBackupAddView',
  `CREATE (v:SavedView {id: 'view:backup-test', name: 'Backup test', version: 3, createdAt: datetime(),
     layout: '{"zoom":1.5}', nodeIds: ['actor:xi-jinping']})
   WITH v MATCH (n:Entity) WITH v, n ORDER BY n.id LIMIT 2 CREATE (v)-[:INCLUDES]->(n)`,
);
const DAMAGE = cypher('testBackupDamage', 'MATCH (n) WITH n LIMIT 5 DETACH DELETE n');

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
  db = createDb({ uri: neo4j.uri });
  await seedIfEmpty(db, () => {});
  await db.write(ADD_VIEW);
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

    await db.write(DAMAGE);
    expect((await countAll(db)).nodes).toBe(counts.nodes - 5);

    expect(await restore(db, first)).toEqual(counts);
    expect(await countAll(db)).toEqual(counts);
    const second = path.join(dir, 'second.jsonl');
    await backup(db, second);
    expect(canonical(second)).toEqual(canonical(first));
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
