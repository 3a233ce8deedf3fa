// Throughput, two ways at the same concurrency: autocannon against /graphql of a running explorer, and the same
// Cypher (recorded from the API's own requests) through neo4j-driver alone, which is the limit the API is judged
// against; the two alternate in slices so that a changing load weighs on both alike. Every answer is accounted for: a run with any failure (transport error, timeout, non-2xx, GraphQL
// errors such as NOT_FOUND or RATE_LIMITED, a driver exception) is FAILED with its counts, never reported as a
// rate. The accounting and the verdict are pure and unit-tested.
import autocannon from 'autocannon';
import type { Driver } from 'neo4j-driver';
import { percentile } from '../stats.ts';
import type { Request } from './cases.ts';
import { replay, type Recording } from './record.ts';

/** Failures by kind ("HTTP 429 RATE_LIMITED", "200 NOT_FOUND", "driver Neo.TransientError…"), each with a sample. */
export type Failures = Record<string, { count: number; sample: string }>;

/** What a run's answers were: how many, how many of each HTTP status, and the failures among them. */
export interface Tally {
  responses: number;
  statuses: Record<string, number>;
  non2xx: number;
  /** 2xx answers that carry GraphQL errors. */
  graphqlErrors: number;
  failures: Failures;
}

export const emptyTally = (): Tally => ({
  responses: 0,
  statuses: {},
  non2xx: 0,
  graphqlErrors: 0,
  failures: {},
});

function addFailure(failures: Failures, kind: string, sample: string): void {
  const f = (failures[kind] ??= { count: 0, sample: sample.slice(0, 300) });
  f.count++;
}

/** The `extensions.code`s of a GraphQL answer's errors ("(no code)" for one without), or [] when it has none. */
export function errorCodes(body: string): string[] {
  // Parse only what may carry errors: the answers of a healthy run are never parsed.
  if (!body.includes('"errors"')) return [];
  try {
    const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: unknown } }[] };
    if (!Array.isArray(parsed.errors) || parsed.errors.length === 0) return [];
    return parsed.errors.map((e) =>
      typeof e?.extensions?.code === 'string' ? e.extensions.code : '(no code)',
    );
  } catch {
    return [];
  }
}

/** Counts one HTTP answer into `tally`: a non-2xx status or a 2xx with GraphQL errors is a failure. */
export function tallyResponse(tally: Tally, status: number, body: string): void {
  tally.responses++;
  tally.statuses[String(status)] = (tally.statuses[String(status)] ?? 0) + 1;
  const codes = errorCodes(body);
  const ok = status >= 200 && status < 300;
  if (!ok) {
    tally.non2xx++;
    addFailure(tally.failures, `HTTP ${status}${codes.length ? ` ${codes[0]}` : ''}`, body);
  } else if (codes.length > 0) {
    tally.graphqlErrors++;
    addFailure(tally.failures, `${status} ${[...new Set(codes)].join('+')}`, body);
  }
}

/** What went wrong in a run or a slice of one, by kind. */
export interface Counts {
  /** Transport errors (timeouts included) or, through the driver, exceptions. */
  transportErrors: number;
  timeouts: number;
  non2xx: number;
  graphqlErrors: number;
  statuses: Record<string, number>;
  failures: Failures;
}

export interface ThroughputResult extends Counts {
  /** Through /graphql (autocannon), or the same Cypher through neo4j-driver alone. */
  via: 'graphql' | 'driver';
  connections: number;
  seconds: number;
  /** Requests answered (any answer), and per second over the run. */
  requests: number;
  requestsPerSecond: number;
  /** Latency of the successful requests, ms. */
  latency: { p50: number; p90: number; p99: number; mean: number; max: number };
  /** Every failed request: transport errors (timeouts included), non-2xx, GraphQL errors, driver exceptions. */
  errors: number;
  /** Null when the run is a measurement; else why it FAILED (then requestsPerSecond is not a rate to quote). */
  failed: string | null;
  /** CPU time per request of each process watched (the API's, Neo4j, the benchmark's own), ms. */
  cpuMsPerRequest?: Record<string, number>;
}

/** Why a run is not a measurement, or null when it is: it failed nothing and answered at least one request. */
export function verdict(
  run: Pick<ThroughputResult, 'requests' | 'errors' | 'failures' | 'timeouts'>,
): string | null {
  if (run.errors === 0 && run.requests > 0) return null;
  if (run.errors === 0) return 'no request was answered';
  const kinds = Object.entries(run.failures)
    .sort((a, b) => b[1].count - a[1].count)
    .map(([kind, f]) => `${f.count} × ${kind}`);
  return `${run.errors} of ${run.requests} requests failed${kinds.length ? `: ${kinds.join(', ')}` : ''}`;
}

/** The figure to print for a run: its rate, or FAILED with its error counts. */
export function rateText(run: ThroughputResult): string {
  return run.failed ? `FAILED (${run.failed})` : `${Math.round(run.requestsPerSecond)} req/s`;
}

/** The API's share of the driver's rate at the same concurrency, or null when either run failed. */
export function ratio(
  api: ThroughputResult | undefined,
  driver: ThroughputResult | undefined,
): number | null {
  if (!api || !driver || api.failed || driver.failed || driver.requestsPerSecond <= 0) return null;
  return api.requestsPerSecond / driver.requestsPerSecond;
}

/** What one slice of a run gathered: how long, how many answers, the successful ones' latencies, the failures. */
export interface Slice extends Counts {
  seconds: number;
  requests: number;
  /** Latency in ms of each successful request. */
  times: number[];
  /** CPU time each process watched used during the slice, ms. */
  cpuMs?: Record<string, number>;
}

/** One run from its slices (run alternately with the other path's): counts and time add up, latency from all. */
export function summarizeRun(
  via: ThroughputResult['via'],
  connections: number,
  slices: readonly Slice[],
): ThroughputResult {
  const sum = (f: (s: Slice) => number) => slices.reduce((a, s) => a + f(s), 0);
  const statuses: Record<string, number> = {};
  const failures: Failures = {};
  for (const s of slices) {
    for (const [k, n] of Object.entries(s.statuses)) statuses[k] = (statuses[k] ?? 0) + n;
    for (const [k, f] of Object.entries(s.failures))
      failures[k] = { count: (failures[k]?.count ?? 0) + f.count, sample: failures[k]?.sample ?? f.sample };
  }
  const cpu: Record<string, number> = {};
  for (const s of slices) for (const [k, ms] of Object.entries(s.cpuMs ?? {})) cpu[k] = (cpu[k] ?? 0) + ms;
  const sorted = slices.flatMap((s) => s.times).sort((a, b) => a - b);
  const round = (x: number) => +x.toFixed(1);
  const seconds = sum((s) => s.seconds);
  const run = {
    via,
    connections,
    seconds: round(seconds),
    requests: sum((s) => s.requests),
    requestsPerSecond: seconds > 0 ? sum((s) => s.requests) / seconds : 0,
    latency: {
      p50: round(percentile(sorted, 50)),
      p90: round(percentile(sorted, 90)),
      p99: round(percentile(sorted, 99)),
      mean: round(sorted.reduce((a, x) => a + x, 0) / Math.max(sorted.length, 1)),
      max: round(sorted.at(-1) ?? Number.NaN),
    },
    errors: sum((s) => s.transportErrors + s.non2xx + s.graphqlErrors),
    transportErrors: sum((s) => s.transportErrors),
    timeouts: sum((s) => s.timeouts),
    non2xx: sum((s) => s.non2xx),
    graphqlErrors: sum((s) => s.graphqlErrors),
    statuses,
    failures,
    ...(Object.keys(cpu).length
      ? {
          cpuMsPerRequest: Object.fromEntries(
            Object.entries(cpu).map(([k, ms]) => [
              k,
              round(
                ms /
                  Math.max(
                    sum((s) => s.requests),
                    1,
                  ),
              ),
            ]),
          ),
        }
      : {}),
  };
  return { ...run, failed: verdict(run) };
}

/** Autocannon for `seconds` with `connections` clients against `url`/graphql, cycling through `requests`. */
export function apiSlice(
  url: string,
  requests: Request[],
  connections: number,
  seconds: number,
): Promise<Slice> {
  const bodies = requests.map((r) => JSON.stringify({ query: r.query, variables: r.variables }));
  let next = 0;
  const tally = emptyTally();
  const times: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        connections,
        duration: seconds,
        timeout: 10,
        requests: [
          {
            setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }),
            onResponse: (status: number, body: string) => tallyResponse(tally, status, body),
          },
        ],
      },
      (error, result) => {
        if (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        const failures = { ...tally.failures };
        // autocannon's `errors` counts timeouts too.
        if (result.errors > 0)
          failures['transport error'] = {
            count: result.errors,
            sample: `${result.errors} connection errors, ${result.timeouts} of them timeouts (10 s)`,
          };
        resolve({
          seconds: result.duration,
          requests: result.requests.total,
          times,
          transportErrors: result.errors,
          timeouts: result.timeouts,
          non2xx: tally.non2xx,
          graphqlErrors: tally.graphqlErrors,
          statuses: tally.statuses,
          failures,
        });
      },
    );
    instance.on('response', (_client, status: number, _bytes, responseTime: number) => {
      if (status >= 200 && status < 300) times.push(responseTime);
    });
  });
}

/** One run through /graphql (e.g. a warm-up). */
export async function throughput(
  url: string,
  requests: Request[],
  connections: number,
  seconds: number,
): Promise<ThroughputResult> {
  return summarizeRun('graphql', connections, [await apiSlice(url, requests, connections, seconds)]);
}

/**
 * The same Cypher through neo4j-driver alone: `connections` clients in a closed loop for `seconds`, each
 * replaying the next recording (a request's transactions, as the API ran them) and waiting for it to finish.
 */
export async function driverSlice(
  driver: Driver,
  database: string | undefined,
  recordings: Recording[],
  connections: number,
  seconds: number,
): Promise<Slice> {
  if (recordings.length === 0) throw new Error('driverSlice needs at least one recording');
  const times: number[] = [];
  const failures: Failures = {};
  let failed = 0;
  let next = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const recording = recordings[next++ % recordings.length]!;
        try {
          times.push(await replay(driver, recording, database));
        } catch (e) {
          failed++;
          addFailure(
            failures,
            `driver ${(e as { code?: string }).code ?? (e as Error).name}`,
            (e as Error).message,
          );
        }
      }
    }),
  );
  return {
    seconds: (performance.now() - started) / 1000,
    requests: times.length + failed,
    times,
    // A driver exception is this path's only failure; counted with the transport errors.
    transportErrors: failed,
    timeouts: 0,
    non2xx: 0,
    graphqlErrors: 0,
    statuses: {},
    failures,
  };
}

/**
 * The API and the driver alone at the same concurrency, in `rounds` alternating slices of `seconds / rounds` each
 * (API first in even rounds, driver first in odd ones), so that a load that changes during the run (a shared
 * machine) weighs on both alike. A failed API slice ends the comparison early: its counts are the answer.
 */
export async function compare(
  api: (seconds: number) => Promise<Slice>,
  driver: (seconds: number) => Promise<Slice>,
  connections: number,
  seconds: number,
  rounds = 3,
): Promise<{ api: ThroughputResult; driver: ThroughputResult }> {
  const apiSlices: Slice[] = [];
  const driverSlices: Slice[] = [];
  const each = seconds / rounds;
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? (['api', 'driver'] as const) : (['driver', 'api'] as const);
    for (const which of order) {
      if (which === 'api') apiSlices.push(await api(each));
      else driverSlices.push(await driver(each));
    }
    if (apiSlices.some((s) => s.transportErrors + s.non2xx + s.graphqlErrors > 0)) break;
  }
  return {
    api: summarizeRun('graphql', connections, apiSlices),
    driver: summarizeRun('driver', connections, driverSlices),
  };
}

/** Wraps a slice so that it also records the CPU time each watched process used meanwhile (`cpuOf` reads it). */
export function withCpu(
  slice: (seconds: number) => Promise<Slice>,
  cpuOf: () => Record<string, number>,
): (seconds: number) => Promise<Slice> {
  return async (seconds) => {
    const before = cpuOf();
    const s = await slice(seconds);
    const after = cpuOf();
    const cpuMs = Object.fromEntries(
      Object.keys(after)
        .filter((k) => before[k] !== undefined)
        .map((k) => [k, after[k]! - before[k]!]),
    );
    return { ...s, cpuMs };
  };
}
