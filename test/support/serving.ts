// What a running explorer answers when it is up: readiness 200, and GraphQL over HTTP.
import { expect } from 'vitest';

/** Asserts that the explorer at `url` is ready and answers a GraphQL POST. */
export async function expectServing(url: string): Promise<void> {
  expect((await fetch(`${url}/readyz`)).status).toBe(200);
  const r = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  expect(await r.json()).toEqual({ data: { __typename: 'Query' } });
}
