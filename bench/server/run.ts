// `npm run bench`: latency of the explorer's operations through /graphql and, in the same run, of exactly the
// same Cypher through neo4j-driver alone (recorded from the API's own requests and replayed), throughput with 8
// and 32 concurrent clients, and the loader's rate (from the last `npm run seed:synthetic`). Prints a table and
// writes bench/results/server-<time>.json. Needs a running Neo4j holding the synthetic graph (NEO4J_URI, or the
// local one on NEO4J_PORT). See docs/benchmarks.md.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { loadConfig } from '../../server/src/app/config.ts';
import { CliError, connectFromEnv, parseOptions, runCli } from '../../core/cli.ts';
import type { Db } from '../../core/db/database.ts';
import { countSynthetic } from '../../graph-seed/src/synthetic/write.ts';
import { machineInfo } from '../machine.ts';
import { closeServer, startBenchServer, writeResults } from '../results.ts';
import { differences, ms, summarize, table, type Summary } from '../stats.ts';
import { EXPAND_PAGE } from '../../client/src/expand/expand.ts';
import {
  deleteBenchViews,
  degreeLadder,
  hubs,
  neighborhoodRequest,
  nodeRequest,
  ordinaryNodes,
  pathsRequest,
  saveViewRequest,
  searchRequest,
  statsRequest,
  typo,
  viewRequest,
  type Case,
  type NodeSample,
  type Request,
} from './cases.ts';
import {
  planText,
  profileRecording,
  queryNames,
  recordingDb,
  replay,
  type QueryProfile,
  type Recording,
  type RecordingDb,
} from './record.ts';
import { throughput, type ThroughputResult } from './throughput.ts';

const USAGE = `usage: npm run bench -- [--samples N] [--warmup N] [--seconds S] [--url URL] [--only a,b] [--no-throughput]
  --samples N      measured requests per case (default 200), after --warmup (default 20, at least one per input)
  --seconds S      duration of each throughput run (default 20)
  --url URL        an explorer already running against the same database, for the throughput runs
                   (default: start one with \`tsx server/src/app/main.ts\` on PORT, default 4000)
  --only KEYS      run only these cases (comma-separated keys, e.g. search,neighborhood-d1)
  --no-throughput  skip the throughput runs
  --profile        also PROFILE the Cypher of each case's slowest input once and keep the plans in the results file`;

interface CaseResult {
  key: string;
  name: string;
  inputs: number;
  degree?: string;
  graphql: Summary;
  driver: Summary;
  /** GraphQL minus driver time for the same input in the same iteration. */
  apiAdds: Summary;
  errors: number;
  responseKiB: number;
  queries: string[];
  /** With --profile: each read query of the slowest input (by driver p50), PROFILEd once. */
  profile?: QueryProfile[];
  profiledInput?: Record<string, unknown>;
}

async function post(url: string, req: Request): Promise<{ ms: number; body: string; status: number }> {
  const started = performance.now();
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify(req),
  });
  const body = await res.text();
  return { ms: performance.now() - started, body, status: res.status };
}

/**
 * Runs one case: each iteration sends request k through /graphql (recording the Cypher the API ran) and replays
 * that Cypher through the driver, alternating which goes first so drift hits both alike.
 */
async function measure(
  c: Case,
  url: string,
  rec: RecordingDb,
  db: Db,
  samples: number,
  warmup: number,
  profile: boolean,
): Promise<CaseResult> {
  const recordings = new Map<number, Recording>();
  const gql: number[] = [];
  const drv: number[] = [];
  let errors = 0;
  let bytes = 0;
  let lastRecording: Recording = [];
  // Per input: its driver times, to PROFILE the slowest input's Cypher.
  const perInput = new Map<number, number[]>();
  const rounds = Math.max(c.fewer ? 2 : warmup, c.requests.length) + samples;
  for (let i = 0; i < rounds; i++) {
    const k = i % c.requests.length;
    const req = c.requests[k]!;
    let swap = new Map<string, string>();
    const viaGraphQL = async () => {
      rec.start();
      const r = await post(url, req);
      const recording = rec.stop();
      lastRecording = recording;
      if (!recordings.has(k) || c.writes) recordings.set(k, recording);
      const parsed = JSON.parse(r.body) as { errors?: unknown[]; data?: Record<string, { id?: string }> };
      if (r.status !== 200 || parsed.errors) {
        errors++;
        if (errors <= 3) console.error(`  ${c.key}: ${r.status} ${r.body.slice(0, 300)}`);
      }
      // A replayed write gets fresh ids, so it writes a new view rather than colliding with this one.
      if (c.writes) {
        const id = Object.values(parsed.data ?? {})[0]?.id;
        if (id) swap = new Map([[id, randomUUID()]]);
      }
      bytes += r.body.length;
      return r.ms;
    };
    const viaDriver = () => replay(db.driver, recordings.get(k)!, db.database, swap);
    let g: number;
    let d: number;
    if (i % 2 === 0 || !recordings.has(k) || c.writes) {
      g = await viaGraphQL();
      d = await viaDriver();
    } else {
      d = await viaDriver();
      g = await viaGraphQL();
    }
    if (i >= rounds - samples) {
      gql.push(g);
      drv.push(d);
      perInput.set(k, [...(perInput.get(k) ?? []), d]);
    }
  }
  const slowest = [...perInput].sort((a, b) => summarize(b[1]).p50 - summarize(a[1]).p50)[0]?.[0];
  const slowestRecording = slowest === undefined ? undefined : recordings.get(slowest);
  return {
    key: c.key,
    name: c.name,
    inputs: c.requests.length,
    ...(c.degree ? { degree: c.degree } : {}),
    graphql: summarize(gql),
    driver: summarize(drv),
    apiAdds: summarize(differences(gql, drv)),
    errors,
    responseKiB: +(bytes / rounds / 1024).toFixed(1),
    queries: queryNames(lastRecording),
    ...(profile && slowestRecording
      ? {
          profiledInput: c.requests[slowest!]!.variables,
          profile: await profileRecording(db.driver, slowestRecording, db.database),
        }
      : {}),
  };
}

function degreeRange(samples: NodeSample[]): string {
  const ds = samples.map((s) => s.degree).sort((a, b) => a - b);
  if (ds.length === 0) return '';
  return ds[0] === ds.at(-1)
    ? String(ds[0])
    : `${ds[0]}–${ds.at(-1)} (median ${ds[Math.floor(ds.length / 2)]})`;
}

async function startThroughputServer(
  uri: string,
  port: number,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/app/main.ts'], {
    env: {
      ...process.env,
      NEO4J_URI: uri,
      PORT: String(port),
      NODE_ENV: 'production',
      RATE_LIMIT_PER_MINUTE: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (output += b.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null)
      throw new CliError(`the explorer exited before it was ready:\n${output.slice(-2000)}`);
    const ok = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, child };
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGTERM');
  throw new CliError(`the explorer on ${url} was not ready within 5 minutes:\n${output.slice(-2000)}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** Figures against the issue's targets. */
function targets(results: CaseResult[], runs: ThroughputResult[], loaderRate: number | undefined) {
  const r = (key: string) => results.find((x) => x.key === key);
  const row = (
    measure: string,
    target: string,
    value: number | undefined,
    ok: (v: number) => boolean,
    unit = 'ms',
  ) =>
    value === undefined
      ? [measure, target, 'not measured', '']
      : [
          measure,
          target,
          `${unit === 'ms' ? ms(value) : Math.round(value).toLocaleString('en-US')} ${unit}`,
          ok(value) ? 'met' : 'MISSED',
        ];
  const apiAdds = results.filter((x) => !x.key.startsWith('ladder')).map((x) => x.apiAdds.p50);
  const t32 = runs.find((t) => t.connections === 32);
  return [
    row('search, p95', '≤ 20 ms', r('search')?.graphql.p95, (v) => v <= 20),
    row('neighborhood d1, ordinary node, p95', '≤ 20 ms', r('neighborhood-d1')?.graphql.p95, (v) => v <= 20),
    row('neighborhood d1, hub, p95', '≤ 50 ms', r('neighborhood-d1-hub')?.graphql.p95, (v) => v <= 50),
    row(
      `  … expanding a hub (limit ${EXPAND_PAGE + 1}), p95`,
      '≤ 50 ms',
      r('neighborhood-d1-hub-expand')?.graphql.p95,
      (v) => v <= 50,
    ),
    row('paths maxLength 6, p95', '≤ 100 ms', r('paths-6')?.graphql.p95, (v) => v <= 100),
    row(
      'API adds, p50 (worst case)',
      '≤ 2 ms',
      apiAdds.length ? Math.max(...apiAdds) : undefined,
      (v) => v <= 2,
    ),
    row('throughput d1, 32 clients', '≥ 500 req/s', t32?.requestsPerSecond, (v) => v >= 500, 'req/s'),
    row('  … errors', '0', t32?.errors, (v) => v === 0, 'errors'),
    row('  … p99', '< 200 ms', t32?.latency.p99, (v) => v < 200),
    row('loader', '≥ 50,000 rel/s', loaderRate, (v) => v >= 50_000, 'rel/s'),
  ];
}

async function main(): Promise<number> {
  const values = parseOptions(
    { values: ['samples', 'warmup', 'seconds', 'url', 'only'], flags: ['no-throughput', 'profile'] },
    USAGE,
  );
  const samples = Number(values.samples ?? 200);
  const warmup = Number(values.warmup ?? 20);
  const seconds = Number(values.seconds ?? 20);
  const only = values.only?.split(',');

  const config = loadConfig();
  const uri = config.neo4jUri ?? `bolt://127.0.0.1:${config.localNeo4jPort}`;
  const db = await connectFromEnv({ txTimeoutMs: 60_000 });
  let server: Server | undefined;
  let child: ChildProcess | undefined;
  try {
    const nodes = await countSynthetic(db);
    if (nodes === 0)
      throw new CliError(
        'the database holds no synthetic graph: run `npm run seed:synthetic -- --nodes 1000000` first',
      );
    const machine = await machineInfo(db);
    console.log(
      `bench: ${nodes.toLocaleString('en-US')} synthetic nodes; ${machine.cpus} cores (${machine.cpuModel}), ` +
        `${machine.memoryGiB} GiB; Neo4j ${machine.neo4j?.version ?? '?'} heap ${machine.neo4j?.heapMaxMiB ?? '?'} MiB ` +
        `page cache ${machine.neo4j?.pagecache ?? '?'}; load average ${machine.loadAverage.join(' ')}`,
    );

    // Inputs, drawn deterministically from the graph.
    const ordinary = await ordinaryNodes(db, nodes, 20);
    const actors = await ordinaryNodes(db, nodes, 20, ['ACTOR']);
    const hubNodes = (await hubs(db, nodes >= 100_000 ? 5 : 3)).filter(
      (h) => h.degree >= 1_000 || nodes < 100_000,
    );
    const ladder = await degreeLadder(db, nodes, [1, 10, 100, 1_000, 10_000]);
    for (const h of [hubNodes.at(-1), hubNodes[0]])
      if (h && !ladder.some((l) => l.id === h.id)) ladder.push(h);
    const pairs = ordinary
      .slice(0, 10)
      .map((a, i) => [a.id, ordinary[(i + 10) % ordinary.length]!.id] as const);
    console.log(
      `inputs: ${ordinary.length} ordinary nodes (degree ${degreeRange(ordinary)}), hubs ${hubNodes.map((h) => `${h.id} (${h.degree})`).join(', ')}`,
    );

    // The API in this process, on a Db that records what each request runs.
    const rec = recordingDb(db);
    const started = await startBenchServer(db, rec.db);
    server = started.server;
    const url = started.url;

    // The view to save and open: the first hub's first 200 neighbours, as the explorer would show them.
    const around = JSON.parse(
      (await post(url, neighborhoodRequest(hubNodes[0]?.id ?? ordinary[0]!.id, 1, 200))).body,
    ) as {
      data: { neighborhood: { nodes: { id: string }[]; edges: { id: string }[] } };
    };
    const viewNodes = around.data.neighborhood.nodes.map((n) => n.id);
    const viewEdges = around.data.neighborhood.edges.map((e) => e.id);
    const saved = JSON.parse((await post(url, saveViewRequest(viewNodes, viewEdges))).body) as {
      data: { saveView: { id: string } };
    };

    const cases: Case[] = [
      {
        key: 'search',
        name: 'search, exact name',
        requests: actors.map((a) => searchRequest(a.name ?? a.id)),
      },
      {
        key: 'search-typo',
        name: 'search, a typo',
        requests: actors.map((a) => searchRequest(typo(a.name ?? a.id))),
      },
      {
        key: 'node',
        name: 'node',
        requests: ordinary.map((n) => nodeRequest(n.id)),
        degree: degreeRange(ordinary),
      },
      {
        key: 'neighborhood-d1',
        name: 'neighborhood d1, ordinary',
        requests: ordinary.map((n) => neighborhoodRequest(n.id, 1)),
        degree: degreeRange(ordinary),
      },
      {
        key: 'neighborhood-d2',
        name: 'neighborhood d2, ordinary',
        requests: ordinary.map((n) => neighborhoodRequest(n.id, 2)),
        degree: degreeRange(ordinary),
      },
      {
        key: 'neighborhood-d1-hub',
        name: 'neighborhood d1, hub',
        requests: hubNodes.map((n) => neighborhoodRequest(n.id, 1)),
        degree: degreeRange(hubNodes),
      },
      {
        // What a double-click on a hub asks for: the explorer expands in pages of EXPAND_PAGE.
        key: 'neighborhood-d1-hub-expand',
        name: `neighborhood d1, hub, limit ${EXPAND_PAGE + 1}`,
        requests: hubNodes.map((n) => neighborhoodRequest(n.id, 1, EXPAND_PAGE + 1)),
        degree: degreeRange(hubNodes),
      },
      {
        key: 'neighborhood-d2-hub',
        name: 'neighborhood d2, hub',
        requests: hubNodes.map((n) => neighborhoodRequest(n.id, 2)),
        degree: degreeRange(hubNodes),
      },
      { key: 'paths-4', name: 'paths maxLength 4', requests: pairs.map(([a, b]) => pathsRequest(a, b, 4)) },
      { key: 'paths-6', name: 'paths maxLength 6', requests: pairs.map(([a, b]) => pathsRequest(a, b, 6)) },
      {
        key: 'open-view',
        name: `view (${viewNodes.length} nodes)`,
        requests: [viewRequest(saved.data.saveView.id)],
      },
      { key: 'stats', name: 'stats (on opening)', requests: [statsRequest()], fewer: true },
      ...ladder.map((n) => ({
        key: `ladder-${n.degree}`,
        name: `  d1 at degree ${n.degree.toLocaleString('en-US')}`,
        requests: [neighborhoodRequest(n.id, 1)],
        degree: String(n.degree),
      })),
      // Last: each save adds a view INCLUDING the same 200 nodes, which would weigh on every case after it.
      {
        key: 'save-view',
        name: `saveView (${viewNodes.length} nodes)`,
        requests: [saveViewRequest(viewNodes, viewEdges)],
        writes: true,
      },
    ].filter((c) => !only || only.some((o) => c.key === o || (o === 'ladder' && c.key.startsWith('ladder'))));

    const results: CaseResult[] = [];
    for (const c of cases) {
      const started = performance.now();
      const n = c.fewer
        ? Math.ceil(samples / 10)
        : c.key.startsWith('ladder')
          ? Math.ceil(samples / 2)
          : samples;
      const r = await measure(c, url, rec, db, n, warmup, values.profile === true);
      results.push(r);
      const worst = r.profile?.sort((a, b) => b.dbHits - a.dbHits)[0];
      if (worst)
        console.log(
          `    heaviest query ${worst.name} (${worst.dbHits} db hits):\n${planText(worst.plan).replace(/^/gm, '      ')}`,
        );
      console.log(
        `  ${c.name.trim()}: graphql p50 ${ms(r.graphql.p50)} p95 ${ms(r.graphql.p95)} · driver p50 ${ms(r.driver.p50)} · ` +
          `API adds p50 ${ms(r.apiAdds.p50)} ms · ${r.errors} errors (${((performance.now() - started) / 1000).toFixed(0)} s)`,
      );
    }
    await deleteBenchViews(db);

    const runs: ThroughputResult[] = [];
    if (!values['no-throughput']) {
      let target = values.url;
      if (!target) {
        console.log(`starting the explorer on port ${config.port} for the throughput runs…`);
        const started = await startThroughputServer(uri, config.port);
        child = started.child;
        target = started.url;
      }
      const bodies = ordinary.map((n) => neighborhoodRequest(n.id, 1));
      await throughput(target, bodies, 8, Math.min(5, seconds)); // warm-up
      for (const connections of [8, 32]) {
        const t = await throughput(target, bodies, connections, seconds);
        runs.push(t);
        console.log(
          `  throughput d1, ${connections} clients: ${Math.round(t.requestsPerSecond)} req/s, p50 ${t.latency.p50} ms, ` +
            `p99 ${t.latency.p99} ms, ${t.errors} errors`,
        );
        for (const [status, { count, sample }] of Object.entries(t.statuses)) {
          if (sample) console.log(`    ${count} × ${status}: ${sample.slice(0, 200)}`);
        }
      }
    }

    const loaderFile = path.resolve('bench/results/loader.json');
    const loader = existsSync(loaderFile)
      ? (JSON.parse(readFileSync(loaderFile, 'utf8')) as {
          plan: { nodes: number };
          result: { relationshipsPerSecond: number };
        })
      : undefined;

    console.log(
      '\nlatency in ms (graphql = through /graphql; driver = the same Cypher through neo4j-driver alone)\n',
    );
    console.log(
      table(
        [
          'case',
          'degree',
          'graphql p50',
          'p95',
          'p99',
          'driver p50',
          'p95',
          'p99',
          'API adds p50',
          'errors',
          'KiB',
        ],
        results.map((r) => [
          r.name,
          r.degree ?? '',
          ms(r.graphql.p50),
          ms(r.graphql.p95),
          ms(r.graphql.p99),
          ms(r.driver.p50),
          ms(r.driver.p95),
          ms(r.driver.p99),
          ms(r.apiAdds.p50),
          String(r.errors),
          String(r.responseKiB),
        ]),
      ),
    );
    if (runs.length) {
      console.log('\nthroughput, neighborhood depth 1 of ordinary nodes\n');
      console.log(
        table(
          ['clients', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'errors'],
          runs.map((t) => [
            String(t.connections),
            String(Math.round(t.requestsPerSecond)),
            String(t.latency.p50),
            String(t.latency.p90),
            String(t.latency.p99),
            String(t.latency.max),
            String(t.errors),
          ]),
        ),
      );
    }
    if (loader) {
      console.log(
        `\nloader (bench/results/loader.json, ${loader.plan.nodes.toLocaleString('en-US')} nodes): ` +
          `${Math.round(loader.result.relationshipsPerSecond).toLocaleString('en-US')} relationships/s`,
      );
    }
    console.log('\ntargets\n');
    console.log(
      table(
        ['measure', 'target', 'measured', ''],
        targets(results, runs, loader?.result.relationshipsPerSecond),
      ),
    );

    writeResults('server', {
      machine: { ...machine, loadAverageAtEnd: (await machineInfo()).loadAverage },
      graph: { syntheticNodes: nodes },
      settings: { samples, warmup, throughputSeconds: seconds },
      inputs: { ordinary, actors, hubs: hubNodes, ladder, pairs },
      latency: results,
      throughput: runs,
      loader: loader ?? null,
    });
    return 0;
  } finally {
    if (child) await stopChild(child);
    await closeServer(server);
    await db.close();
  }
}

runCli(main);
