// Throughput: autocannon against /graphql of a separately running explorer, N concurrent clients cycling
// through the given requests; a response counts as an error if it is not HTTP 200 or carries GraphQL errors.
import autocannon from 'autocannon';
import type { Request } from './cases.ts';

export interface ThroughputResult {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  latency: { p50: number; p90: number; p99: number; mean: number; max: number };
  /** Transport errors, timeouts, non-200 responses and responses with GraphQL errors. */
  errors: number;
  timeouts: number;
  non200: number;
  graphqlErrors: number;
  /** Responses per HTTP status, with the first body of each status other than 200 (what the errors were). */
  statuses: Record<string, { count: number; sample?: string }>;
}

/** Runs autocannon for `seconds` with `connections` clients. */
export async function throughput(
  url: string,
  requests: Request[],
  connections: number,
  seconds: number,
): Promise<ThroughputResult> {
  const bodies = requests.map((r) => JSON.stringify({ query: r.query, variables: r.variables }));
  let next = 0;
  let graphqlErrors = 0;
  const statuses: ThroughputResult['statuses'] = {};
  const result = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    connections,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }),
        onResponse: (status: number, body: string) => {
          if (status === 200 && body.includes('"errors"')) {
            graphqlErrors++;
            statuses['200 with errors'] ??= { count: 0, sample: body.slice(0, 500) };
            statuses['200 with errors'].count++;
          }
          const s = (statuses[String(status)] ??= {
            count: 0,
            ...(status === 200 ? {} : { sample: body.slice(0, 500) }),
          });
          s.count++;
        },
      },
    ],
  });
  const non200 = result.non2xx;
  return {
    connections,
    seconds,
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    latency: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      mean: result.latency.average,
      max: result.latency.max,
    },
    errors: result.errors + result.timeouts + non200 + graphqlErrors,
    timeouts: result.timeouts,
    non200,
    graphqlErrors,
    statuses,
  };
}
