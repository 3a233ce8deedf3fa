import { describe, expect, it } from 'vitest';
import {
  compare,
  emptyTally,
  errorCodes,
  rateText,
  ratio,
  summarizeRun,
  tallyResponse,
  verdict,
  type Slice,
  type ThroughputResult,
  withCpu,
} from './throughput.ts';

const slice = (over: Partial<Slice>): Slice => ({
  seconds: 5,
  requests: 500,
  times: Array.from({ length: 500 }, (_, i) => i / 5),
  transportErrors: 0,
  timeouts: 0,
  non2xx: 0,
  graphqlErrors: 0,
  statuses: { '200': 500 },
  failures: {},
  ...over,
});

const OK = '{"data":{"neighborhood":{"nodes":[{"id":"actor:syn-1","label":"errors"}],"edges":[]}}}';
const NOT_FOUND =
  '{"errors":[{"message":"No node has the id \\"actor:syn-9\\".","path":["neighborhood"],"extensions":{"code":"NOT_FOUND"}}],"data":{"neighborhood":null}}';
const RATE_LIMITED = '{"errors":[{"message":"Too many requests.","extensions":{"code":"RATE_LIMITED"}}]}';

function run(over: Partial<ThroughputResult>): ThroughputResult {
  return {
    via: 'graphql',
    connections: 32,
    seconds: 10,
    requests: 1500,
    requestsPerSecond: 150,
    latency: { p50: 190, p90: 280, p99: 500, mean: 200, max: 1000 },
    errors: 0,
    transportErrors: 0,
    timeouts: 0,
    non2xx: 0,
    graphqlErrors: 0,
    statuses: { '200': 1500 },
    failures: {},
    failed: null,
    ...over,
  };
}

describe('throughput error accounting', () => {
  it('reads the codes of GraphQL errors, and nothing from a clean answer', () => {
    expect(errorCodes(OK)).toEqual([]);
    expect(errorCodes(NOT_FOUND)).toEqual(['NOT_FOUND']);
    expect(errorCodes('{"errors":[{"message":"boom"}]}')).toEqual(['(no code)']);
    expect(errorCodes('{"errors":[]}')).toEqual([]);
    expect(errorCodes('<html>"errors"</html>')).toEqual([]);
  });

  it('counts non-2xx answers and 2xx answers with errors as failures, by kind', () => {
    const t = emptyTally();
    tallyResponse(t, 200, OK);
    tallyResponse(t, 200, NOT_FOUND);
    tallyResponse(t, 200, NOT_FOUND);
    tallyResponse(t, 429, RATE_LIMITED);
    tallyResponse(t, 502, 'Bad Gateway');
    expect(t.responses).toBe(5);
    expect(t.statuses).toEqual({ '200': 3, '429': 1, '502': 1 });
    expect(t.graphqlErrors).toBe(2);
    expect(t.non2xx).toBe(2);
    expect(Object.keys(t.failures)).toEqual(['200 NOT_FOUND', 'HTTP 429 RATE_LIMITED', 'HTTP 502']);
    expect(t.failures['200 NOT_FOUND']!.count).toBe(2);
    expect(t.failures['200 NOT_FOUND']!.sample).toContain('No node has the id');
  });

  it('leaves a clean run a measurement', () => {
    expect(verdict(run({}))).toBeNull();
    expect(rateText(run({}))).toBe('150 req/s');
  });

  it('fails a run with any error, with the counts instead of a rate', () => {
    const failures = {
      'HTTP 429 RATE_LIMITED': { count: 1200, sample: RATE_LIMITED },
      '200 NOT_FOUND': { count: 300, sample: NOT_FOUND },
    };
    const reason = verdict(run({ errors: 1500, failures }));
    expect(reason).toBe('1500 of 1500 requests failed: 1200 × HTTP 429 RATE_LIMITED, 300 × 200 NOT_FOUND');
    expect(rateText(run({ errors: 1500, failures, failed: reason }))).toBe(`FAILED (${reason})`);
    expect(verdict(run({ errors: 1, failures: { 'transport error': { count: 1, sample: '' } } }))).toMatch(
      /^1 of 1500 requests failed/,
    );
  });

  it('fails a run that answered nothing', () => {
    expect(verdict(run({ requests: 0 }))).toBe('no request was answered');
  });

  it('compares the API with the driver only when both are measurements', () => {
    const driver = run({ via: 'driver', requestsPerSecond: 200 });
    expect(ratio(run({}), driver)).toBe(0.75);
    expect(ratio(run({ failed: '3 of 1500 requests failed' }), driver)).toBeNull();
    expect(ratio(run({}), { ...driver, failed: 'no request was answered' })).toBeNull();
    expect(ratio(run({}), undefined)).toBeNull();
  });
});

describe('a run from alternating slices', () => {
  it('adds up requests and time, and takes percentiles over every latency', () => {
    const r = summarizeRun('graphql', 32, [
      slice({ requests: 400, seconds: 4, times: [10, 20], statuses: { '200': 400 } }),
      slice({ requests: 600, seconds: 6, times: [30, 40, 1000], statuses: { '200': 600 } }),
    ]);
    expect(r.requests).toBe(1000);
    expect(r.seconds).toBe(10);
    expect(r.requestsPerSecond).toBe(100);
    expect(r.latency).toEqual({ p50: 30, p90: 1000, p99: 1000, mean: 220, max: 1000 });
    expect(r.statuses).toEqual({ '200': 1000 });
    expect(r.failed).toBeNull();
  });

  it('fails the run when any slice failed, with the failures of all slices', () => {
    const nf = { '200 NOT_FOUND': { count: 7, sample: NOT_FOUND } };
    const r = summarizeRun('graphql', 32, [
      slice({}),
      slice({ graphqlErrors: 7, failures: nf }),
      slice({ graphqlErrors: 3, failures: { '200 NOT_FOUND': { count: 3, sample: 'later' } } }),
    ]);
    expect(r.errors).toBe(10);
    expect(r.failures['200 NOT_FOUND']).toEqual({ count: 10, sample: NOT_FOUND });
    expect(r.failed).toBe('10 of 1500 requests failed: 10 × 200 NOT_FOUND');
  });

  it('alternates API and driver slices, API first in even rounds', async () => {
    const order: string[] = [];
    const { api, driver } = await compare(
      async (s) => (order.push(`api ${s}`), slice({ seconds: s })),
      async (s) => (order.push(`driver ${s}`), slice({ seconds: s })),
      32,
      15,
      3,
    );
    expect(order).toEqual(['api 5', 'driver 5', 'driver 5', 'api 5', 'api 5', 'driver 5']);
    expect(api.via).toBe('graphql');
    expect(driver.via).toBe('driver');
    expect(api.seconds).toBe(15);
  });

  it('stops at the first failed API slice: its counts are the answer', async () => {
    let calls = 0;
    const { api } = await compare(
      async (s) => (
        calls++,
        slice({
          seconds: s,
          non2xx: 500,
          failures: { 'HTTP 429 RATE_LIMITED': { count: 500, sample: RATE_LIMITED } },
        })
      ),
      async (s) => slice({ seconds: s }),
      32,
      15,
      3,
    );
    expect(calls).toBe(1);
    expect(api.failed).toBe('500 of 500 requests failed: 500 × HTTP 429 RATE_LIMITED');
  });
});

describe('CPU per request', () => {
  it('records what each watched process used during a slice, and divides by the requests of the run', async () => {
    const clock = { explorer: 1000, neo4j: 5000, bench: 200 };
    const measured = withCpu(
      async (s) => {
        clock.explorer += 600;
        clock.neo4j += 300;
        clock.bench += 50;
        return slice({ seconds: s, requests: 100 });
      },
      () => ({ ...clock }),
    );
    const a = await measured(5);
    const b = await measured(5);
    expect(a.cpuMs).toEqual({ explorer: 600, neo4j: 300, bench: 50 });
    expect(summarizeRun('graphql', 32, [a, b]).cpuMsPerRequest).toEqual({
      explorer: 6,
      neo4j: 3,
      bench: 0.5,
    });
    expect(summarizeRun('graphql', 32, [slice({})]).cpuMsPerRequest).toBeUndefined();
  });
});
