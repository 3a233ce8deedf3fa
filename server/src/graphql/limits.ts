// Limits on what one GraphQL request may ask for, checked before anything runs: depth, aliases and directives
// (graphql-armor validation rules), cost (graphql-query-complexity, counting list sizes), and request size (the
// body limit in server/src/http/app.ts). Every rejection carries QUERY_TOO_COMPLEX.
import { createRequire } from 'node:module';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError, GraphQLField, ValidationContext, ValidationRule } from 'graphql';
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
 * The cost of one field: 1, plus its selection's cost times the number of items it may return. A list's size is
 * its `limit`/`first` argument (capped at LIMIT_ARGUMENT_CAP, so that an absurd limit gets the field's own
 * BAD_USER_INPUT), else the typed queries' default (at the top level) or NESTED_LIST_ASSUMED (below it), else
 * ASSUMED_SIZES, else 1.
 */
export const listSizeEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const f = field as GraphQLField<unknown, unknown>;
  if (isLeafType(getNamedType(f.type))) return 1;
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

/** Rejects, before execution, an operation whose estimated cost exceeds `maxCost`. */
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
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              variables: coerced.coerced,
              operationName: request.operationName ?? undefined,
              estimators: [listSizeEstimator],
            });
          } catch (e) {
            throw tooComplex(`The query is too large to run: ${(e as Error).message}`);
          }
          if (cost > limits.maxCost) {
            throw tooComplex(
              `The query may return too much (estimated cost ${cost}, at most ${limits.maxCost}): ask for fewer items with limit/first, or fewer nested lists.`,
            );
          }
        },
      };
    },
  };
}
