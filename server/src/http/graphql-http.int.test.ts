// /graphql as a client sees it over HTTP: the GraphQL-over-HTTP specification's audit, the console on a
// browser's GET, and request bodies Express cannot take answered as GraphQL errors.
import { auditServer } from 'graphql-http';
import { describe, expect, it } from 'vitest';
import { sharedTestServer } from '../../../test/support/test-server.ts';

const server = sharedTestServer();

describe('/graphql over HTTP', () => {
  it('passes the GraphQL-over-HTTP audit with no error result', async () => {
    const results = await auditServer({ url: `${server().url}/graphql` });
    const failed = results
      .filter((r) => r.status === 'error')
      .map((r) => `${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`);
    expect(failed).toEqual([]);
    expect(results.filter((r) => r.status === 'ok').length).toBeGreaterThan(20);
  });

  it('answers a query by GET', async () => {
    const ok = await fetch(`${server().url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json' },
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('runs no mutation from a GET or from a POST a cross-site form could send', async () => {
    const mutation = 'mutation { deleteView(id: "view:none") }';
    const get = await fetch(`${server().url}/graphql?query=${encodeURIComponent(mutation)}`, {
      headers: { accept: 'application/json' },
    });
    expect(get.status).toBe(405);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const post = await fetch(`${server().url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': type },
        body: JSON.stringify({ query: mutation }),
      });
      expect(post.status, type).toBe(400);
      const body = (await post.json()) as { errors: Array<{ extensions: { code: string } }> };
      expect(body.errors[0]!.extensions.code, type).toBe('BAD_USER_INPUT');
    }
  });

  it('serves the GraphQL console to a browser at /graphql and /graphiql', async () => {
    const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    for (const path of ['/graphql', '/graphiql']) {
      const r = await fetch(`${server().url}${path}`, { headers: { accept: browserAccept } });
      expect(r.status, path).toBe(200);
      expect(r.headers.get('content-type')).toMatch(/text\/html/);
      expect(await r.text()).toContain('GraphQL console');
    }
  });

  it('refuses batched requests', async () => {
    const r = await fetch(`${server().url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(r.status).toBe(400);
    const body = (await r.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('answers an oversized body with 413 and QUERY_TOO_COMPLEX, as JSON', async () => {
    const r = await fetch(`${server().url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(3_000_000) } }),
    });
    expect(r.status).toBe(413);
    expect(r.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await r.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(body.errors[0]!.message).toMatch(/too large/);
  });

  it('answers a body that is not JSON with 400 and BAD_USER_INPUT, as JSON', async () => {
    const r = await fetch(`${server().url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(r.status).toBe(400);
    const body = (await r.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
  });
});
