// Every error a client can cause carries a contract code, limits are enforced before anything runs, and
// production answers carry no stack trace, Cypher or driver text.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppError } from '../../../core/errors.ts';
import { startTestServer, type TestServer } from '../../../test/support/test-server.ts';
import { DEFAULT_LIMITS } from './limits.ts';
import type { GraphQLModule } from './module.ts';

let dev: TestServer;
let prod: TestServer;

// A module only these tests add: resolvers that fail the ways real ones can.
const failing: GraphQLModule = {
  typeDefs: /* GraphQL */ `
    type Query {
      failsInternally: String
      failsInCypher: String
      failsWithUserMessage: String
    }
  `,
  resolvers: {
    Query: {
      failsInternally: () => {
        throw new Error('secret internals: MATCH (n:Secret) RETURN n');
      },
      // A broken query, not declared with cypher() so that the EXPLAIN test never sees it.
      failsInCypher: (_p: unknown, _a: unknown, { db }: { db: TestServer['db'] }) =>
        db.read({ name: 'testBrokenQuery', text: 'MATCH (n:Secret RETURN n' }),
      failsWithUserMessage: () => {
        throw new AppError('NOT_FOUND', 'There is no such view.');
      },
    },
  },
};

beforeAll(async () => {
  const uri = inject('neo4jUri');
  dev = await startTestServer({ uri, extraModules: [failing] });
  prod = await startTestServer({ uri, production: true, extraModules: [failing] });
});
afterAll(async () => {
  await dev?.stop();
  await prod?.stop();
});

const codeOf = (body: { errors?: Array<{ extensions?: { code?: string } }> }) =>
  body.errors?.[0]?.extensions?.code;

describe('requests the user must fix get BAD_USER_INPUT', () => {
  const cases: Array<[string, string, Record<string, unknown>?]> = [
    ['a syntax error', '{ actors { name }'],
    ['an unknown field', '{ actors { nickname } }'],
    ['an unknown query', '{ everything { id } }'],
    ['an argument of the wrong type', '{ actors(limit: "ten") { name } }'],
    ['a malformed date', '{ statements(where: { date: { gte: "2022-13-45" } }) { id } }'],
    ['a variable of the wrong type', 'query($n: Int) { actors(limit: $n) { name } }', { n: 'ten' }],
    ['a missing required variable', 'query($id: ID!) { node(id: $id) { id } }'],
    [
      'a date variable that is not a date',
      'query($d: Date) { statements(where: { date: { gte: $d } }) { id } }',
      { d: 'soon' },
    ],
  ];
  for (const [what, query, variables] of cases) {
    it(what, async () => {
      const r = await dev.post(query, variables);
      expect(r.status).toBe(400);
      expect(codeOf(r.body)).toBe('BAD_USER_INPUT');
      expect(r.body.data ?? null).toBeNull();
    });
  }
});

describe('limits answer QUERY_TOO_COMPLEX before anything runs', () => {
  it('depth', async () => {
    let selection = 'name';
    for (let i = 0; i < DEFAULT_LIMITS.maxDepth; i++) selection = `memberOf(limit: 1) { ${selection} }`;
    const r = await dev.post(`{ actors(limit: 1) { ${selection} } }`);
    expect(r.status).toBe(400);
    expect(codeOf(r.body)).toBe('QUERY_TOO_COMPLEX');
    expect(r.body.errors?.[0]?.message).toMatch(/depth/i);
  });

  it('aliases', async () => {
    const fields = Array.from(
      { length: DEFAULT_LIMITS.maxAliases + 1 },
      (_, i) => `a${i}: actors(limit: 1) { id }`,
    );
    const r = await dev.post(`{ ${fields.join(' ')} }`);
    expect(codeOf(r.body)).toBe('QUERY_TOO_COMPLEX');
    expect(r.body.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('directives', async () => {
    const directives = Array.from({ length: DEFAULT_LIMITS.maxDirectives + 1 }, () => '@include(if: true)');
    const r = await dev.post(`{ __typename ${directives.join(' ')} }`);
    expect(codeOf(r.body)).toBe('QUERY_TOO_COMPLEX');
    expect(r.body.errors?.[0]?.message).toMatch(/directive/i);
  });

  it('cost, counting list sizes (also when they come from variables)', async () => {
    const nested = '{ actors(limit: $n) { statements(limit: $n) { sources(limit: $n) { title } } } }';
    const small = await dev.post(`query($n: Int) ${nested}`, { n: 5 });
    expect(small.body.errors).toBeUndefined();
    const large = await dev.post(`query($n: Int) ${nested}`, { n: 200 });
    expect(large.status).toBe(400);
    expect(codeOf(large.body)).toBe('QUERY_TOO_COMPLEX');
    expect(large.body.errors?.[0]?.message).toMatch(/cost/);
    expect(large.body.data ?? null).toBeNull();
  });

  it('cost of the explorer operations counts their limit', async () => {
    const nodes = (alias: string) =>
      `${alias}: nodes(limit: 1000) { id kind label summary properties degree sources { id title url } }`;
    const one = await dev.post(`{ ${nodes('a')} }`);
    expect(one.body.errors).toBeUndefined();
    const many = Array.from({ length: 12 }, (_, i) => nodes(`n${i}`)).join(' ');
    const r = await dev.post(`{ ${many} }`);
    expect(codeOf(r.body)).toBe('QUERY_TOO_COMPLEX');
  });
});

describe('other codes', () => {
  it('a resolver error with a contract code keeps its code and message', async () => {
    const r = await dev.post('{ failsWithUserMessage }');
    expect(codeOf(r.body)).toBe('NOT_FOUND');
    expect(r.body.errors?.[0]?.message).toBe('There is no such view.');
  });

  it('anything else is INTERNAL_SERVER_ERROR', async () => {
    const r = await dev.post('{ failsInternally }');
    expect(codeOf(r.body)).toBe('INTERNAL_SERVER_ERROR');
  });
});

describe('production', () => {
  it('hides stack traces, Cypher and driver text', async () => {
    for (const field of ['failsInternally', 'failsInCypher']) {
      const r = await prod.post(`{ ${field} }`);
      const text = JSON.stringify(r.body);
      expect(codeOf(r.body), field).toBe('INTERNAL_SERVER_ERROR');
      expect(text, field).not.toMatch(/stacktrace|MATCH|Secret|Neo4jError|Neo\.ClientError|\.ts:\d+/);
    }
    const syntax = await prod.post('{ actors { name }');
    expect(codeOf(syntax.body)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(syntax.body)).not.toMatch(/stacktrace|node_modules/);
  });

  it('keeps stack traces in development', async () => {
    const r = await dev.post('{ failsInternally }');
    expect(r.body.errors?.[0]?.extensions?.stacktrace).toBeDefined();
  });

  it('marks every answer no-store, and shows stack traces in development only', async () => {
    const raw = async (server: TestServer, query: string) => {
      const r = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      return { text: await r.text(), cacheControl: r.headers.get('cache-control') };
    };
    for (const query of ['{ __typename }', '{ failsInternally }', '{ actors { name }']) {
      const p = await raw(prod, query);
      expect(p.text, query).not.toMatch(/stacktrace|\.ts:\d+/);
      expect(p.cacheControl, query).toBe('no-store');
      expect((await raw(dev, query)).cacheControl, query).toBe('no-store');
    }
    expect((await raw(dev, '{ failsInternally }')).text).toMatch(/stacktrace/);
  });

  it('does not suggest field names in production', async () => {
    const r = await prod.post('{ actors { nme } }');
    expect(codeOf(r.body)).toBe('BAD_USER_INPUT');
    expect(r.body.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });
});
