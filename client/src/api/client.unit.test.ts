import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  AUTO_RETRY_MAX_SECONDS,
  describeError,
  isMutation,
  onClientEvent,
  parseRetryAfter,
  request,
  type ClientEvent,
} from './client.ts';
import { tokens } from './token.ts';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const respond = (status: number, body: unknown, headers: Record<string, string> = {}) => {
  const fetch = vi.fn(async (_url: string, _init: RequestInit) => json(status, body, headers));
  vi.stubGlobal('fetch', fetch);
  return fetch;
};

const sentHeaders = (fetch: ReturnType<typeof respond>, call = 0) =>
  new Headers(fetch.mock.calls[call]![1].headers as Record<string, string>);

const failure = async (p: Promise<unknown>) => (await p.catch((x: unknown) => x)) as ApiError;

const TOKEN = 'reader-token-0123456789';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  tokens.clear();
});

describe('the GraphQL client', () => {
  it('returns the data', async () => {
    respond(200, { data: { stats: { nodeCount: 3 } } });
    await expect(request('{ stats { nodeCount } }')).resolves.toEqual({ stats: { nodeCount: 3 } });
  });

  it("sends a write's Idempotency-Key as its header, and none without one", async () => {
    const fetch = respond(200, { data: { saveView: { id: 'view:1' } } });
    await request('mutation { saveView }', {}, { idempotencyKey: 'k-1' });
    await request('mutation { saveView }');
    expect(sentHeaders(fetch, 0).get('idempotency-key')).toBe('k-1');
    expect(sentHeaders(fetch, 1).has('idempotency-key')).toBe(false);
  });

  it('throws the first error with its extensions.code', async () => {
    respond(200, { data: null, errors: [{ message: 'version moved on', extensions: { code: 'CONFLICT' } }] });
    const e = await failure(request('mutation { x }'));
    expect(e).toBeInstanceOf(ApiError);
    expect(e.code).toBe('CONFLICT');
    expect(describeError(e)).toMatch(/Someone else changed this first/);
  });

  it('reads a 503 as the database being down', async () => {
    respond(503, {
      errors: [{ message: 'Neo4j is unavailable', extensions: { code: 'DATABASE_UNAVAILABLE' } }],
    });
    const e = await failure(request('{ stats { nodeCount } }'));
    expect(e.code).toBe('DATABASE_UNAVAILABLE');
    expect(e.status).toBe(503);
    expect(describeError(e)).toMatch(/database is not answering/);
  });

  it('reads a failed fetch or a non-JSON 5xx as the server being unreachable', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    expect((await failure(request('{ a }'))).code).toBe('NETWORK');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('Bad gateway', { status: 502 })),
    );
    const e = await failure(request('{ a }'));
    expect(e.code).toBe('NETWORK');
    expect(describeError(e)).toMatch(/cannot be reached/);
  });
});

describe('the access token', () => {
  it('is sent as a bearer token once signed in, and not before or after', async () => {
    const fetch = respond(200, { data: { a: 1 } });
    await request('{ a }');
    expect(sentHeaders(fetch, 0).has('authorization')).toBe(false);
    tokens.set(TOKEN, false);
    await request('{ a }');
    expect(sentHeaders(fetch, 1).get('authorization')).toBe(`Bearer ${TOKEN}`);
    tokens.clear();
    await request('{ a }');
    expect(sentHeaders(fetch, 2).has('authorization')).toBe(false);
  });

  it('can be checked before it is kept: an explicit token is sent instead of the one in use', async () => {
    tokens.set(TOKEN, false);
    const fetch = respond(200, { data: { a: 1 } });
    await request('{ a }', {}, { token: 'another-token-0123456789' });
    expect(sentHeaders(fetch).get('authorization')).toBe('Bearer another-token-0123456789');
    await request('{ a }', {}, { token: null });
    expect(sentHeaders(fetch, 1).has('authorization')).toBe(false);
  });

  it('maps 401 to UNAUTHENTICATED and tells the page, unless a token was being checked', async () => {
    const events: ClientEvent[] = [];
    const off = onClientEvent((e) => events.push(e));
    respond(
      401,
      { errors: [{ message: 'The token is not valid.', extensions: { code: 'UNAUTHENTICATED' } }] },
      { 'www-authenticate': 'Bearer realm="kg-explorer"' },
    );
    const e = await failure(request('{ a }'));
    expect(e.code).toBe('UNAUTHENTICATED');
    expect(describeError(e)).toMatch(/needs a valid access token: sign in/);
    expect(events.map((x) => x.type)).toEqual(['unauthenticated']);
    await failure(request('{ a }', {}, { token: 'wrong-token-0123456789' }));
    expect(events).toHaveLength(1);
    off();
  });

  it('maps FORBIDDEN, also from a bare 403', async () => {
    respond(200, {
      data: null,
      errors: [
        {
          message: 'Saving a view needs an editor token; the token "bo" is a reader token.',
          extensions: { code: 'FORBIDDEN' },
        },
      ],
    });
    const e = await failure(request('mutation { saveView }'));
    expect(e.code).toBe('FORBIDDEN');
    expect(describeError(e)).toMatch(/does not allow this: Saving a view needs an editor token/);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('Forbidden', { status: 403 })),
    );
    expect((await failure(request('{ a }'))).code).toBe('FORBIDDEN');
  });
});

describe('rate limits and time limits', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  const rateLimited = (seconds: string) =>
    json(
      429,
      {
        errors: [
          { message: `Too many requests: try again in ${seconds} s.`, extensions: { code: 'RATE_LIMITED' } },
        ],
      },
      { 'retry-after': seconds },
    );

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('7')).toBe(7);
    expect(parseRetryAfter(' 0 ')).toBe(0);
    const now = Date.parse('2026-11-30T10:00:00Z');
    expect(parseRetryAfter('Mon, 30 Nov 2026 10:00:12 GMT', now)).toBe(12);
    expect(parseRetryAfter('Mon, 30 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });

  it('retries a rate-limited read once by itself after Retry-After, telling the page it waits', async () => {
    const events: ClientEvent[] = [];
    const off = onClientEvent((e) => events.push(e));
    const fetch = vi
      .fn<(url: string, init: RequestInit) => Promise<Response>>()
      .mockResolvedValueOnce(rateLimited('3'))
      .mockResolvedValueOnce(json(200, { data: { a: 1 } }));
    vi.stubGlobal('fetch', fetch);
    const result = request('{ a }');
    await vi.advanceTimersByTimeAsync(2_900);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(events).toEqual([{ type: 'waiting', seconds: 3 }]);
    await vi.advanceTimersByTimeAsync(200);
    await expect(result).resolves.toEqual({ a: 1 });
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(events.at(-1)).toEqual({ type: 'waited' });
    off();
  });

  it('retries only once, and says how long to wait when it is refused again', async () => {
    const fetch = vi.fn(async () => rateLimited('2'));
    vi.stubGlobal('fetch', fetch);
    const result = failure(request('{ a }'));
    await vi.advanceTimersByTimeAsync(2_000);
    const e = await result;
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(e.code).toBe('RATE_LIMITED');
    expect(e.retryAfterSeconds).toBe(2);
    expect(describeError(e)).toBe(
      'Too many requests to the server just now: wait 2 seconds, then try again.',
    );
  });

  it('does not retry a write, nor wait longer than the bound', async () => {
    const fetch = vi.fn(async () => rateLimited('1'));
    vi.stubGlobal('fetch', fetch);
    expect(isMutation('mutation Save { saveView }')).toBe(true);
    expect(isMutation('  # a comment\n mutation { x }')).toBe(true);
    expect(isMutation('query Q { mutation }')).toBe(false);
    expect((await failure(request('mutation { saveView }'))).retryAfterSeconds).toBe(1);
    expect(fetch).toHaveBeenCalledTimes(1);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => rateLimited(String(AUTO_RETRY_MAX_SECONDS + 1))),
    );
    const e = await failure(request('{ a }'));
    expect(e.code).toBe('RATE_LIMITED');
    expect(describeError(e)).toMatch(/wait 31 seconds/);
  });

  it('stops waiting when the request is aborted', async () => {
    const fetch = vi.fn(async () => rateLimited('5'));
    vi.stubGlobal('fetch', fetch);
    const controller = new AbortController();
    const result = failure(request('{ a }', {}, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(1_000);
    controller.abort();
    expect((await result).name).toBe('AbortError');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('maps REQUEST_TIMEOUT to a suggestion to ask for less', async () => {
    respond(
      503,
      {
        errors: [
          {
            message: 'The request took longer than 30 s and was stopped.',
            extensions: { code: 'REQUEST_TIMEOUT' },
          },
        ],
      },
      { 'retry-after': '5' },
    );
    const e = await failure(request('{ a }'));
    expect(e.code).toBe('REQUEST_TIMEOUT');
    expect(e.retryAfterSeconds).toBe(5);
    expect(describeError(e)).toMatch(/took too long.*smaller depth or limit, then retry/);
  });
});
