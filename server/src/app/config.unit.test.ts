import { describe, expect, it } from 'vitest';
import { loadConfig, sourceMapsWanted } from './config.ts';

describe('loadConfig', () => {
  it('defaults to the local database and port 4000 on loopback', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 4000, host: '127.0.0.1', neo4jUri: undefined, localNeo4jPort: 7687 });
  });

  it('takes NEO4J_URI and credentials for a remote database', () => {
    const c = loadConfig({
      NEO4J_URI: 'neo4j+s://x.databases.neo4j.io',
      NEO4J_USER: 'u',
      NEO4J_PASSWORD: 'p',
    });
    expect(c).toMatchObject({
      neo4jUri: 'neo4j+s://x.databases.neo4j.io',
      neo4jUser: 'u',
      neo4jPassword: 'p',
    });
  });

  it('refuses a port that is not a number', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT must be a port number/);
  });

  it('reads API_TOKENS', () => {
    const c = loadConfig({ HOST: '0.0.0.0', API_TOKENS: 'ana:editor:0123456789abcdef' });
    expect(c.apiTokens).toEqual([{ name: 'ana', role: 'editor', token: '0123456789abcdef' }]);
  });

  it('has hardening defaults: introspection on, CORS closed, rate limit and request time limit on', () => {
    expect(loadConfig({})).toMatchObject({
      apiTokens: [],
      anonymousReads: false,
      corsOrigins: [],
      introspection: true,
      rateLimit: { perMinute: 1200, burst: 200 },
      requestTimeoutMs: 30_000,
      trustProxy: false,
      errorDetails: false,
    });
    // Not even outside production: internal details need the explicit development switch.
    expect(loadConfig({ NODE_ENV: 'development' }).errorDetails).toBe(false);
    expect(loadConfig({ DEV_ERRORS: 'true' }).errorDetails).toBe(true);
  });

  it('reads the hardening settings', () => {
    const c = loadConfig({
      INTROSPECTION: 'false',
      CORS_ORIGINS: 'https://a.example.org, http://127.0.0.1:5173',
      RATE_LIMIT_PER_MINUTE: '0',
      REQUEST_TIMEOUT_MS: '5000',
      ANONYMOUS_READS: 'true',
      TRUST_PROXY: 'loopback',
    });
    expect(c).toMatchObject({
      introspection: false,
      corsOrigins: ['https://a.example.org', 'http://127.0.0.1:5173'],
      rateLimit: null,
      requestTimeoutMs: 5000,
      anonymousReads: true,
      trustProxy: 'loopback',
    });
  });

  it('refuses settings that do not parse', () => {
    expect(() => loadConfig({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS must list origins/);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://a.example.org/path' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadConfig({ INTROSPECTION: 'maybe' })).toThrow(/INTROSPECTION must be true or false/);
    expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: '-1' })).toThrow(/RATE_LIMIT_PER_MINUTE/);
    expect(() => loadConfig({ REQUEST_TIMEOUT_MS: '10' })).toThrow(/REQUEST_TIMEOUT_MS/);
  });
});

describe('sourceMapsWanted', () => {
  it('keeps source-mapped stack traces in development', () => {
    expect(sourceMapsWanted({}, [])).toBe(true);
    expect(sourceMapsWanted({ NODE_ENV: 'development' }, [])).toBe(true);
  });

  it('turns them off in production unless Node was started with --enable-source-maps', () => {
    expect(sourceMapsWanted({ NODE_ENV: 'production' }, ['--import', 'tsx'])).toBe(false);
    expect(sourceMapsWanted({ NODE_ENV: 'production' }, ['--enable-source-maps', '--import', 'tsx'])).toBe(
      true,
    );
    expect(sourceMapsWanted({ NODE_ENV: 'production', NODE_OPTIONS: '--enable-source-maps' }, [])).toBe(true);
  });
});
