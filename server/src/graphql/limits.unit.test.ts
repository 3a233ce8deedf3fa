// The cost estimate counts list sizes: what a list may return multiplies what is asked of each item.
import { describe, expect, it } from 'vitest';
import { graphql } from './graphql-runtime.ts';
import { DEFAULT_LIMITS, KIND_LIST_DEFAULT, NESTED_LIST_ASSUMED, listSizeEstimator } from './limits.ts';
import { buildSchema } from '../app/schema.ts';
import { createRequire } from 'node:module';
import * as clientOperations from '../../../client/src/api/operations.ts';

const require = createRequire(import.meta.url);
const { getComplexity } = require('graphql-query-complexity') as typeof import('graphql-query-complexity');

const schema = await buildSchema();
const cost = (query: string, variables: Record<string, unknown> = {}) =>
  getComplexity({ schema, query: graphql.parse(query), variables, estimators: [listSizeEstimator] });

describe('query cost', () => {
  it('multiplies by limit, at every level', () => {
    expect(cost('{ actors(limit: 10) { name } }')).toBe(1 + 10 * 1);
    expect(cost('{ actors(limit: 10) { name statements(limit: 5) { text } } }')).toBe(
      1 + 10 * (1 + (1 + 5 * 1)),
    );
  });

  it('takes limits from variables', () => {
    expect(cost('query($n: Int) { actors(limit: $n) { name } }', { n: 7 })).toBe(1 + 7);
  });

  it('counts a list without limit as the default at the top and as a few below it', () => {
    expect(cost('{ actors { name } }')).toBe(1 + KIND_LIST_DEFAULT);
    expect(cost('{ actors(limit: 1) { statements { text } } }')).toBe(1 + (1 + NESTED_LIST_ASSUMED));
    expect(cost('{ actorsConnection(first: 4) { edges { node { name } } } }')).toBe(1 + 4 * (1 + (1 + 1)));
  });

  it('counts the explorer operations by their limit argument, including its default', () => {
    expect(cost('{ search(text: "x", limit: 30) { id } }')).toBe(1 + 30);
    expect(cost('{ search(text: "x") { id } }')).toBe(1 + 20);
  });

  it("lets every one of the explorer client's operations run at the largest limit", () => {
    const variables = {
      limit: 2000,
      depth: 3,
      id: 'actor:x',
      sourceId: 'actor:a',
      targetId: 'actor:b',
      text: 'x',
    };
    const operations = Object.entries(clientOperations as Record<string, unknown>).filter(
      (e): e is [string, string] => typeof e[1] === 'string' && /^\s*query/.test(e[1]),
    );
    expect(operations.length).toBeGreaterThan(3);
    for (const [name, query] of operations) {
      expect(cost(query, variables), name).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost);
    }
  });

  it('lets the examples people write run, and refuses the multiplications that would not', () => {
    const september = `{ statements(where: { saidAt: { some: { date: { gte: "2022-09-01" } } } }) {
      text date speakers { name } saidAt { name date } sources { title url footnote } } }`;
    expect(cost(september)).toBeLessThan(DEFAULT_LIMITS.maxCost);
    expect(cost('{ actors(limit: 1000) { statements(limit: 1000) { id } } }')).toBeGreaterThan(
      DEFAULT_LIMITS.maxCost,
    );
  });
});
