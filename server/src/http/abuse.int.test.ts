// Abuse limits as a client meets them: per-client rate limiting (429 + Retry-After), the time limit on every
// request (503 REQUEST_TIMEOUT) and on every database transaction, security headers, CORS closed unless
// configured, introspection switchable off. (Depth, alias, directive and cost limits: graphql/errors.int.test.ts;
// body size and batching: graphql-http.int.test.ts and hostile.int.test.ts.)
import { afterAll, describe, expect, inject, it } from 'vitest';
import { parseApiTokens, tokenStore } from '../access/tokens.ts';
import { cypher } from '../../../core/db/database.ts';
import type { GraphQLModule } from '../graphql/module.ts';
import { startTestServer, type TestServer } from '../../../test/support/test-server.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const SLEEP_IN_DATABASE = cypher('testSleepInDatabase', 'CALL apoc.util.sleep($ms) RETURN 1 AS done');

/** Test-only fields: one that waits in the server, one that waits inside a database transaction. */
const slow: GraphQLModule = {
  typeDefs: /* GraphQL */ `
    type Query {
      slow(ms: Int!): Boolean!
      slowInDatabase(ms: Int!): Boolean!
    }
    type Mutation {
      slowWrite(ms: Int!): Boolean!
    }
  `,
  resolvers: {
    Query: {
      slow: async (_: unknown, { ms }: { ms: number }) => {
        await sleep(ms);
        return true;
      },
      slowInDatabase: async (_: unknown, { ms }: { ms: number }, ctx) => {
        await ctx.db.read(SLEEP_IN_DATABASE, { ms });
        return true;
      },
    },
    Mutation: {
      slowWrite: async (_: unknown, { ms }: { ms: number }) => {
        await sleep(ms);
        return true;
      },
    },
  },
};

const servers: TestServer[] = [];
async function server(options: Omit<Parameters<typeof startTestServer>[0], 'uri'>): Promise<TestServer> {
  const s = await startTestServer({ uri: inject('neo4jUri'), ...options });
  servers.push(s);
  return s;
}
afterAll(async () => {
  for (const s of servers) await s.stop();
});

const codeOf = (r: { body: { errors?: Array<{ extensions?: { code?: string } }> } }) =>
  r.body.errors?.[0]?.extensions?.code;

describe('rate limiting', () => {
  it('answers 429 RATE_LIMITED with Retry-After once a client has spent its burst, per client', async () => {
    const tokens = tokenStore(
      parseApiTokens('ana:editor:ana-token-0123456789abcdef,bo:reader:bo-token-0123456789abcdef'),
    );
    const s = await server({ security: { tokens, rateLimit: { perMinute: 6, burst: 3 } } });
    const ana = { authorization: 'Bearer ana-token-0123456789abcdef' };
    const bo = { authorization: 'Bearer bo-token-0123456789abcdef' };
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await s.post('{ __typename }', {}, ana)).status);
    expect(statuses).toEqual([200, 200, 200]);
    const limited = await s.post('{ __typename }', {}, ana);
    expect(limited.status).toBe(429);
    expect(codeOf(limited)).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.body.errors?.[0]?.message).toMatch(/Too many requests: try again in \d+ s/);
    // Another client (another token, same address) has its own bucket.
    expect((await s.post('{ __typename }', {}, bo)).status).toBe(200);
    // Guessing tokens is limited by address: bad tokens spend the address's bucket.
    const guesses = [];
    for (let i = 0; i < 4; i++) {
      guesses.push(
        (await s.post('{ __typename }', {}, { authorization: `Bearer guess-${i}-0123456789abcdef` })).status,
      );
    }
    expect(guesses).toEqual([401, 401, 401, 429]);
    // Health and the page are not rate limited.
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
  });
});

describe('time limits', () => {
  it('answers a request that takes too long with 503 REQUEST_TIMEOUT, and goes on serving', async () => {
    const s = await server({ extraModules: [slow], security: { requestTimeoutMs: 300 } });
    const r = await s.post('{ slow(ms: 1500) }');
    expect(r.status).toBe(503);
    expect(codeOf(r)).toBe('REQUEST_TIMEOUT');
    expect(r.headers.get('retry-after')).toBe('5');
    await sleep(1500); // the resolver finishes after the answer; nothing breaks
    expect((await s.post('{ slow(ms: 1) }')).body.data).toEqual({ slow: true });
    expect(s.logged.filter((l) => !l.includes('took longer'))).toEqual([]);
  });

  it('lets a write past the limit say how it ended, and tells one that outlives its transaction it may be saved', async () => {
    // The grace after REQUEST_TIMEOUT_MS is the transaction's own limit plus 5 s: 5.2 s here.
    const s = await server({ extraModules: [slow], security: { requestTimeoutMs: 300 }, txTimeoutMs: 200 });
    const finished = await s.post('mutation { slowWrite(ms: 1500) }');
    expect(finished.status).toBe(200);
    expect(finished.body.data).toEqual({ slowWrite: true });
    const stuck = await s.post('mutation { slowWrite(ms: 7000) }');
    expect(stuck.status).toBe(503);
    expect(codeOf(stuck)).toBe('REQUEST_TIMEOUT');
    expect(stuck.body.errors?.[0]?.message).toMatch(
      /may still have been saved\. Send it again with the same Idempotency-Key/,
    );
    await sleep(2000);
  });

  it('stops a database transaction at its time limit and says so', async () => {
    const s = await server({ extraModules: [slow], txTimeoutMs: 1_000, production: true });
    const started = Date.now();
    const r = await s.post('{ slowInDatabase(ms: 20000) }');
    expect(Date.now() - started).toBeLessThan(15_000);
    // The same code as a request stopped by REQUEST_TIMEOUT_MS (the error table): 503 with Retry-After.
    expect(r.status).toBe(503);
    expect(codeOf(r)).toBe('REQUEST_TIMEOUT');
    expect(r.headers.get('retry-after')).toBe('5');
    expect(r.body.errors?.[0]?.message).toMatch(/took too long and was stopped/);
    expect((await s.post('{ slowInDatabase(ms: 1) }')).body.data).toEqual({ slowInDatabase: true });
  });
});

describe('security headers', () => {
  it('sends a content security policy and the usual headers on pages and API answers', async () => {
    const s = await server({});
    for (const path of ['/', '/graphiql', '/graphql?query=%7B__typename%7D', '/healthz']) {
      const r = await fetch(`${s.url}${path}`);
      const csp = r.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("script-src 'self'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('x-frame-options')).toBe('DENY');
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
      expect(r.headers.get('x-powered-by')).toBeNull();
    }
  });
});

describe('CORS', () => {
  const preflight = (url: string, origin: string) =>
    fetch(`${url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization',
      },
    });
  const post = (url: string, origin: string) =>
    fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });

  it('is closed unless configured: no other origin may call the API from a browser', async () => {
    const s = await server({});
    const p = await preflight(s.url, 'https://elsewhere.example');
    expect(p.headers.get('access-control-allow-origin')).toBeNull();
    expect(p.headers.get('access-control-allow-methods')).toBeNull();
    expect(
      (await post(s.url, 'https://elsewhere.example')).headers.get('access-control-allow-origin'),
    ).toBeNull();
  });

  it('opens to the configured origins only', async () => {
    const s = await server({ security: { corsOrigins: ['https://analysis.example.org'] } });
    const ok = await preflight(s.url, 'https://analysis.example.org');
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://analysis.example.org');
    expect(ok.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(ok.headers.get('access-control-allow-credentials')).toBeNull();
    const r = await post(s.url, 'https://analysis.example.org');
    expect(r.headers.get('access-control-allow-origin')).toBe('https://analysis.example.org');
    expect(r.headers.get('vary')).toMatch(/origin/i);
    const other = await preflight(s.url, 'https://elsewhere.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('introspection', () => {
  const INTROSPECT = '{ __schema { queryType { name } } }';

  it('is on by default (an analyst writes queries in the console)', async () => {
    const s = await server({});
    expect((await s.post(INTROSPECT)).body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('can be switched off, and then suggests no field names either', async () => {
    const s = await server({ introspection: false });
    const r = await s.post(INTROSPECT);
    expect(r.body.data).toBeUndefined();
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.body.errors?.[0]?.message).toMatch(/introspection/i);
    const typo = await s.post('{ stat { nodeCount } }');
    expect(typo.body.errors?.[0]?.message).not.toMatch(/Did you mean/);
    expect((await s.post('{ stats { nodeCount } }')).status).toBe(200);
  });
});
