// For integration tests: the real HTTP app (createApp + createGraphQLServer) on a free port of 127.0.0.1,
// against a given Neo4j. Not part of the server.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { clientDist } from '../client-build.ts';
import { createDb, type Db } from '../db/database.ts';
import type { Limits } from '../graphql/limits.ts';
import type { GraphQLModule } from '../graphql/module.ts';
import { createGraphQLServer } from '../graphql/server.ts';
import { createApp } from './app.ts';

export interface TestServer {
  url: string;
  db: Db;
  /** Lines the server logged as errors. */
  logged: string[];
  /** POSTs a GraphQL request to /graphql and returns the status and parsed body. */
  post(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ status: number; body: GraphQLBody; ms: number }>;
  stop(): Promise<void>;
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> & { code?: string } }>;
}

export interface TestServerOptions {
  uri: string;
  production?: boolean;
  limits?: Partial<Limits>;
  extraModules?: GraphQLModule[];
}

/** Starts the app on a free port. */
export async function startTestServer(options: TestServerOptions): Promise<TestServer> {
  const db = createDb({ uri: options.uri });
  const logged: string[] = [];
  const graphql = await createGraphQLServer({
    driver: db.driver,
    production: options.production ?? false,
    log: (message) => logged.push(message),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.extraModules ? { extraModules: options.extraModules } : {}),
  });
  const app = createApp({ db, graphql, readiness: { starting: null }, clientDir: clientDist });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    db,
    logged,
    async post(query, variables) {
      const started = performance.now();
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as GraphQLBody;
      return { status: response.status, body, ms: performance.now() - started };
    },
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await graphql.stop();
      await db.close();
    },
  };
}
