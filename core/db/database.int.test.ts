import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDb, cypher, int } from './database.ts';

const db = createDb({ uri: inject('neo4jUri') });
afterAll(() => db.close());

const WRITE = cypher('testDbWrite', 'CREATE (t:DbTest {id: $id, at: date($at)}) RETURN t.id AS id');
const READ = cypher('testDbRead', 'MATCH (t:DbTest {id: $id}) RETURN t.id AS id, t.at AS at LIMIT $limit');
const CLEAN = cypher('testDbClean', 'MATCH (t:DbTest) DETACH DELETE t');
const FAIL = cypher('testDbFailing', 'CREATE (t:DbTest {id: $id}) WITH t RETURN 1 / 0 AS boom');

describe('database module against the real Neo4j', () => {
  it('writes and reads back plain values', async () => {
    await db.write(WRITE, { id: 'a', at: '2022-09-15' });
    const rows = await db.read(READ, { id: 'a', limit: int(5) });
    expect(rows).toEqual([{ id: 'a', at: '2022-09-15' }]);
    await db.write(CLEAN);
  });

  it('rolls a failing transaction back completely', async () => {
    await expect(
      db.writeTransaction(async (tx) => {
        await tx.run(WRITE, { id: 'b', at: '2022-01-01' });
        await tx.run(FAIL, { id: 'c' });
      }),
    ).rejects.toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
    expect(await db.read(READ, { id: 'b', limit: int(5) })).toEqual([]);
  });

  it('reports an unreachable database as DATABASE_UNAVAILABLE', async () => {
    const gone = createDb({ uri: 'bolt://127.0.0.1:1' });
    await expect(gone.ping(1_000)).rejects.toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
    await expect(gone.read(READ, { id: 'a', limit: int(1) })).rejects.toMatchObject({
      code: 'DATABASE_UNAVAILABLE',
    });
    await gone.close();
  });
});
