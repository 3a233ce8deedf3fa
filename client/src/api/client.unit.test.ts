import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, describeError, request } from './client.ts';

const respond = (status: number, body: unknown) =>
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () =>
        new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
    ),
  );

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the GraphQL client', () => {
  it('returns the data', async () => {
    respond(200, { data: { stats: { nodeCount: 3 } } });
    await expect(request('{ stats { nodeCount } }')).resolves.toEqual({ stats: { nodeCount: 3 } });
  });

  it('throws the first error with its extensions.code', async () => {
    respond(200, { data: null, errors: [{ message: 'version moved on', extensions: { code: 'CONFLICT' } }] });
    const e = await request('mutation { x }').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).code).toBe('CONFLICT');
    expect(describeError(e)).toMatch(/Someone else changed this first/);
  });

  it('reads a 503 as the database being down', async () => {
    respond(503, {
      errors: [{ message: 'Neo4j is unavailable', extensions: { code: 'DATABASE_UNAVAILABLE' } }],
    });
    const e = (await request('{ stats { nodeCount } }').catch((x: unknown) => x)) as ApiError;
    expect(e.code).toBe('DATABASE_UNAVAILABLE');
    expect(e.status).toBe(503);
    expect(describeError(e)).toMatch(/database is not answering/);
  });

  it('reads a failed fetch or a non-JSON 5xx as the server being unreachable', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    expect(((await request('{ a }').catch((x: unknown) => x)) as ApiError).code).toBe('NETWORK');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('Bad gateway', { status: 502 })),
    );
    const e = (await request('{ a }').catch((x: unknown) => x)) as ApiError;
    expect(e.code).toBe('NETWORK');
    expect(describeError(e)).toMatch(/cannot be reached/);
  });
});
