// `npm start` killed with `kill -9` (issue 12): its Neo4j stops by itself, cleanly, and the next start on the same
// data folder and ports serves the data written before the kill, also when it comes while that Neo4j is still
// shutting down; a Neo4j whose server lives is never touched. Bolt on NEO4J_TEST_PORT + 103 and + 104, HTTP on
// free ports.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb, cypher } from '../core/db/database.ts';
import { processesMatching, runScript, type Watched } from '../test/support/process.ts';
import { expectServing } from '../test/support/serving.ts';
import { freePort, freshTestDatabase } from '../test/support/test-database.ts';

const { port: boltPort, dataDir } = freshTestDatabase('watchdog', 'NEO4J_TEST_PORT', 7688, 103);
const httpPort = await freePort();
const env = { PORT: String(httpPort), NEO4J_PORT: String(boltPort), NEO4J_DATA_DIR: dataDir };
const url = `http://127.0.0.1:${httpPort}`;
const MARK = cypher('testWatchdogMark', "MERGE (m:WatchdogTest {id: 'kept'}) RETURN m.id AS id");
const READ = cypher('testWatchdogRead', 'MATCH (m:WatchdogTest) RETURN m.id AS id');

const started: Watched[] = [];
function run(script: string, extra: Record<string, string> = {}): Watched {
  const watched = runScript(script, { ...env, ...extra });
  started.push(watched);
  return watched;
}

/** Resolves true once no process runs on the data folder, false if one still does after `ms`. */
async function noProcessWithin(ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 200))) {
    if ((await processesMatching(dataDir)).length === 0) return true;
  }
  return false;
}

async function readMarks(): Promise<unknown[]> {
  const db = createDb({ uri: `bolt://127.0.0.1:${boltPort}` });
  try {
    return await db.read(READ);
  } finally {
    await db.close();
  }
}

afterAll(async () => {
  // Whatever happened, nothing this file started outlives it.
  for (const w of started) w.child.kill('SIGKILL');
  for (const pid of await processesMatching(dataDir)) {
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      // already gone
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the local Neo4j dies with its server', () => {
  it(
    'stops by itself after kill -9 of npm start, and the next start serves the same data',
    { timeout: 600_000 },
    async () => {
      rmSync(dataDir, { recursive: true, force: true });
      const first = run('server/src/app/main.ts');
      await first.waitFor(/ready: the graph is loaded/, 240_000);
      const db = createDb({ uri: `bolt://127.0.0.1:${boltPort}` });
      await db.write(MARK);
      await db.close();
      const java = await processesMatching(dataDir);
      expect(java).toHaveLength(1);
      expect(JSON.parse(readFileSync(path.join(dataDir, 'launcher.json'), 'utf8'))).toMatchObject({
        pid: Number(java[0]),
        owner: first.child.pid,
      });

      first.child.kill('SIGKILL');
      await first.exited;
      // Nobody else touches it: the launcher sees its owner gone and shuts the store down cleanly.
      expect(await noProcessWithin(60_000)).toBe(true);
      expect(readFileSync(path.join(dataDir, 'logs', 'debug.log'), 'utf8')).toMatch(
        /Stopped 'DatabaseId\{\w+\[neo4j\]\}' successfully/,
      );

      const second = run('server/src/app/main.ts');
      await second.waitFor(/ready: the graph is loaded/, 240_000);
      await expectServing(url);
      expect(await readMarks()).toEqual([{ id: 'kept' }]);

      // Killed again while its Neo4j is slow to stop (frozen here until the next start has seen it): the next start
      // (`npm run db`) waits for it instead of failing on the port or the store lock.
      const [slow] = await processesMatching(dataDir);
      process.kill(Number(slow), 'SIGSTOP');
      second.child.kill('SIGKILL');
      await second.exited;
      const third = run('neo4j/cli.ts');
      await third.waitFor(/a Neo4j left running on .* is shutting down; waiting/, 60_000);
      process.kill(Number(slow), 'SIGCONT');
      await third.waitFor(/ready: bolt:/, 240_000);
      expect(await readMarks()).toEqual([{ id: 'kept' }]);

      // A Neo4j whose owner lives is left alone: another start on its data folder is refused in one line.
      const intruder = run('server/src/app/main.ts', {
        PORT: String(await freePort()),
        NEO4J_PORT: String(boltPort + 1),
      });
      expect(await intruder.exited).toBe(1);
      const owned = await processesMatching(dataDir);
      expect(owned).toHaveLength(1);
      expect(intruder.output()).toContain(
        `[explorer] cannot start: the Neo4j of ${path.resolve(dataDir)} is already running (pid ${owned[0]}, started by process ${third.child.pid}): stop that first, or choose another data folder with NEO4J_DATA_DIR\n`,
      );
      expect(await readMarks()).toEqual([{ id: 'kept' }]);

      third.child.kill('SIGINT');
      expect(await third.exited).toBe(0);
      expect(await processesMatching(dataDir)).toEqual([]);
    },
  );
});
