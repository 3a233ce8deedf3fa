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
import { configureSourceMaps, loadConfig } from '../../server/src/app/config.ts';
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
import {
  apiSlice,
  compare,
  withCpu,
  driverSlice,
  errorCodes,
  rateText,
  ratio,
  throughput,
  type ThroughputResult,
} from './throughput.ts';
import {
  BenchServerError,
  choosePort,
  cpuTimeMs,
  listenerPids,
  requestedPort,
  servingUrl,
  urlPort,
  verifyListenerPid,
} from '../listener.ts';

/** Where the throughput runs were sent, and whether the benchmark knows it was the process it started. */
interface ThroughputTarget {
  url: string;
  startedByBench: boolean;
  pid?: number;
  pidChecked: boolean;
}

const USAGE = `usage: npm run bench -- [--samples N] [--warmup N] [--seconds S] [--clients 8,32] [--rounds N] [--port N | --url URL]
                             [--only a,b] [--no-throughput] [--profile] [--cpu-prof DIR]
  --samples N      measured requests per case (default 200), after --warmup (default 20, at least one per input)
  --seconds S      duration of each throughput run (default 20), through /graphql and through the driver alone
  --clients LIST   concurrent clients of the throughput runs (default 8,32)
  --rounds N       slices each throughput run is cut into, alternating API and driver (default 3)
  --port N         port of the explorer started for the throughput runs (default: PORT if set, else one the OS
                   chooses); the run stops if it is taken or if what answers there is not the process started
  --url URL        instead, an explorer already running against the same database (not identity-checked)
  --only KEYS      run only these cases (comma-separated keys, e.g. search,neighborhood-d1)
  --no-throughput  skip the throughput runs
  --profile        also PROFILE the Cypher of each case's slowest input once and keep the plans in the results file
  --cpu-prof DIR   run the throughput explorer under node --cpu-prof, writing its CPU profile into DIR
                   (read it with \`npx tsx bench/cpu-profile.ts <file>\`)

A throughput run with any failed request (non-2xx, GraphQL errors such as NOT_FOUND, timeouts, driver errors)
is reported as FAILED with its counts, and the command exits 1.`;

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

/**
 * Starts the explorer as a child process for the throughput runs, on `port` (checked free first) or one the OS
 * chooses (PORT=0), and returns its URL only once the child itself has said where it listens, the kernel says the
 * child holds that listening socket, and /readyz answers there. Fails loudly otherwise.
 */
async function startThroughputServer(
  uri: string,
  port: number | undefined,
  cpuProfileDir: string | undefined,
): Promise<{ url: string; child: ChildProcess; pidChecked: boolean; readyAfterS: number }> {
  if (port !== undefined) await choosePort(port);
  const spawnedAt = performance.now();
  const child = spawn(
    process.execPath,
    [
      ...(cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : []),
      '--import',
      'tsx',
      'server/src/app/main.ts',
    ],
    {
      env: {
        ...process.env,
        NEO4J_URI: uri,
        HOST: '127.0.0.1',
        PORT: String(port ?? 0),
        NODE_ENV: 'production',
        RATE_LIMIT_PER_MINUTE: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (output += b.toString()));
  const fail = async (why: string) => {
    await stopChild(child);
    return new BenchServerError(`${why}\n${output.slice(-2000)}`);
  };
  let pidChecked: boolean | undefined;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null)
      throw await fail(
        `the explorer started for the throughput runs exited (code ${child.exitCode}) before it was ready:`,
      );
    // Ask nothing of the port before the child has said it listens there: another server may answer on it.
    const url = servingUrl(output);
    if (url) {
      if (port !== undefined && urlPort(url) !== port)
        throw await fail(`the explorer listens on ${url}, not on the port given (${port}):`);
      try {
        pidChecked ??= verifyListenerPid(urlPort(url), child.pid!);
      } catch (e) {
        throw await fail((e as Error).message);
      }
      const ok = await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return { url, child, pidChecked, readyAfterS: (performance.now() - spawnedAt) / 1000 };
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw await fail('the explorer started for the throughput runs was not ready within 5 minutes:');
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
          unit === 'ms'
            ? `${ms(value)} ms`
            : unit === '×'
              ? value.toFixed(2)
              : `${Math.round(value).toLocaleString('en-US')} ${unit}`,
          ok(value) ? 'met' : 'MISSED',
        ];
  const apiAdds = results.filter((x) => !x.key.startsWith('ladder')).map((x) => x.apiAdds.p50);
  // At 32 clients, or the run (the warm-up) that failed before it.
  const api32 = runs.find((t) => t.connections === 32 && t.via === 'graphql') ?? runs.find((t) => t.failed);
  const driver32 = runs.find((t) => t.connections === 32 && t.via === 'driver');
  const share = ratio(api32, driver32);
  const failedRow = (name: string, t: ThroughputResult) => [
    name,
    '0 errors',
    `FAILED: ${t.errors} errors`,
    'MISSED',
  ];
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
    api32?.failed
      ? failedRow('throughput d1, 32 clients', api32)
      : row('throughput d1, 32 clients', '≥ 500 req/s', api32?.requestsPerSecond, (v) => v >= 500, 'req/s'),
    driver32?.failed
      ? failedRow('  … the same Cypher, driver alone', driver32)
      : [
          ...row(
            '  … the same Cypher, driver alone',
            '(the limit)',
            driver32?.requestsPerSecond,
            () => true,
            'req/s',
          ).slice(0, 3),
          '',
        ],
    row('  … API / driver', '≥ 0.80', share ?? undefined, (v) => v >= 0.8, '×'),
    row('  … errors', '0', api32?.errors, (v) => v === 0, 'errors'),
    row('  … p99', '< 200 ms', api32 && !api32.failed ? api32.latency.p99 : undefined, (v) => v < 200),
    row('loader', '≥ 50,000 rel/s', loaderRate, (v) => v >= 50_000, 'rel/s'),
  ];
}

/** One line per throughput run: its rate and latency, or FAILED with the error counts by kind. */
function throughputLine(t: ThroughputResult): string {
  const via = t.via === 'graphql' ? 'API   ' : 'driver';
  return t.failed
    ? `  ${via} ${t.connections} clients: FAILED — ${t.failed}`
    : `  ${via} ${t.connections} clients: ${rateText(t)}, p50 ${t.latency.p50} ms, p90 ${t.latency.p90} ms, ` +
        `p99 ${t.latency.p99} ms, 0 errors (${t.requests} requests in ${t.seconds} s)`;
}

async function main(): Promise<number> {
  const values = parseOptions(
    {
      values: ['samples', 'warmup', 'seconds', 'url', 'only', 'port', 'clients', 'rounds', 'cpu-prof'],
      flags: ['no-throughput', 'profile'],
    },
    USAGE,
  );
  const samples = Number(values.samples ?? 200);
  const warmup = Number(values.warmup ?? 20);
  const seconds = Number(values.seconds ?? 20);
  const only = values.only?.split(',');
  const clients = (values.clients ?? '8,32').split(',').map(Number);
  const rounds = Number(values.rounds ?? 3);
  if (values.port !== undefined && values.url !== undefined)
    throw new CliError(
      'give --port (for the explorer this run starts) or --url (one already running), not both',
    );

  // The throughput explorer's port, if one is given: refused now if taken, before minutes of latency cases.
  const port = values.port === undefined ? requestedPort(process.env, 'PORT') : requestedPort(values, 'port');
  if (port !== undefined && !values['no-throughput'] && !values.url) await choosePort(port);

  const config = loadConfig();
  // As the explorer it measures (production: no source-mapped stacks), so that the driver alone, the limit the
  // API is judged against, does not pay tsx's source maps for the stack neo4j-driver takes per result.
  configureSourceMaps();
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
    let throughputTarget: ThroughputTarget | undefined;
    if (!values['no-throughput']) {
      const bodies = ordinary.map((n) => neighborhoodRequest(n.id, 1));
      // The Cypher the API runs for each body, recorded from this process's API, for the driver-alone runs.
      const recordings: Recording[] = [];
      for (const body of bodies) {
        rec.start();
        const r = await post(url, body);
        recordings.push(rec.stop());
        if (r.status !== 200 || errorCodes(r.body).length > 0)
          throw new CliError(
            `the throughput request failed in this process: ${r.status} ${r.body.slice(0, 300)}`,
          );
      }
      let target = values.url;
      if (target) {
        console.log(
          `throughput against ${target}, which this run did not start: it cannot check who answers`,
        );
        throughputTarget = { url: target, startedByBench: false, pidChecked: false };
      } else {
        console.log(
          `starting the explorer for the throughput runs on ${port === undefined ? 'a port the OS chooses' : `port ${port}`}…`,
        );
        const started = await startThroughputServer(uri, port, values['cpu-prof']);
        child = started.child;
        target = started.url;
        throughputTarget = {
          url: target,
          startedByBench: true,
          pid: child.pid!,
          pidChecked: started.pidChecked,
        };
        console.log(
          `  it listens on ${target}, pid ${child.pid}` +
            (started.pidChecked
              ? ' (the kernel confirms that pid holds the listening socket)'
              : ' (no /proc here: who holds the socket is not checked)') +
            `; ready ${started.readyAfterS.toFixed(1)} s after it was started` +
            (values['cpu-prof']
              ? ` (its CPU profile goes to ${values['cpu-prof']} when it stops: read it with \`npx tsx bench/cpu-profile.ts <file> 25 --from ${Math.ceil(started.readyAfterS + Math.min(5, seconds))}\` to leave out start-up and warm-up)`
              : ''),
        );
      }
      // CPU time of the processes at work, read around each slice: the explorer started here, the local Neo4j
      // (whoever listens on its Bolt port), and this process (autocannon, or the driver alone).
      const neo4jPid = config.neo4jUri ? undefined : listenerPids(config.localNeo4jPort)[0];
      const cpuOf = () => {
        const own = process.cpuUsage();
        const out: Record<string, number> = { bench: (own.user + own.system) / 1000 };
        const explorer = child ? cpuTimeMs(child.pid!) : undefined;
        if (explorer !== undefined) out.explorer = explorer;
        const neo4jMs = neo4jPid === undefined ? undefined : cpuTimeMs(neo4jPid);
        if (neo4jMs !== undefined) out.neo4j = neo4jMs;
        return out;
      };
      const warm = await throughput(target, bodies, 8, Math.min(5, seconds));
      if (warm.failed) {
        runs.push(warm);
        console.log(throughputLine(warm).replace('8 clients', '8 clients (warm-up)'));
      } else {
        await driverSlice(db.driver, db.database, recordings, 8, Math.min(3, seconds)); // warm-up
        for (const connections of clients) {
          const { api, driver } = await compare(
            withCpu((s) => apiSlice(target, bodies, connections, s), cpuOf),
            withCpu((s) => driverSlice(db.driver, db.database, recordings, connections, s), cpuOf),
            connections,
            seconds,
            rounds,
          );
          runs.push(api, driver);
          console.log(throughputLine(api));
          console.log(throughputLine(driver));
          const share = ratio(api, driver);
          if (share !== null) console.log(`  API / driver at ${connections} clients: ${share.toFixed(2)}`);
          for (const t of [api, driver])
            if (t.cpuMsPerRequest)
              console.log(
                `    CPU per request, ${t.via === 'graphql' ? 'API' : 'driver'} runs: ` +
                  Object.entries(t.cpuMsPerRequest)
                    .map(([k, v]) => `${k} ${v} ms`)
                    .join(', '),
              );
          // A failed run's counts are the answer: more clients would only repeat them.
          if (api.failed || driver.failed) break;
        }
      }
      if (child) {
        // Still the same process, still holding the socket: the figures are its own.
        if (child.exitCode !== null)
          throw new BenchServerError(`the throughput explorer (pid ${child.pid}) exited during the runs`);
        verifyListenerPid(urlPort(target), child.pid!);
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
      console.log(
        '\nthroughput, neighborhood depth 1 of ordinary nodes (API: /graphql; driver: the same Cypher alone)\n',
      );
      console.log(
        table(
          [
            'via',
            'clients',
            'req/s',
            'p50 ms',
            'p90 ms',
            'p99 ms',
            'max ms',
            'errors',
            'API/driver',
            'CPU ms per request',
          ],
          runs.map((t) => {
            const share =
              t.via === 'graphql'
                ? ratio(
                    t,
                    runs.find((d) => d.via === 'driver' && d.connections === t.connections),
                  )
                : null;
            return [
              t.via === 'graphql' ? 'API' : 'driver',
              String(t.connections),
              t.failed ? 'FAILED' : String(Math.round(t.requestsPerSecond)),
              ...(t.failed
                ? ['–', '–', '–', '–']
                : [t.latency.p50, t.latency.p90, t.latency.p99, t.latency.max].map(String)),
              String(t.errors),
              share === null ? '' : share.toFixed(2),
              Object.entries(t.cpuMsPerRequest ?? {})
                .map(([k, v]) => `${k} ${v}`)
                .join(', '),
            ];
          }),
        ),
      );
      for (const t of runs.filter((x) => x.failed))
        console.log(`FAILED: ${t.via} at ${t.connections} clients: ${t.failed}`);
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
      throughputTarget: throughputTarget ?? null,
      throughputRatio: Object.fromEntries(
        clients.map((c) => [
          c,
          ratio(
            runs.find((t) => t.via === 'graphql' && t.connections === c),
            runs.find((t) => t.via === 'driver' && t.connections === c),
          ),
        ]),
      ),
      loader: loader ?? null,
    });
    const failedCases = results.filter((r) => r.errors > 0);
    for (const r of failedCases) console.log(`FAILED: ${r.name.trim()} had ${r.errors} failed requests`);
    return runs.some((t) => t.failed) || failedCases.length > 0 ? 1 : 0;
  } finally {
    if (child) await stopChild(child);
    await closeServer(server);
    await db.close();
  }
}

runCli(main);
