import { describe, expect, it, vi } from 'vitest';
import { CliError, CliExit, connectFromEnv, parseOptions } from './cli.ts';

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

describe('parseOptions', () => {
  const withArgv = <T>(args: string[], run: () => T): T => {
    const saved = process.argv;
    process.argv = ['node', 'tool', ...args];
    try {
      return run();
    } finally {
      process.argv = saved;
    }
  };
  const options = { values: ['nodes'], flags: ['remove'] } as const;

  it('gives the options, ends with 0 after the usage for --help and with 2 for an unknown option', () => {
    expect(withArgv(['--nodes', '10', '--remove'], () => parseOptions(options, 'usage: tool'))).toEqual({
      nodes: '10',
      remove: true,
    });
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const help = withArgv(['-h'], () => {
        try {
          return parseOptions(options, 'usage: tool');
        } catch (e) {
          return e;
        }
      });
      expect(help).toEqual(new CliExit(0));
      expect((help as CliExit).code).toBe(0);
      expect(log).toHaveBeenCalledWith('usage: tool');
      const bad = withArgv(['--bogus'], () => {
        try {
          return parseOptions(options, 'usage: tool');
        } catch (e) {
          return e;
        }
      });
      expect((bad as CliExit).code).toBe(2);
      expect(String(error.mock.calls[0]?.[0])).toMatch(/--bogus[^]*\nusage: tool$/);
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  });
});
