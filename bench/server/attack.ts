// `npm run bench:attack`: what the attacks of issue 12 do to other users. Readers (search, node, neighbourhood)
// run alone, then while attackers send, in a loop, every request issue 12 reproduced: filters nested 30 deep,
// 2,000 OR clauses, OR-ed `all` filters, the relationship-field fan-out, lists of 1 MB views, and the costliest
// filters the limits still allow. Prints the readers' latency in both phases, what the attacks got, and how long
// Neo4j took to be idle after the last one. Needs a running Neo4j holding the memo's graph (NEO4J_URI, or the
// local one on NEO4J_PORT); saves --views views of 1 MB and deletes them afterwards.
import type { Server } from 'node:http';
import { CliError, connectFromEnv, parseOptions, runCli } from '../../core/cli.ts';
import { cypher, type Db } from '../../core/db/database.ts';
import { VIEW_LAYOUT_MAX_BYTES } from '../../server/src/views/input.ts';
import { closeServer, startBenchServer, writeResults } from '../results.ts';
import { ms, summarize, table, type Summary } from '../stats.ts';

const USAGE = `usage: npm run bench:attack -- [--seconds S] [--readers N] [--attackers N] [--views N]
  --seconds S    duration of each phase (default 20)
  --readers N    concurrent readers (default 4)
  --attackers N  concurrent attackers in the second phase (default 4)
  --views N      views of 1 MB to save for the views attacks (default 200)`;

const XI = 'actor:xi-jinping';

interface Answer {
  ms: number;
  status: number;
  code: string;
}

async function post(url: string, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const started = performance.now();
  try {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(120_000),
    });
    const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    const code = body.errors?.[0]?.extensions?.code ?? 'OK';
    return { ms: performance.now() - started, status: res.status, code };
  } catch (e) {
    return { ms: performance.now() - started, status: 0, code: (e as Error).name };
  }
}

function nested(levels: number, quantifier = 'none', leaf = '{ name: { contains: "zzz" } }'): string {
  let where = leaf;
  for (let i = 0; i < levels; i++) where = `{ metWith: { ${quantifier}: ${where} } }`;
  return where;
}
const anyOf = (items: string[]) => `{ OR: [${items.join(', ')}] }`;
const actorsWhere = (where: string) => `{ actors(where: ${where}) { id } }`;
const aliased = (n: number, field: string) =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

/** Issue 12's reproductions, then the costliest requests the limits allow; `round` varies the filters' shapes. */
function attacks(round: number): [name: string, query: string][] {
  const text = (i: number) => `{ name: { contains: "r${round}-${i}" } }`;
  return [
    ['filter nested 30 deep', actorsWhere(nested(30))],
    ['2,000 OR clauses', actorsWhere(anyOf(Array.from({ length: 2000 }, (_, i) => text(i))))],
    ['4 OR-ed nested all', actorsWhere(anyOf([0, 1, 2, 3].map((i) => nested(2, 'all', text(i)))))],
    ['fan-out x3', aliased(3, 'nodes(limit: 1000) { sources { citedBy { id } publishedBy { id } } }')],
    ['views with layouts', '{ views(limit: 200) { id layout } }'],
    ['savedViews x15', aliased(15, 'nodes(limit: 1000) { savedViews { id layout } }')],
    // Allowed: one fan-out, the views list, and the costliest filters within the limits, in new shapes each round.
    ['fan-out x1 (allowed)', '{ nodes(limit: 1000) { sources { citedBy { id } publishedBy { id } } } }'],
    ['views list (allowed)', '{ views(limit: 200) { id name nodeCount } }'],
    [
      '3 OR-ed nested all (allowed)',
      actorsWhere(anyOf([0, 1, 2].map((i) => nested(2, i === round % 3 ? 'single' : 'all', text(i))))),
    ],
  ];
}

const READS: [string, Record<string, unknown>][] = [
  ['query ($t: String!) { search(text: $t, limit: 20) { id label } }', { t: 'xi' }],
  ['query ($id: ID!) { node(id: $id) { id label properties sources { title } } }', { id: XI }],
  ['query ($id: ID!) { neighborhood(id: $id, limit: 50) { nodes { id label } edges { id } } }', { id: XI }],
];

/** Readers in a loop until `until`; their latencies and failures. */
async function readers(url: string, n: number, until: number) {
  const times: number[] = [];
  let failures = 0;
  await Promise.all(
    Array.from({ length: n }, async (_, r) => {
      for (let i = r; performance.now() < until; i++) {
        const [query, variables] = READS[i % READS.length]!;
        const a = await post(url, query, variables);
        if (a.code === 'OK') times.push(a.ms);
        else failures += 1;
      }
    }),
  );
  return { summary: summarize(times), failures };
}

const RUNNING = cypher(
  'benchAttackRunning',
  `SHOW TRANSACTIONS YIELD currentQuery WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS'
   RETURN count(*) AS running`,
);

/** Milliseconds until Neo4j runs nothing but this question (polled every 100 ms, at most 10 minutes). */
async function idleAfter(db: Db): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < 600_000) {
    const [row] = await db.read<{ running: number }>(RUNNING);
    if (Number(row?.running) === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return performance.now() - started;
}

async function main(): Promise<number> {
  const values = parseOptions({ values: ['seconds', 'readers', 'attackers', 'views'], flags: [] }, USAGE);
  const seconds = Number(values.seconds ?? 20);
  const readerCount = Number(values.readers ?? 4);
  const attackerCount = Number(values.attackers ?? 4);
  const viewCount = Number(values.views ?? 200);

  const db = await connectFromEnv({ txTimeoutMs: 60_000 });
  let server: Server | undefined;
  let url = '';
  const views: string[] = [];
  try {
    const started = await startBenchServer(db);
    server = started.server;
    url = started.url;
    // `node` answers null, without an error, for an id it does not know: look at the answer itself.
    const memo = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ node(id: "${XI}") { id } }` }),
    }).then((r) => r.json() as Promise<{ data?: { node?: { id: string } | null } }>);
    if (memo.data?.node?.id !== XI) {
      throw new CliError(`${XI} is not in the database: load the memo first (npm run seed)`);
    }

    console.log(`saving ${viewCount} views of 1 MB…`);
    const save = 'mutation ($input: SavedViewInput!) { saveView(input: $input) { id } }';
    for (let i = 0; i < viewCount; i++) {
      const layout = { note: `${i}:`.padEnd(VIEW_LAYOUT_MAX_BYTES - 100, 'x') };
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: save,
          variables: { input: { name: `attack ${i}`, nodeIds: [XI], layout } },
        }),
      });
      const body = (await res.json()) as { data?: { saveView?: { id: string } } };
      if (!body.data?.saveView)
        throw new CliError(`saving a view failed: ${JSON.stringify(body).slice(0, 300)}`);
      views.push(body.data.saveView.id);
    }

    console.log(`readers alone for ${seconds} s…`);
    const alone = await readers(url, readerCount, performance.now() + seconds * 1000);

    console.log(`readers with ${attackerCount} attackers for ${seconds} s…`);
    const until = performance.now() + seconds * 1000;
    const outcomes = new Map<string, Answer[]>();
    const attacking = Promise.all(
      Array.from({ length: attackerCount }, async (_, a) => {
        for (let round = a; performance.now() < until; round += attackerCount) {
          for (const [name, query] of attacks(round)) {
            if (performance.now() >= until) break;
            const list = outcomes.get(name) ?? [];
            list.push(await post(url, query));
            outcomes.set(name, list);
          }
        }
      }),
    );
    const [during] = await Promise.all([readers(url, readerCount, until), attacking]);
    const idleMs = await idleAfter(db);

    const row = (name: string, r: { summary: Summary; failures: number }) => [
      name,
      String(r.summary.n),
      ms(r.summary.p50),
      ms(r.summary.p95),
      ms(r.summary.p99),
      String(r.failures),
    ];
    console.log(
      `\n${table(['readers', 'answers', 'p50', 'p95', 'p99', 'failed'], [row('alone', alone), row('during the attacks', during)])}`,
    );
    const attackRows = [...outcomes].map(([name, list]) => {
      const codes = new Map<string, number>();
      for (const o of list) codes.set(`${o.code} ${o.status}`, (codes.get(`${o.code} ${o.status}`) ?? 0) + 1);
      const s = summarize(list.map((o) => o.ms));
      return [
        name,
        String(list.length),
        [...codes].map(([c, k]) => `${k}x ${c}`).join(', '),
        ms(s.p50),
        ms(s.max),
      ];
    });
    console.log(`\n${table(['attack', 'sent', 'answers', 'p50', 'max'], attackRows)}`);
    console.log(`\nNeo4j idle ${ms(idleMs)} after the last answer`);
    writeResults('attack', {
      seconds,
      readers: readerCount,
      attackers: attackerCount,
      views: viewCount,
      alone,
      during,
      attacks: Object.fromEntries(outcomes),
      neo4jIdleAfterMs: idleMs,
    });
    return during.failures === 0 ? 0 : 1;
  } finally {
    const remove = 'mutation ($id: ID!) { deleteView(id: $id) }';
    for (const id of views) await post(url, remove, { id });
    await closeServer(server);
    await db.close();
  }
}

runCli(main);
