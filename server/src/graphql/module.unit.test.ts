import { describe, expect, it } from 'vitest';
import { graphql } from './graphql-runtime.ts';
import { graphQLModule } from './module.ts';

describe('graphQLModule', () => {
  it('gives a defaulted argument its SDL default when the query sends null, and leaves other values alone', async () => {
    const seen: unknown[] = [];
    const m = graphQLModule('type Query { search(text: String!, limit: Int = 20): [GraphNode!]! }', {
      Query: {
        search: (_, args) => {
          seen.push({ ...args });
          return [];
        },
      },
    });
    const schema = graphql.buildSchema(
      'type GraphNode { id: ID! } type Query { search(text: String!, limit: Int = 20): [GraphNode!]! }',
    );
    const field = schema.getQueryType()!.getFields().search!;
    field.resolve = (m.resolvers as { Query: { search: typeof field.resolve } }).Query.search;
    const result = await graphql.graphql({
      schema,
      source:
        '{ a: search(text: "x", limit: null) { id } b: search(text: "x") { id } c: search(text: "x", limit: 3) { id } }',
    });
    expect(result.errors).toBeUndefined();
    expect(seen).toEqual([
      { text: 'x', limit: 20 },
      { text: 'x', limit: 20 },
      { text: 'x', limit: 3 },
    ]);
  });
});
