// Limits on what one GraphQL request may ask for, checked before anything runs: depth, aliases and directives
// (graphql-armor validation rules), cost (graphql-query-complexity, counting list sizes), the size of filter
// arguments (counted in the same walk), and request size (the body limit in server/src/http/app.ts). Every
// rejection carries QUERY_TOO_COMPLEX.
import { createRequire } from 'node:module';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import type {
  DocumentNode,
  GraphQLError,
  GraphQLField,
  GraphQLSchema,
  ValidationContext,
  ValidationRule,
} from 'graphql';
import { AppError, statusOf } from '../../../core/errors.ts';
import type { Context } from './context.ts';
import { graphql } from './graphql-runtime.ts';

const { getNamedType, getVariableValues, isLeafType } = graphql;

// graphql-query-complexity through require, so that it and @neo4j/graphql (CommonJS) share one `graphql`.
const require = createRequire(import.meta.url);
const { getComplexity } = require('graphql-query-complexity') as typeof import('graphql-query-complexity');
type ComplexityEstimator = import('graphql-query-complexity').ComplexityEstimator;

export interface Limits {
  /** Deepest selection (fragments flattened, introspection's `__schema` not counted). */
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** Largest estimated cost: every field costs 1, a list field's selection counts once per item it may return. */
  maxCost: number;
  /** Largest request body accepted by /graphql (an Express `limit`, e.g. "1mb"). */
  bodyLimit: string;
  /** Filter arguments (`where`), counted over the whole operation: see FilterCount. */
  filters: FilterLimits;
}

/**
 * How big the `where` arguments of one operation may be. Neo4j's planner spends time that grows steeply with
 * relationship filters nested in relationship filters (1.2 s at 12 levels, 28 s at 20, on the memo's graph), with
 * their number (9 s for 500 in one OR; 8.7 s for four OR-ed `all` filters that each nest another) and with boolean
 * clauses, and it does not stop planning at the transaction timeout: these are refused before any Cypher is built.
 */
export interface FilterLimits {
  /** Relationship filters (some, none, all, single) inside one another. */
  maxNesting: number;
  /** Relationship filters in all. */
  maxRelationships: number;
  /** Conditions in all: comparisons (eq, contains, in…) and the entries of AND, OR and NOT. */
  maxConditions: number;
  /** Items in one list of a filter (e.g. `id: { in: [...] }`). */
  maxListItems: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 20,
  // The explorer's largest request (a neighbourhood of 2,000 nodes with their properties, sources and edges)
  // costs about 80,000; fifteen aliased copies of it, or lists nested on lists at full size, do not fit.
  maxCost: 100_000,
  // Room for a saved view's layout (at most 1 MB) with its node ids.
  bodyLimit: '2mb',
  // Measured on the memo's graph: at these limits the slowest filters found take Neo4j about 1.5 s to plan
  // (three OR-ed `all` filters each nesting another); one level or two more filters can take 9 s to minutes.
  filters: { maxNesting: 2, maxRelationships: 6, maxConditions: 50, maxListItems: 1000 },
};

/**
 * How many items a field without a `limit`/`first` argument is assumed to stand for, by "Type.field" (default 1:
 * the parent's limit already counts them, as for Subgraph.nodes under neighborhood's limit). Add an entry for
 * any list that is not bounded by its parent's limit.
 */
export const ASSUMED_SIZES: Record<string, number> = {
  // A neighbourhood has up to 5 edges per node; the memo's graph has about 2.
  'Subgraph.edges': 2,
  // A saved view holds up to 5,000 nodes, usually far fewer.
  'SavedView.subgraph': 200,
  'GraphNode.savedViews': 5,
  // What a node rests on: the typed fields below its sources are read for all of them at once
  // (server/src/kinds/relationship-fields.ts), but every source they return counts.
  'GraphNode.sources': 2,
  // Every encoded span of one document, unbounded by any limit: the memo has about 550; a longer report may
  // have twice as many.
  'Query.documentSpans': 1000,
  // The documents the graph is drawn from: one today; a team's graph may hold some hundreds.
  'Query.documents': 200,
};

/**
 * Fields whose value can be large, by "Type.field", at one unit per 250 bytes of their largest value (every other
 * scalar costs 1, a field the server computes anyway 0): a saved view's content (server/src/views/input.ts). With these, one request reads at most
 * about 25 MB of views' content, however the lists and aliases are arranged.
 */
export const FIELD_COSTS: Record<string, number> = {
  'SavedView.layout': 4000,
  'SavedView.edgeIds': 4000,
  'SavedView.nodeIds': 1000,
  'SavedView.filter': 250,
  // A document's full text: the memo's is 18 KB; this counts up to 100 KB.
  'Query.documentText': 400,
  // Computed by every node projection whether asked for or not (server/src/graph/cypher.ts): asking adds nothing.
  'GraphNode.contested': 0,
};

/** Most items a typed list (server/src/kinds) returns when the query gives no `limit`, and the most it may ask for. */
export const KIND_LIST_DEFAULT = 50;
export const KIND_LIST_MAX = 1000;

/**
 * The largest `limit` any field accepts: neighborhood's maximum (server/src/neighborhood checks it and its SDL
 * states it); the cost estimate counts a larger one as this, so that the field itself refuses it.
 */
export const LIMIT_ARGUMENT_CAP = 2_000;

/**
 * A typed relationship list (e.g. Actor.statements) without `limit` returns at most KIND_LIST_DEFAULT items, but
 * most items have far fewer neighbours: below the top level such a list counts as this many, so that ordinary
 * nested queries fit while every explicit `limit`/`first` still counts in full.
 */
export const NESTED_LIST_ASSUMED = 10;

/** The error every limit answers with (the client sees QUERY_TOO_COMPLEX and the message). */
export function tooComplex(message: string): GraphQLError {
  return new graphql.GraphQLError(message, {
    originalError: new AppError('QUERY_TOO_COMPLEX', message),
    extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: statusOf('QUERY_TOO_COMPLEX') } },
  });
}

const reportTooComplex = (ctx: ValidationContext | null, error: GraphQLError) =>
  ctx?.reportError(tooComplex(error.message.replace(/^Syntax Error: /, '')));

/** Depth, alias and directive limits as validation rules, plus armor's suggestion masking in production. */
export function armorRules(limits: Limits, production: boolean) {
  const reject = { propagateOnRejection: false, onReject: [reportTooComplex] };
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ...reject },
    maxAliases: { n: limits.maxAliases, ...reject },
    maxDirectives: { n: limits.maxDirectives, ...reject },
    // Cost is counted below with list sizes; max-tokens answers syntax errors with HTTP 500 (the body limit
    // caps the size instead).
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    // "Did you mean …" suggestions help in development and leak the schema in production.
    blockFieldSuggestion: { enabled: production },
  });
  const { plugins, validationRules } = armor.protect();
  return {
    plugins: plugins as ApolloServerPlugin<Context>[],
    validationRules: validationRules as ValidationRule[],
  };
}

function requestedSize(args: Record<string, unknown>): number | undefined {
  const n = args.limit ?? args.first;
  return typeof n === 'number' && Number.isFinite(n) ? Math.max(0, Math.trunc(n)) : undefined;
}

/**
 * The cost of one field: for a scalar 1 (or its FIELD_COSTS), else 1 plus its selection's cost times the number of items it may return. A list's size is
 * its `limit`/`first` argument (capped at LIMIT_ARGUMENT_CAP, so that an absurd limit gets the field's own
 * BAD_USER_INPUT), else the typed queries' default (at the top level) or NESTED_LIST_ASSUMED (below it), else
 * ASSUMED_SIZES, else 1.
 */
export const listSizeEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const f = field as GraphQLField<unknown, unknown>;
  if (isLeafType(getNamedType(f.type))) return FIELD_COSTS[`${type.name}.${f.name}`] ?? 1;
  const requested = requestedSize(args);
  const hasLimitArg = f.args.some((a) => a.name === 'limit' || a.name === 'first');
  const defaultSize = type.name === 'Query' ? KIND_LIST_DEFAULT : NESTED_LIST_ASSUMED;
  let size: number;
  if (requested !== undefined) size = Math.min(requested, LIMIT_ARGUMENT_CAP);
  // A list with a limit argument, or a connection whose `first` bounds the edges below it.
  else if (hasLimitArg) size = defaultSize;
  else size = ASSUMED_SIZES[`${type.name}.${f.name}`] ?? 1;
  return 1 + size * childComplexity;
};

/** Relationship filter operators of @neo4j/graphql: `metWith: { some: {...} }`, `metWithConnection: { none: {...} }`. */
const QUANTIFIERS = new Set(['some', 'none', 'all', 'single']);
const BOOLEANS = new Set(['AND', 'OR', 'NOT']);

/** What the `where` arguments of one operation hold, added up over every field that takes one. */
export interface FilterCount {
  /** The deepest nesting of relationship filters. */
  nesting: number;
  relationships: number;
  conditions: number;
  /** The longest list in a filter. */
  listItems: number;
}

export const emptyFilterCount = (): FilterCount => ({
  nesting: 0,
  relationships: 0,
  conditions: 0,
  listItems: 0,
});

/** Adds what the filter `value` (a coerced argument value) holds to `count`; `nesting` is how deep it sits. */
export function countFilter(value: unknown, count: FilterCount, nesting = 0): void {
  if (Array.isArray(value)) {
    count.listItems = Math.max(count.listItems, value.length);
    for (const item of value) countFilter(item, count, nesting);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, inner] of Object.entries(value)) {
    if (QUANTIFIERS.has(key)) {
      count.relationships += 1;
      count.nesting = Math.max(count.nesting, nesting + 1);
      countFilter(inner, count, nesting + 1);
      continue;
    }
    const isComparison = inner === null || typeof inner !== 'object' || Array.isArray(inner);
    if (BOOLEANS.has(key)) count.conditions += Array.isArray(inner) ? inner.length : 1;
    else if (isComparison) count.conditions += 1;
    countFilter(inner, count, nesting);
  }
}

/** The first limit that `count` exceeds, as the message the client gets; undefined when it fits. */
export function filterTooBig(count: FilterCount, limits: FilterLimits): string | undefined {
  const over: [boolean, string][] = [
    [
      count.nesting > limits.maxNesting,
      `relationship filters (some, none, all, single) nested ${count.nesting} deep, at most ${limits.maxNesting}`,
    ],
    [
      count.relationships > limits.maxRelationships,
      `${count.relationships} relationship filters (some, none, all, single), at most ${limits.maxRelationships}`,
    ],
    [
      count.conditions > limits.maxConditions,
      `${count.conditions} conditions (comparisons and AND, OR, NOT entries), at most ${limits.maxConditions}`,
    ],
    [
      count.listItems > limits.maxListItems,
      `a list of ${count.listItems} items, at most ${limits.maxListItems}`,
    ],
  ];
  const found = over.find(([exceeded]) => exceeded);
  return found
    ? `The filters (where) of this request hold too much to plan safely: ${found[1]}. Split the question into simpler queries.`
    : undefined;
}

/**
 * An estimator that adds up the `where` arguments of every field the cost walk visits (fragments expanded,
 * variables substituted) and refuses as soon as a limit is exceeded; it leaves the cost to the next estimator.
 */
function filterEstimator(limits: FilterLimits): ComplexityEstimator {
  const count = emptyFilterCount();
  return ({ args }) => {
    if (args.where === undefined) return undefined;
    countFilter(args.where, count);
    const message = filterTooBig(count, limits);
    if (message) throw tooComplex(message);
    return undefined;
  };
}

/**
 * Checks an operation against the cost and filter limits: throws QUERY_TOO_COMPLEX when it exceeds one, else
 * returns its estimated cost. `variables` are the coerced values of the operation's variables.
 */
export function checkOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName: string | undefined,
  limits: Pick<Limits, 'maxCost' | 'filters'>,
): number {
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      variables,
      ...(operationName ? { operationName } : {}),
      estimators: [filterEstimator(limits.filters), listSizeEstimator],
    });
  } catch (e) {
    if (e instanceof graphql.GraphQLError && e.extensions.code === 'QUERY_TOO_COMPLEX') throw e;
    throw tooComplex(`The query is too large to run: ${(e as Error).message}`);
  }
  if (cost > limits.maxCost) {
    throw tooComplex(
      `The query may return too much (estimated cost ${cost}, at most ${limits.maxCost}): ask for fewer items with limit/first, or fewer nested lists.`,
    );
  }
  return cost;
}

/** Rejects, before execution, an operation whose estimated cost exceeds `maxCost` or whose filters are too big. */
export function costLimitPlugin(limits: Limits): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operation }) {
          if (!operation) return;
          // Variables that do not fit their types are reported by execution as BAD_USER_INPUT.
          const coerced = getVariableValues(
            schema,
            operation.variableDefinitions ?? [],
            request.variables ?? {},
          );
          if (coerced.errors) return;
          checkOperation(schema, document, coerced.coerced, request.operationName ?? undefined, limits);
        },
      };
    },
  };
}

/**
 * A document sent to previewDocument: at most this many files (the seed format's nine YAML files and text.txt),
 * and this many bytes of names and contents together (the memo's ten files hold 230 KB). Below the body limit
 * (DEFAULT_LIMITS.bodyLimit, 2 MB) with room for JSON's escapes, so that an oversized document is told so in a
 * BAD_USER_INPUT naming the limit rather than refused as a body.
 */
export const DOCUMENT_FILES_MAX = 10;
export const DOCUMENT_INPUT_MAX_BYTES = 1_500_000;

/**
 * A text sent for a draft (draftDocument, draftFiles): at most this many bytes (UTF-8), about 80,000 words; the
 * memo's text is 18 KB. The draft reads the text in one go on the server's thread (about 0.3 s for 500 KB on the
 * development machine, docs/draft-from-text.md), so a longer text is told to be split rather than let block others.
 */
export const DRAFT_TEXT_MAX_BYTES = 500_000;
/** At most this many accepted quotes in one draftFiles call. */
export const DRAFT_QUOTES_MAX = 2_000;
