// For integration tests: the real HTTP app (createApp + createGraphQLServer) on a free port of 127.0.0.1,
// against a given Neo4j. Not part of the server.
import { afterAll, beforeAll, inject } from 'vitest';
import { clientDist } from '../../server/src/app/client-build.ts';
import { createDb, type Db } from '../../core/db/database.ts';
import type { Limits } from '../../server/src/graphql/limits.ts';
import type { GraphQLModule } from '../../server/src/graphql/module.ts';
import { createGraphQLServer } from '../../server/src/app/graphql-server.ts';
import { createApp, type SecurityOptions } from '../../server/src/http/app.ts';
import { maintenanceUnderway } from '../../server/src/backup/pause.ts';
import { listen } from '../../server/src/http/listen.ts';
import { graphDownloads } from '../../server/src/export/index.ts';

export interface TestServer {
  url: string;
  db: Db;
  /** Lines the server logged as errors (with the underlying error's code and message, when there is one). */
  logged: string[];
  /** POSTs a GraphQL request to /graphql and returns the status and parsed body. */
  post(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: GraphQLBody; ms: number; headers: Headers }>;
  /** Stops as the explorer does: requests in flight are answered first (for up to `graceMs`, default 5 s). */
  stop(graceMs?: number): Promise<void>;
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> & { code?: string } }>;
}

export interface TestServerOptions {
  uri: string;
  /** Production answers (no internal details; default false: details on, as with DEV_ERRORS=true). */
  production?: boolean;
  limits?: Partial<Limits>;
  extraModules?: GraphQLModule[];
  /** Access control and abuse limits (default: open mode, no rate limit, 30 s per request). */
  security?: Partial<SecurityOptions>;
  introspection?: boolean;
  /** The time limit of every database transaction (default the db module's). */
  txTimeoutMs?: number;
}

/** Starts the app on a free port. */
export async function startTestServer(options: TestServerOptions): Promise<TestServer> {
  const db = createDb({
    uri: options.uri,
    ...(options.txTimeoutMs ? { txTimeoutMs: options.txTimeoutMs } : {}),
  });
  const logged: string[] = [];
  const log = (message: string, error?: unknown) => {
    const e = (error as { cause?: unknown } | undefined)?.cause ?? error;
    const detail = e instanceof Error ? ` [${(e as { code?: string }).code ?? e.name}: ${e.message}]` : '';
    logged.push(message + detail);
  };
  const graphql = await createGraphQLServer({
    driver: db.driver,
    production: options.production ?? false,
    errorDetails: !(options.production ?? false),
    log,
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.extraModules ? { extraModules: options.extraModules } : {}),
    ...(options.introspection !== undefined ? { introspection: options.introspection } : {}),
  });
  const app = createApp({
    db,
    graphql,
    readiness: { starting: null, maintenance: () => maintenanceUnderway(db) },
    clientDir: clientDist,
    log,
    downloads: graphDownloads(db),
    ...(options.security ? { security: options.security } : {}),
  });
  const http = await listen(app, 0, '127.0.0.1');
  const url = http.url;
  return {
    url,
    db,
    logged,
    async post(query, variables, headers = {}) {
      const started = performance.now();
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as GraphQLBody;
      return { status: response.status, body, ms: performance.now() - started, headers: response.headers };
    },
    async stop(graceMs = 5_000) {
      await http.close(graceMs);
      await graphql.stop();
      await db.close();
    },
  };
}

/**
 * One test server for the whole file on the integration tier's Neo4j: started before the file's tests and stopped
 * after them. Call it at the top of the file; the function it returns gives the running server.
 */
export function sharedTestServer(options: Omit<TestServerOptions, 'uri'> = {}): () => TestServer {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer({ uri: inject('neo4jUri'), ...options });
  });
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (!server) throw new Error('the test server is not started yet: use it inside a test');
    return server;
  };
}
