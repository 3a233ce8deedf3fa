// The only module that knows Express: health and readiness, /graphql, the GraphQL console and the client.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type ErrorRequestHandler, type Express } from 'express';
import type { Db } from '../db/database.ts';
import type { Context } from '../graphql/context.ts';
import { DEFAULT_LIMITS } from '../graphql/limits.ts';

/**
 * Answers a request body Express could not take (too large, not JSON) as GraphQL over HTTP does: a JSON body
 * with `errors` and the contract's code, never Express's HTML page. Too large: 413 QUERY_TOO_COMPLEX.
 */
const graphqlBodyErrors: ErrorRequestHandler = (err, req, res, next) => {
  const e = err as { type?: string; status?: number; limit?: number };
  if (res.headersSent || typeof e.status !== 'number' || e.status >= 500) {
    next(err);
    return;
  }
  const tooLarge = e.type === 'entity.too.large' || e.status === 413;
  const message = tooLarge
    ? `The request body is too large (at most ${e.limit ?? 'the limit'} bytes).`
    : e.type === 'entity.parse.failed'
      ? 'The request body is not valid JSON.'
      : `The request body cannot be read (${(err as Error).message}).`;
  const graphqlResponse = req.accepts(['application/json', 'application/graphql-response+json']);
  res
    .status(tooLarge ? 413 : e.status)
    .type(graphqlResponse === 'application/graphql-response+json' ? graphqlResponse : 'application/json')
    .json({ errors: [{ message, extensions: { code: tooLarge ? 'QUERY_TOO_COMPLEX' : 'BAD_USER_INPUT' } }] });
};

/** What /readyz reports besides the database: start-up work such as loading the seed. */
export interface Readiness {
  /** Why the app is not ready yet, or null once start-up work is done. */
  starting: string | null;
}

export interface AppOptions {
  db: Db;
  graphql: ApolloServer<Context>;
  readiness: Readiness;
  /** The built client (client/dist); served at / when present. */
  clientDir: string;
  /** Largest accepted request body (default DEFAULT_LIMITS.bodyLimit: room for a saved view's layout). */
  bodyLimit?: string;
}

/** Builds the Express application. */
export function createApp(options: AppOptions): Express {
  const { db, graphql, readiness, clientDir } = options;
  const app = express();
  app.disable('x-powered-by');

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    try {
      await db.ping(2_000);
    } catch (e) {
      res.status(503).json({ status: 'unavailable', cause: 'database', message: (e as Error).message });
      return;
    }
    if (readiness.starting) {
      res.status(503).json({ status: 'starting', cause: 'startup', message: readiness.starting });
      return;
    }
    res.json({ status: 'ready', database: 'up' });
  });

  const console = path.join(clientDir, 'graphiql.html');
  const wantsHtml = (req: express.Request) =>
    req.method === 'GET' &&
    req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';

  app.get('/graphiql', (_req, res) => {
    if (existsSync(console)) res.sendFile(console);
    else res.status(404).type('text').send('The GraphQL console is not built yet: run `npm run build`.');
  });
  app.use(
    '/graphql',
    (req, res, next) => {
      if (wantsHtml(req) && !req.query.query && existsSync(console)) res.sendFile(console);
      else next();
    },
    express.json({ limit: options.bodyLimit ?? DEFAULT_LIMITS.bodyLimit }),
    expressMiddleware(graphql, {
      context: async () => ({ db, sessionConfig: db.database ? { database: db.database } : undefined }),
    }),
  );
  app.use('/graphql', graphqlBodyErrors);

  if (existsSync(clientDir)) {
    app.use(express.static(clientDir, { index: 'index.html' }));
  }
  return app;
}
