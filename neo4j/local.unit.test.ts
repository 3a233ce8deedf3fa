import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalNeo4jError, checkJava, checkPortFree } from './local.ts';

describe('local Neo4j prerequisites', () => {
  const javaHome = process.env.JAVA_HOME;
  afterEach(() => {
    if (javaHome === undefined) delete process.env.JAVA_HOME;
    else process.env.JAVA_HOME = javaHome;
  });

  it('names the port and the way out when the port is taken', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    try {
      await expect(checkPortFree(port)).rejects.toThrow(
        new LocalNeo4jError(
          `port ${port} on 127.0.0.1 is already in use (another Neo4j?): stop it, or choose another port with NEO4J_PORT`,
        ),
      );
    } finally {
      server.close();
    }
  });

  it('accepts a free port', async () => {
    await expect(checkPortFree(0)).resolves.toBeUndefined();
  });

  it('says in one line that Java 17 is missing', () => {
    process.env.JAVA_HOME = '/nonexistent-java-home';
    expect(() => checkJava()).toThrow(/Java 17 is required to run the local Neo4j and was not found/);
  });
});
