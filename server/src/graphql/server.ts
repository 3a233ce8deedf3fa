// The Apollo Server instance: schema, error normaliser, and the plugin that turns DATABASE_UNAVAILABLE into
// HTTP 503. Knows nothing of Express (server/src/http does the mounting).
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Driver } from 'neo4j-driver';
import type { Context } from './context.ts';
import { makeFormatError } from './errors.ts';
import { buildSchema } from './schema.ts';

/** Sets the HTTP status from the errors' codes: 503 when the database is unavailable. */
const httpStatusFromErrors: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, errors }) {
        if (errors?.some((e) => e.extensions?.code === 'DATABASE_UNAVAILABLE' || hasUnavailableCause(e))) {
          response.http.status = 503;
        }
      },
    };
  },
};

function hasUnavailableCause(e: unknown): boolean {
  const original = (e as { originalError?: { code?: unknown } }).originalError;
  return original?.code === 'DATABASE_UNAVAILABLE';
}

export interface GraphQLServerOptions {
  driver: Driver;
  production: boolean;
  log: (message: string, error: unknown) => void;
}

/** Creates and starts the Apollo Server (not yet bound to HTTP). */
export async function createGraphQLServer(options: GraphQLServerOptions): Promise<ApolloServer<Context>> {
  const server = new ApolloServer<Context>({
    schema: await buildSchema(options.driver),
    formatError: makeFormatError(options.production, options.log),
    includeStacktraceInErrorResponses: !options.production,
    introspection: true,
    // main.ts owns the signals and stops HTTP, GraphQL, the driver and Neo4j in that order.
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginLandingPageDisabled(), httpStatusFromErrors],
  });
  await server.start();
  return server;
}
