// `npm run db` as a user runs it: ready line, clean shutdown on SIGINT and SIGTERM, data kept across restarts.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb, cypher } from '../core/db/database.ts';
import { processesMatching, runScript } from '../test/support/process.ts';

const port = Number(process.env.NEO4J_TEST_PORT ?? 7688) + 50;
const dataDir = `.neo4j/test-cli-${port}`;
const env = { NEO4J_PORT: String(port), NEO4J_DATA_DIR: dataDir };
const MARK = cypher('testCliMark', "MERGE (m:CliTest {id: 'kept'}) RETURN m.id AS id");
const READ = cypher('testCliRead', 'MATCH (m:CliTest) RETURN m.id AS id');

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm run db', () => {
  it(
    'prints a ready line, stops cleanly on SIGINT, and keeps the data for the next start',
    { timeout: 300_000 },
    async () => {
      rmSync(dataDir, { recursive: true, force: true });
      const first = runScript('neo4j/cli.ts', env);
      await first.waitFor(/ready: bolt:\/\/127\.0\.0\.1:\d+/, 120_000);
      const db = createDb({ uri: `bolt://127.0.0.1:${port}` });
      await db.write(MARK);
      await db.close();
      first.child.kill('SIGINT');
      expect(await first.exited).toBe(0);
      expect(first.output()).toContain('stopped cleanly');
      expect(await processesMatching(dataDir)).toEqual([]);

      const second = runScript('neo4j/cli.ts', env);
      await second.waitFor(/ready: bolt:/, 120_000);
      const again = createDb({ uri: `bolt://127.0.0.1:${port}` });
      expect(await again.read(READ)).toEqual([{ id: 'kept' }]);
      await again.close();
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
      expect(await processesMatching(dataDir)).toEqual([]);
    },
  );

  it('refuses a port that is taken, in one line', { timeout: 300_000 }, async () => {
    const holder = runScript('neo4j/cli.ts', env);
    await holder.waitFor(/ready: bolt:/, 120_000);
    const second = runScript('neo4j/cli.ts', { ...env, NEO4J_DATA_DIR: `${dataDir}-second` });
    expect(await second.exited).toBe(1);
    expect(second.output().trim()).toBe(
      `[neo4j] error: port ${port} on 127.0.0.1 is already in use (another Neo4j?): stop it, or choose another port with NEO4J_PORT`,
    );
    holder.child.kill('SIGTERM');
    await holder.exited;
    rmSync(`${dataDir}-second`, { recursive: true, force: true });
  });
});
