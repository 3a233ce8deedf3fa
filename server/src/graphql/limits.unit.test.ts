// The cost estimate counts list sizes: what a list may return multiplies what is asked of each item.
import { describe, expect, it } from 'vitest';
import { graphql } from './graphql-runtime.ts';
import {
  DEFAULT_LIMITS,
  KIND_LIST_DEFAULT,
  NESTED_LIST_ASSUMED,
  checkOperation,
  countFilter,
  emptyFilterCount,
  filterTooBig,
  listSizeEstimator,
} from './limits.ts';
import { buildSchema } from '../app/schema.ts';
import { createRequire } from 'node:module';
import * as clientOperations from '../../../client/src/api/operations.ts';
import { CONTESTED_LIMIT_MAX } from '../contested/index.ts';

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
      document: { title: 'x' },
      quotes: [],
      version: 1,
    };
    const operations = Object.entries(clientOperations as Record<string, unknown>).filter(
      (e): e is [string, string] => typeof e[1] === 'string' && /^\s*query/.test(e[1]),
    );
    expect(operations.length).toBeGreaterThan(3);
    // Each at the largest limit it takes: the contested pairs stop at CONTESTED_LIMIT_MAX.
    const largest: Record<string, number> = { CONTESTED: CONTESTED_LIMIT_MAX };
    for (const [name, query] of operations) {
      const vars = { ...variables, limit: largest[name] ?? variables.limit };
      expect(cost(query, vars), name).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost);
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

describe('filter limits', () => {
  const limits = DEFAULT_LIMITS.filters;
  const count = (where: unknown) => {
    const c = emptyFilterCount();
    countFilter(where, c);
    return c;
  };
  /** `levels` relationship filters, each inside the one before. */
  const nested = (levels: number, quantifier = 'none', leaf: unknown = { name: { contains: 'zzz' } }) => {
    let where: unknown = leaf;
    for (let i = 0; i < levels; i++) where = { metWith: { [quantifier]: where } };
    return where as Record<string, unknown>;
  };

  it('counts relationship filters, how deep they nest, conditions and list items', () => {
    expect(count(nested(3))).toEqual({ nesting: 3, relationships: 3, conditions: 1, listItems: 0 });
    expect(
      count({
        OR: [{ name: { eq: 'a' } }, { metWithConnection: { some: { node: { id: { in: ['x', 'y'] } } } } }],
        NOT: { role: { contains: 'b' }, country: { eq: 'c' } },
      }),
    ).toEqual({ nesting: 1, relationships: 1, conditions: 2 + 2 + 1 + 2, listItems: 2 });
  });

  it('refuses the reproductions of issue 12 with the limit in the message', () => {
    expect(filterTooBig(count(nested(30)), limits)).toMatch(
      new RegExp(`nested 30 deep, at most ${limits.maxNesting}`),
    );
    const ors = { OR: Array.from({ length: 2000 }, (_, i) => ({ name: { contains: `z${i}` } })) };
    expect(filterTooBig(count(ors), limits)).toMatch(`at most ${limits.maxConditions}`);
    const anyOf = { OR: Array.from({ length: 4 }, () => nested(2, 'all')) };
    expect(filterTooBig(count(anyOf), limits)).toMatch(`8 relationship filters`);
    expect(filterTooBig(count({ id: { in: Array.from({ length: 5000 }, String) } }), limits)).toMatch(
      `a list of 5000 items, at most ${limits.maxListItems}`,
    );
  });

  it('lets the questions analysts ask through', () => {
    // Statements said at a meeting that Putin attended, in September 2022, by Xi or Putin.
    const question = {
      saidAt: {
        some: { attendees: { some: { name: { eq: 'Vladimir Putin' } } }, date: { gte: '2022-09-01' } },
      },
      speakers: { some: { OR: [{ name: { eq: 'Xi Jinping' } }, { name: { eq: 'Vladimir Putin' } }] } },
    };
    expect(filterTooBig(count(question), limits)).toBeUndefined();
    expect(filterTooBig(count(nested(limits.maxNesting)), limits)).toBeUndefined();
  });

  it('adds up every where of the operation, aliases, fragments and variables included', () => {
    const check = (query: string, variables: Record<string, unknown> = {}) =>
      checkOperation(schema, graphql.parse(query), variables, undefined, DEFAULT_LIMITS);
    const where = JSON.stringify(nested(2)).replace(/"(\w+)":/g, '$1:');
    const aliases = (n: number) =>
      Array.from({ length: n }, (_, i) => `a${i}: actors(where: ${where}) { id }`).join(' ');
    expect(check(`{ ${aliases(3)} }`)).toBeGreaterThan(0);
    expect(() => check(`{ ${aliases(4)} }`)).toThrow(/8 relationship filters/);
    const fragment = `fragment F on Actor { metWith(where: ${where}) { id } }`;
    expect(() =>
      check(`{ a: actors { ...F } b: actors { ...F } c: actors { ...F } d: actors { ...F } } ${fragment}`),
    ).toThrow(/8 relationship filters/);
    expect(() => check('query ($w: ActorWhere) { actors(where: $w) { id } }', { w: nested(3) })).toThrow(
      /nested 3 deep/,
    );
  });
});
