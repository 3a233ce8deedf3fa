// `npm start` as a user runs it, in the two situations the README promises.
import { rmSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { processesMatching, runScript } from '../../../test/support/process.ts';
import { expectServing } from '../../../test/support/serving.ts';
import { freshTestDatabase } from '../../../test/support/test-database.ts';

describe('npm start', () => {
  it(
    'says clearly that an unreachable NEO4J_URI cannot be reached, and /readyz answers 503',
    { timeout: 300_000 },
    async () => {
      const app = runScript('server/src/app/main.ts', { NEO4J_URI: 'bolt://127.0.0.1:1', PORT: '0' });
      const line = await app.waitFor(/cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1[^\n]*/, 30_000);
      expect(line).toContain('/readyz answers 503 until it answers');
      expect(app.output()).not.toMatch(/\n\s+at /); // no stack trace
      const url = /serving (http:\/\/[^ ]+)/.exec(app.output())?.[1];
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'unavailable', cause: 'database' });
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      app.child.kill('SIGINT');
      expect(await app.exited).toBe(0);
    },
  );

  it(
    'says that the database NEO4J_DATABASE names does not exist, and /readyz says so too',
    { timeout: 300_000 },
    async () => {
      const app = runScript('server/src/app/main.ts', {
        NEO4J_URI: inject('neo4jUri'),
        NEO4J_DATABASE: 'nosuchdatabase',
        PORT: '0',
      });
      const line = await app.waitFor(/Neo4j at [^\n]* has no database[^\n]*/, 60_000);
      expect(line).toContain(
        'has no database "nosuchdatabase" (NEO4J_DATABASE): create it, or unset NEO4J_DATABASE',
      );
      expect(app.output()).not.toMatch(/cannot reach Neo4j|\n\s+at /);
      const url = /serving (http:\/\/[^ ]+)/.exec(app.output())?.[1];
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({
        cause: 'database',
        message: expect.stringMatching(/no database/),
      });
      app.child.kill('SIGINT');
      expect(await app.exited).toBe(0);
    },
  );

  it(
    'starts its own Neo4j, serves the graph, and leaves no process behind on Ctrl-C',
    { timeout: 300_000 },
    async () => {
      const { port, dataDir } = freshTestDatabase('start', 'NEO4J_TEST_PORT', 7688, 60);
      const app = runScript('server/src/app/main.ts', {
        PORT: '0',
        NEO4J_PORT: String(port),
        NEO4J_DATA_DIR: dataDir,
      });
      await app.waitFor(/ready: the graph is loaded/, 180_000);
      const url = /serving (http:\/\/[^ ]+)/.exec(app.output())?.[1];
      await expectServing(url!);
      // Safe by default (NODE_ENV unset, no DEV_ERRORS): an error carries its code, no stack trace or path.
      const bad = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ noSuchField }' }),
      });
      const text = await bad.text();
      expect(JSON.parse(text).errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT' });
      expect(text).not.toMatch(/stacktrace|\/work\/|node_modules|at [A-Za-z.]+ \(/);
      expect(await processesMatching(dataDir)).toHaveLength(1); // the Java process
      app.child.kill('SIGINT');
      expect(await app.exited).toBe(0);
      expect(await processesMatching(dataDir)).toEqual([]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  );
});
