// The Apollo Server instance: schema, error normaliser, request limits, and the plugin that turns
// DATABASE_UNAVAILABLE into HTTP 503. Knows nothing of Express (server/src/http does the mounting).
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { Driver } from 'neo4j-driver';
import { requireRole } from '../access/index.ts';
import { AppError, ERROR_TABLE, statusCode, statusOf } from '../../../core/errors.ts';
import type { Context } from '../graphql/context.ts';
import { graphql } from '../graphql/graphql-runtime.ts';
import type { GraphQLModule } from '../graphql/module.ts';
import { makeFormatError } from '../graphql/errors.ts';
import { DEFAULT_LIMITS, armorRules, costLimitPlugin, type Limits } from '../graphql/limits.ts';
import { buildSchema } from './schema.ts';

/**
 * Marks every answer `cache-control: no-store`, and sets the HTTP status from the (formatted) errors' codes, by
 * the error table (statusCode): the database unavailable or a timeout even beside data, with Retry-After; a
 * refusal (401, 403) when it left no data.
 */
const httpStatusFromErrors: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        // What Apollo's cache-control plugin (turned off below) would say: no field declares a cache hint.
        response.http.headers.set('cache-control', 'no-store');
        if (response.body.kind !== 'single') return;
        const { errors, data } = response.body.singleResult;
        if (!errors?.length) return;
        const code = statusCode(
          errors.map((e) => e.extensions?.code),
          data !== null && data !== undefined,
        );
        if (!code) return;
        response.http.status = statusOf(code);
        if (ERROR_TABLE[code].retryable) response.http.headers.set('retry-after', '5');
      },
    };
  },
};

/**
 * Every mutation needs an editor when tokens are configured: refused before anything runs, with HTTP 401
 * (UNAUTHENTICATED) or 403 (FORBIDDEN). The resolvers check again, for callers that skip HTTP.
 */
const mutationsNeedEditor: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, contextValue }) {
        if (operation?.operation !== 'mutation') return;
        try {
          requireRole(contextValue.access, 'editor', 'A change');
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          throw new graphql.GraphQLError(e.message, {
            originalError: e,
            extensions: { code: e.code, http: { status: statusOf(e.code) } },
          });
        }
      },
    };
  },
};

export interface GraphQLServerOptions {
  driver: Driver;
  production: boolean;
  /** Internal messages and stack traces in responses (DEV_ERRORS; tests): off means production-safe answers. */
  errorDetails: boolean;
  log: (message: string, error: unknown) => void;
  /** Request limits (defaults: DEFAULT_LIMITS). */
  limits?: Partial<Limits>;
  /** Modules added beside the registered ones (tests only). */
  extraModules?: GraphQLModule[];
  /** Schema introspection (default on: analysts write queries in the console; INTROSPECTION=false turns it off). */
  introspection?: boolean;
}

/** Creates and starts the Apollo Server (not yet bound to HTTP). */
export async function createGraphQLServer(options: GraphQLServerOptions): Promise<ApolloServer<Context>> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  // "Did you mean …" suggestions would tell what introspection hides.
  const armor = armorRules(limits, options.production || options.introspection === false);
  const server = new ApolloServer<Context>({
    schema: await buildSchema(options.driver, options.extraModules),
    formatError: makeFormatError(!options.errorDetails, options.log),
    includeStacktraceInErrorResponses: options.errorDetails,
    introspection: options.introspection ?? true,
    allowBatchedHttpRequests: false,
    // The contract promises GET for queries to any client (curl, scripts), which Apollo's CSRF prevention would
    // refuse without a special header. Turning it off opens nothing: GET runs queries only (mutations get 405),
    // a POST must be application/json (a cross-site form cannot send that without a CORS preflight, and no
    // CORS is allowed), and there are no uploads. See docs/decisions/2026-11-29-graphql-layer.md.
    csrfPrevention: false,
    validationRules: armor.validationRules,
    // main.ts owns the signals and stops HTTP, GraphQL, the driver and Neo4j in that order.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // Its per-field hook computes cache hints no field declares; httpStatusFromErrors sets its no-store header.
      ApolloServerPluginCacheControlDisabled(),
      mutationsNeedEditor,
      ...armor.plugins,
      costLimitPlugin(limits),
      httpStatusFromErrors,
    ],
  });
  await server.start();
  return server;
}
