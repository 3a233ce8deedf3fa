import { describe, expect, it } from 'vitest';
import { CliError, connectFromEnv } from './cli.ts';

describe('connectFromEnv', () => {
  it('says in one line what to do when no Neo4j answers', async () => {
    const saved = { uri: process.env.NEO4J_URI, port: process.env.NEO4J_PORT };
    try {
      delete process.env.NEO4J_URI;
      process.env.NEO4J_PORT = '1';
      const local = await connectFromEnv().catch((e: unknown) => e);
      expect(local).toBeInstanceOf(CliError);
      expect((local as Error).message).toBe(
        'no Neo4j answers at bolt://127.0.0.1:1: start it first with `npm run db`, or set NEO4J_URI (or NEO4J_PORT)',
      );
      process.env.NEO4J_URI = 'bolt://127.0.0.1:2';
      const remote = await connectFromEnv().catch((e: unknown) => e);
      expect((remote as Error).message).toMatch(
        /^Neo4j at bolt:\/\/127\.0\.0\.1:2 does not answer: check NEO4J_URI/,
      );
    } finally {
      if (saved.uri === undefined) delete process.env.NEO4J_URI;
      else process.env.NEO4J_URI = saved.uri;
      if (saved.port === undefined) delete process.env.NEO4J_PORT;
      else process.env.NEO4J_PORT = saved.port;
    }
  });
});
