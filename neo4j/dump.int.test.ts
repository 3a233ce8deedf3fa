// Neo4j's own offline dump and load of the project's own Neo4j (npm run db:dump / db:load): what was dumped comes
// back after a load, and neither runs on a database that is running.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb, cypher } from '../core/db/database.ts';
import { ownNeo4j } from '../test/support/own-neo4j.ts';
import { dump, load } from './dump.ts';

const own = ownNeo4j('dump', 105);
const dir = mkdtempSync(path.join(tmpdir(), 'kg-dump-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MARK = cypher('testDumpMark', "CREATE (:Entity {id: 'test:dumped', name: 'kept'})");
const UNMARK = cypher('testDumpUnmark', "MATCH (n:Entity {id: 'test:dumped'}) DELETE n");
const MARKS = cypher('testDumpMarks', "MATCH (n:Entity {id: 'test:dumped'}) RETURN n.name AS name");

async function withDb<T>(uri: string, work: (db: ReturnType<typeof createDb>) => Promise<T>): Promise<T> {
  const db = createDb({ uri });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

describe('db:dump and db:load', () => {
  it(
    'dump the stopped database and load it back, and refuse while it runs',
    { timeout: 300_000 },
    async () => {
      const file = path.join(dir, 'memo.dump');
      const first = await own.start({ fresh: true });
      await withDb(first.uri, (db) => db.write(MARK));
      expect(() => dump(first.dataDir, file)).toThrow(/is running: stop it first/);
      await first.stop();

      dump(first.dataDir, file);
      expect(existsSync(file)).toBe(true);

      const second = await own.start();
      await withDb(second.uri, (db) => db.write(UNMARK));
      expect(() => load(second.dataDir, file)).toThrow(/is running: stop it first/);
      await second.stop();

      load(second.dataDir, file);
      const third = await own.start();
      expect(await withDb(third.uri, (db) => db.read(MARKS))).toEqual([{ name: 'kept' }]);
      await third.stop();
    },
  );
});
