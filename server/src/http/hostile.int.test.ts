// The hostile-input suite: requests an attacker (or a buggy script) might send. Each gets a prompt 4xx, or a
// GraphQL error with its contract code, or (for harmless text in a legitimate place) a normal answer: never a 5xx,
// a hang, an INTERNAL_SERVER_ERROR or a stack trace. The graph is the same afterwards, byte for byte.
import { createHash } from 'node:crypto';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cypher } from '../../../core/db/database.ts';
import { ERROR_CODES } from '../../../core/errors.ts';
import { startTestServer, type TestServer } from '../../../test/support/test-server.ts';

let server: TestServer;
const made: string[] = [];

// Every node and relationship of the graph, with every property, and the saved views' count.
const GRAPH_NODES = cypher(
  'testHostileGraphNodes',
  'MATCH (n:Entity) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id',
);
const GRAPH_RELATIONSHIPS = cypher(
  'testHostileGraphRelationships',
  `MATCH (a:Entity)-[r]->(b:Entity)
   RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props ORDER BY a, type, b, props.id`,
);
const VIEW_COUNT = cypher('testHostileViewCount', 'MATCH (v:SavedView) RETURN count(v) AS views');

async function fingerprint(): Promise<{ nodes: string; relationships: string; views: number }> {
  const hash = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('hex');
  const [views] = await server.db.read(VIEW_COUNT);
  return {
    nodes: hash(await server.db.read(GRAPH_NODES)),
    relationships: hash(await server.db.read(GRAPH_RELATIONSHIPS)),
    views: Number(views?.views),
  };
}

let before: Awaited<ReturnType<typeof fingerprint>>;
let statsBefore: unknown;
const STATS = '{ stats { nodeCount edgeCount countsByKind } }';

beforeAll(async () => {
  server = await startTestServer({ uri: inject('neo4jUri'), production: true });
  before = await fingerprint();
  statsBefore = (await call({ body: { query: STATS } })).json;
});

afterAll(async () => {
  for (const id of made)
    await call({ body: { query: 'mutation ($id: ID!) { deleteView(id: $id) }', variables: { id } } });
  await server?.stop();
});

const CODES = new Set<string>(ERROR_CODES);

interface Answer {
  status: number;
  text: string;
  json:
    | {
        data?: Record<string, unknown> | null;
        errors?: Array<{ message: string; extensions?: { code?: string } }>;
      }
    | undefined;
  codes: string[];
}

/**
 * Sends a request and checks what every answer must be: prompt (a hang fails the test), no 5xx, no stack trace or
 * database internals, and every error with a contract code other than INTERNAL_SERVER_ERROR.
 */
async function call(options: {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: unknown;
  raw?: string | Buffer;
}): Promise<Answer> {
  const method = options.method ?? 'POST';
  const headers = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json',
    ...options.headers,
  };
  const raw = options.raw ?? JSON.stringify(options.body);
  const body = method === 'GET' ? undefined : typeof raw === 'string' ? raw : new Uint8Array(raw);
  const response = await fetch(`${server.url}${options.path ?? '/graphql'}`, {
    method,
    headers,
    body,
    signal: AbortSignal.timeout(20_000),
  });
  const text = await response.text();
  let json: Answer['json'];
  try {
    json = JSON.parse(text) as Answer['json'];
  } catch {
    json = undefined;
  }
  const codes = (json?.errors ?? []).map((e) => String(e.extensions?.code));
  expect(response.status, text.slice(0, 300)).toBeLessThan(500);
  // Internals would show in errors (answers' data may hold anything the client sent) or in a non-JSON body.
  const exposed = json ? JSON.stringify(json.errors ?? []) : text;
  expect(exposed).not.toMatch(
    /\n\s+at |stacktrace|Neo4jError|Neo\.(Client|Transient|Database)Error|org\.neo4j|java\./,
  );
  for (const code of codes) expect(CODES, text.slice(0, 300)).toContain(code);
  expect(codes, text.slice(0, 300)).not.toContain('INTERNAL_SERVER_ERROR');
  return { status: response.status, text, json, codes };
}

const gql = (query: string, variables?: Record<string, unknown>) => call({ body: { query, variables } });

/** Expects a refusal: a 4xx, or a GraphQL error whose code is one of `codes`, and no data. */
function refused(answer: Answer, ...codes: string[]) {
  const ok = answer.status >= 400 || answer.codes.length > 0;
  expect(ok, answer.text.slice(0, 300)).toBe(true);
  if (codes.length > 0 && answer.codes.length > 0) {
    expect(codes, answer.text.slice(0, 300)).toContain(answer.codes[0]);
  }
  const data = answer.json?.data;
  if (data) for (const value of Object.values(data)) expect(value).toBeNull();
}

const CYPHER = [
  `") MATCH (n) DETACH DELETE n //`,
  `' OR 1=1 WITH 1 AS x MATCH (n) DETACH DELETE n //`,
  '`}) DETACH DELETE n RETURN 1 //',
  `\\"}) CALL apoc.util.sleep(10000) //`,
  `$id} SET n.name = 'owned' //`,
  `'; CALL db.clearQueryCaches(); //`,
];
const LUCENE = [
  '*',
  '?',
  'name:*',
  'a AND (b OR',
  '~~~',
  '"unterminated',
  '/.*/',
  '\\',
  'xi^1000000',
  '[a TO z]',
  '{!lucene}',
  '&& || !',
  'text:(putin) OR id:*',
];
const HOSTILE = [...CYPHER, ...LUCENE];
const SCRIPTS = [
  'منظمة شنغهاي للتعاون',
  '上海合作组织峰会',
  'Шанхайская организация сотрудничества',
  '\u200fשלום עולם\u200f',
  '\u202egnp.exe\u202c',
  '🇨🇳🤝🇷🇺 👩🏽‍💻',
  'नरेंद्र मोदी',
  'ญี่ปุ่น',
  'Zoë Ægir Œuvre ß',
  'e\u0301 combining',
];
const XI = 'actor:xi-jinping';

describe('the shape of the request', () => {
  it('refuses batched arrays', async () => {
    const r = await call({ raw: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]) });
    expect(r.status).toBe(400);
    refused(r, 'BAD_USER_INPUT');
  });

  it('refuses bodies over the limit, plain or compressed (a zip bomb is not inflated past the limit)', async () => {
    const big = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(3_000_000) } });
    expect((await call({ raw: big })).status).toBe(413);
    const zeros = Buffer.alloc(100_000_000, 32);
    for (const [encoding, packed] of [
      ['gzip', gzipSync(zeros)],
      ['deflate', deflateSync(zeros)],
      ['br', brotliCompressSync(zeros)],
    ] as const) {
      expect(packed.length).toBeLessThan(200_000);
      const r = await call({ raw: packed, headers: { 'content-encoding': encoding } });
      expect(r.status, encoding).toBe(413);
      expect(r.codes).toEqual(['QUERY_TOO_COMPLEX']);
    }
    const unknown = await call({ raw: '{}', headers: { 'content-encoding': 'compress' } });
    expect(unknown.status).toBe(415);
    const lying = await call({ raw: 'not gzip at all', headers: { 'content-encoding': 'gzip' } });
    expect(lying.status).toBe(400);
  });

  it('takes invalid UTF-8 without harm', async () => {
    const inString = Buffer.concat([
      Buffer.from('{"query":"{ search(text: \\"'),
      Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]),
      Buffer.from('\\") { id } }"}'),
    ]);
    const r = await call({ raw: inString });
    expect(r.status).toBe(200);
    const structural = Buffer.concat([Buffer.from('{"query":'), Buffer.from([0xc3, 0x28]), Buffer.from('}')]);
    expect((await call({ raw: structural })).status).toBe(400);
  });

  it('refuses wrong content types, bodies that are not a GraphQL request, and invalid JSON', async () => {
    const body = JSON.stringify({ query: 'mutation { deleteView(id: "view:none") }' });
    for (const type of [
      'text/plain',
      'application/xml',
      'multipart/form-data; boundary=x',
      'application/x-www-form-urlencoded',
      '',
    ]) {
      const r = await call({ raw: body, headers: { 'content-type': type } });
      expect(r.status, type).toBe(400);
    }
    expect(
      (await call({ raw: body, headers: { 'content-type': 'application/json; charset=latin1' } })).status,
    ).toBe(415);
    for (const raw of [
      '"a string"',
      'null',
      '42',
      '{}',
      '{"query": 5}',
      '{"query": "{ __typename }", "variables": "x"}',
      '{"query": "{ __typename }", "operationName": "Nope"}',
      '{"query":',
      '\u0000',
    ]) {
      const r = await call({ raw });
      expect(r.status, raw).toBe(400);
      refused(r, 'BAD_USER_INPUT');
    }
  });

  it('runs no mutation over GET, and no other method', async () => {
    const mutation = encodeURIComponent('mutation { deleteView(id: "view:none") }');
    expect((await call({ method: 'GET', path: `/graphql?query=${mutation}` })).status).toBe(405);
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      expect(
        (await call({ method, body: { query: '{ __typename }' } })).status,
        method,
      ).toBeGreaterThanOrEqual(400);
    }
    const long = encodeURIComponent(`{ ${'__typename '.repeat(5000)} }`);
    expect((await call({ method: 'GET', path: `/graphql?query=${long}` })).status).toBe(431);
  });
});

describe('queries built to exhaust the server', () => {
  it('refuses deep nesting: too deep a selection, thousands of braces, a deep list literal', async () => {
    let deep = 'id';
    for (let i = 0; i < 6; i++) deep = `nodes { savedViews { subgraph { ${deep} } } }`;
    refused(await gql(`{ neighborhood(id: "${XI}") { ${deep} } }`), 'QUERY_TOO_COMPLEX');
    refused(await gql(`{ stats ${'{ a '.repeat(5000)}${'}'.repeat(5001)}`), 'QUERY_TOO_COMPLEX');
    refused(
      await gql(`{ search(text: "a", kinds: ${'['.repeat(5000)}${']'.repeat(5000)}) { id } }`),
      'QUERY_TOO_COMPLEX',
    );
    refused(await gql(`${'{'.repeat(20_000)}${'}'.repeat(20_000)}`), 'BAD_USER_INPUT', 'QUERY_TOO_COMPLEX');
  });

  it('refuses alias bombs, repeated fields, fragment bombs and directive floods', async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: stats { nodeCount }`).join(' ');
    refused(await gql(`{ ${aliases} }`), 'QUERY_TOO_COMPLEX');
    refused(await gql(`{ stats { ${'nodeCount '.repeat(100_000)} } }`), 'QUERY_TOO_COMPLEX');
    const fragments = [
      'fragment F0 on Query { stats { nodeCount } }',
      ...Array.from({ length: 30 }, (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`),
    ].join(' ');
    refused(await gql(`${fragments} { ...F30 }`), 'QUERY_TOO_COMPLEX');
    refused(await gql(`{ __typename ${'@skip(if: false) '.repeat(1000)} }`), 'QUERY_TOO_COMPLEX');
    const costly = `{ nodes(limit: 1000) { sources { id } savedViews { subgraph { nodes { id } } } } }`;
    refused(await gql(costly), 'QUERY_TOO_COMPLEX');
  });

  it('refuses circular fragments and floods of operations, variables and arguments', async () => {
    refused(
      await gql('fragment A on Query { ...B } fragment B on Query { ...A } { ...A }'),
      'BAD_USER_INPUT',
    );
    refused(
      await gql(Array.from({ length: 5000 }, (_, i) => `query q${i} { __typename }`).join(' ')),
      'BAD_USER_INPUT',
    );
    const vars = Array.from({ length: 5000 }, (_, i) => `$v${i}: Int`).join(' ');
    refused(await gql(`query (${vars}) { __typename }`), 'BAD_USER_INPUT');
    const args = Array.from({ length: 5000 }, (_, i) => `a${i}: 1`).join(' ');
    refused(await gql(`{ search(text: "a" ${args}) { id } }`), 'BAD_USER_INPUT');
  });

  it('refuses huge, negative and fractional limits, depths and offsets', async () => {
    const cases = [
      `{ search(text: "xi", limit: 2147483647) { id } }`,
      `{ search(text: "xi", limit: 99999999999) { id } }`,
      `{ search(text: "xi", limit: -1) { id } }`,
      `{ search(text: "xi", limit: 1.5) { id } }`,
      `{ nodes(limit: 1000000) { id } }`,
      `{ nodes(limit: 1, offset: 2147483647) { id } }`,
      `{ neighborhood(id: "${XI}", depth: 1000) { nodes { id } } }`,
      `{ neighborhood(id: "${XI}", limit: 1000000) { nodes { id } } }`,
      `{ paths(sourceId: "${XI}", targetId: "actor:vladimir-putin", maxLength: 1000) { length } }`,
      `{ paths(sourceId: "${XI}", targetId: "actor:vladimir-putin", limit: 1000000) { length } }`,
      `{ views(limit: 1000000) { id } }`,
      `{ auditLog(limit: 1000000) { id } }`,
    ];
    for (const query of cases) refused(await gql(query), 'BAD_USER_INPUT', 'QUERY_TOO_COMPLEX');
    // A typed list asks for at most its maximum, whatever limit it is given.
    const typed = await gql('{ actors(limit: 1000000, offset: 0) { id } }');
    expect((typed.json?.data?.actors as unknown[]).length).toBeLessThanOrEqual(1000);
  });
});

/** Transactions running in Neo4j other than the one asking. */
const RUNNING = cypher(
  'testHostileRunning',
  `SHOW TRANSACTIONS YIELD currentQuery, elapsedTime
   WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS'
   RETURN currentQuery AS query, elapsedTime.milliseconds AS ms`,
);

/** Waits until Neo4j runs nothing but the question itself; fails with what still runs after `seconds`. */
async function expectIdleWithin(seconds: number) {
  let running: { query: string; ms: number }[] = [];
  for (let waited = 0; waited <= seconds * 10; waited++) {
    running = await server.db.read<{ query: string; ms: number }>(RUNNING);
    if (running.length === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(running.map((r) => `${r.ms} ms: ${r.query.slice(0, 200)}`)).toEqual([]);
}

/** `levels` relationship filters, each inside the one before, as GraphQL input text. */
function nestedFilter(levels: number, quantifier = 'none', leaf = '{ name: { contains: "zzz" } }') {
  let where = leaf;
  for (let i = 0; i < levels; i++) where = `{ metWith: { ${quantifier}: ${where} } }`;
  return where;
}
const anyOf = (items: string[]) => `{ OR: [${items.join(', ')}] }`;
const actorsWhere = (where: string) => `{ actors(where: ${where}) { id } }`;

describe('filters built to keep Neo4j planning', () => {
  it('refuses them before any Cypher runs, with QUERY_TOO_COMPLEX and the limit, and Neo4j stays idle', async () => {
    const refusals: [string, RegExp][] = [
      // The reproductions of issue 12: 30 nested levels, 2,000 OR clauses, 4 OR-ed `all` filters nesting another.
      [actorsWhere(nestedFilter(30)), /nested 30 deep, at most 2/],
      [
        actorsWhere(anyOf(Array.from({ length: 2000 }, (_, i) => `{ name: { contains: "z${i}" } }`))),
        /conditions .* at most 50/,
      ],
      [actorsWhere(anyOf(Array.from({ length: 4 }, () => nestedFilter(2, 'all')))), /8 relationship filters/],
      [`{ actors(where: { id: { in: [${'"x", '.repeat(5000)}] } }) { id } }`, /a list of 5000 items/],
      // The same filters split over aliases, or below a nested relationship field.
      [
        `{ ${Array.from({ length: 4 }, (_, i) => `a${i}: actors(where: ${nestedFilter(2, 'all')}) { id }`).join(' ')} }`,
        /8 relationship filters/,
      ],
      [`{ actors(limit: 1) { metWith(where: ${nestedFilter(3)}) { id } } }`, /nested 3 deep/],
    ];
    for (const [query, message] of refusals) {
      const answer = await gql(query);
      refused(answer, 'QUERY_TOO_COMPLEX');
      expect(answer.status).toBe(400);
      expect(answer.json?.errors?.[0]?.message).toMatch(message);
    }
    await expectIdleWithin(1);
  });

  it('answers the costliest filters within the limits, and Neo4j is idle again within seconds', async () => {
    const withOrInside = (i: number) =>
      `{ metWith: { all: { OR: [{ name: { contains: "g${i}" } }, { role: { contains: "h${i}" } }, { country: { eq: "k${i}" } }] } } }`;
    const allowed = [
      actorsWhere(anyOf([0, 1, 2].map(() => nestedFilter(2, 'all', '{ name: { contains: "a" } }')))),
      actorsWhere(`{ AND: [${[0, 1, 2].map(() => nestedFilter(2, 'single')).join(', ')}] }`),
      actorsWhere(anyOf([0, 1, 2, 3, 4, 5].map(withOrInside))),
    ];
    for (const query of allowed) {
      const answer = await gql(query);
      expect(answer.codes, answer.text.slice(0, 300)).toEqual([]);
      expect(Array.isArray(answer.json?.data?.actors)).toBe(true);
    }
    await expectIdleWithin(10);
  });
});

describe('requests that fan out', () => {
  it('refuses the fan-out of typed fields under a thousand nodes three times over, and answers it once', async () => {
    const fanOut = 'nodes(limit: 1000) { sources { citedBy { id } publishedBy { id } } }';
    const thrice = await gql(`{ a: ${fanOut} b: ${fanOut} c: ${fanOut} }`);
    refused(thrice, 'QUERY_TOO_COMPLEX');
    const once = await gql(`{ ${fanOut} }`);
    expect(once.codes).toEqual([]);
    expect((once.json?.data?.nodes as unknown[]).length).toBeGreaterThan(100);
  });

  it("lists views and every node's views without their layouts, and refuses asking for all the layouts", async () => {
    refused(await gql('{ views(limit: 200) { id layout } }'), 'QUERY_TOO_COMPLEX');
    refused(
      await gql(
        `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: nodes(limit: 1000) { savedViews { layout } }`).join(' ')} }`,
      ),
      'QUERY_TOO_COMPLEX',
    );
    const listed = await gql(
      '{ views(limit: 200) { id name nodeCount } nodes(limit: 300) { savedViews { id } } }',
    );
    expect(listed.codes).toEqual([]);
  });
});

describe('Cypher and Lucene syntax, quotes and every script in every string argument', () => {
  it('finds nothing harmful in search text: an answer, never an error or a change', async () => {
    for (const text of [
      ...HOSTILE,
      ...SCRIPTS,
      'a\u0000b',
      '\ud800',
      ' '.repeat(1000),
      'x'.repeat(100_000),
    ]) {
      const r = await gql('query ($t: String!) { search(text: $t, limit: 5) { id } }', { t: text });
      if (r.codes.length) expect(r.codes, text).toEqual(['BAD_USER_INPUT']);
      else expect(Array.isArray(r.json?.data?.search), text).toBe(true);
    }
  });

  it('refuses them as ids and relationship types (BAD_USER_INPUT before any query runs)', async () => {
    const quoted = [`${XI}"`, `${XI}'`, `${XI}\``, `actor:"xi"`, `actor:xi'); MATCH (n) DETACH DELETE n //`];
    for (const id of [...HOSTILE, ...SCRIPTS, ...quoted, '', 'a'.repeat(10_000)]) {
      refused(await gql('query ($id: ID!) { node(id: $id) { id } }', { id }), 'BAD_USER_INPUT');
      refused(
        await gql('query ($id: ID!) { neighborhood(id: $id) { nodes { id } } }', { id }),
        'BAD_USER_INPUT',
      );
      refused(
        await gql('query ($id: ID!) { paths(sourceId: $id, targetId: "actor:vladimir-putin") { length } }', {
          id,
        }),
        'BAD_USER_INPUT',
      );
      refused(await gql('query ($id: ID!) { view(id: $id) { id } }', { id }), 'BAD_USER_INPUT');
      refused(await gql('query ($id: ID!) { auditLog(viewId: $id) { id } }', { id }), 'BAD_USER_INPUT');
      refused(await gql('mutation ($id: ID!) { deleteView(id: $id) }', { id }), 'BAD_USER_INPUT');
      refused(
        await gql(
          'mutation ($id: ID!) { updateView(id: $id, expectedVersion: 1, input: {name: "x", nodeIds: ["actor:xi-jinping"]}) { id } }',
          { id },
        ),
        'BAD_USER_INPUT',
      );
      refused(
        await gql('mutation ($id: ID!) { saveView(input: {name: "x", nodeIds: [$id]}) { id } }', { id }),
        'BAD_USER_INPUT',
      );
    }
    const types = [
      'ATTENDED`]->() DETACH DELETE n //',
      "ATTENDED'",
      'ATTENDED"',
      'attended',
      'CITES|ATTENDED',
      '*',
    ];
    for (const t of types) {
      const filter = { relationshipTypes: [t] };
      refused(
        await gql(
          'query ($f: GraphFilter) { neighborhood(id: "actor:xi-jinping", filter: $f) { nodes { id } } }',
          { f: filter },
        ),
        'BAD_USER_INPUT',
      );
      refused(
        await gql(
          'query ($f: GraphFilter) { paths(sourceId: "actor:xi-jinping", targetId: "actor:vladimir-putin", filter: $f) { length } }',
          { f: filter },
        ),
        'BAD_USER_INPUT',
      );
    }
  });

  it('treats them as plain values in the typed queries’ filters', async () => {
    for (const x of [...HOSTILE, ...SCRIPTS]) {
      const r = await gql(
        `query ($x: String!, $id: ID!) {
          actors(where: { OR: [{ name: { contains: $x } }, { id: { eq: $id } }, { country: { startsWith: $x } }] }) { id }
          statements(where: { text: { contains: $x } }, limit: 3) { id }
        }`,
        { x, id: x },
      );
      expect(r.codes, `${x}: ${r.text.slice(0, 300)}`).toEqual([]);
      expect(Array.isArray(r.json?.data?.actors)).toBe(true);
    }
  });

  it('stores them as names, descriptions, layouts and filters exactly as sent, and refuses what Neo4j would alter', async () => {
    const SAVE = `mutation ($input: SavedViewInput!) { saveView(input: $input) { id name description layout filter } }`;
    for (const value of [...HOSTILE, ...SCRIPTS]) {
      const input = {
        name: value,
        description: `${value}\nsecond line`,
        nodeIds: [XI],
        edgeIds: [],
        layout: { [value]: value, positions: { [XI]: { x: 1, y: 2 } } },
        filter: { text: value },
      };
      const r = await gql(SAVE, { input });
      expect(r.codes, value).toEqual([]);
      const saved = r.json?.data?.saveView as {
        id: string;
        name: string;
        description: string;
        layout: unknown;
        filter: unknown;
      };
      made.push(saved.id);
      expect(saved).toMatchObject({
        name: value.trim(),
        description: input.description.trim(),
        layout: input.layout,
        filter: input.filter,
      });
    }
    for (const name of ['a\u0000b', 'a\ud800b', 'two\nlines', '   ', 'x'.repeat(201)]) {
      refused(await gql(SAVE, { input: { name, nodeIds: [XI] } }), 'BAD_USER_INPUT');
    }
    for (const edgeId of [...CYPHER, 'x'.repeat(601)]) {
      refused(
        await gql(SAVE, { input: { name: 'edges', nodeIds: [XI], edgeIds: [edgeId] } }),
        'BAD_USER_INPUT',
      );
    }
    const deepBody = `{"query":${JSON.stringify(SAVE)},"variables":{"input":{"name":"deep","nodeIds":["${XI}"],"layout":{"a":${'['.repeat(100_000)}0${']'.repeat(100_000)}}}}}`;
    refused(await call({ raw: deepBody }), 'BAD_USER_INPUT');
    refused(
      await gql(SAVE, { input: { name: 'array layout', nodeIds: [XI], layout: [1, 2] } }),
      'BAD_USER_INPUT',
    );
  });
});

describe('afterwards', () => {
  it('the graph is unchanged: every node, relationship and property, and the stats', async () => {
    for (const id of made.splice(0)) {
      const r = await gql('mutation ($id: ID!) { deleteView(id: $id) }', { id });
      expect(r.json?.data).toEqual({ deleteView: true });
    }
    expect(await fingerprint()).toEqual(before);
    expect((await call({ body: { query: STATS } })).json).toEqual(statsBefore);
    expect(server.logged).toEqual([]);
  });
});
