// The only module that knows Express: health and readiness, /graphql, the GraphQL console and the client, with
// the hardening of security.ts (headers, CORS, Host check, tokens, rate limit, time limit) in front of /graphql.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type ErrorRequestHandler, type Express } from 'express';
import { tokenStore, type TokenStore } from '../access/tokens.ts';
import type { Db } from '../../../core/db/database.ts';
import { AppError } from '../../../core/errors.ts';
import type { Context } from '../graphql/context.ts';
import { DEFAULT_LIMITS } from '../graphql/limits.ts';
import { RateLimiter } from './rate-limit.ts';
import {
  authenticateAndLimit,
  cors,
  finalErrors,
  loopbackHostOnly,
  requestTimeout,
  securityHeaders,
  sendError,
} from './security.ts';

/** What an Idempotency-Key header may hold: any string of 1 to 200 characters (the contract's "Retrying writes"). */
const isIdempotencyKey = (key: string) =>
  key.length >= 1 && key.length <= 200 && [...key].every((c) => c === '\t' || (c >= ' ' && c !== '\x7f'));

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
  if (tooLarge) sendError(req, res, 'QUERY_TOO_COMPLEX', message, { status: 413 });
  else sendError(req, res, 'BAD_USER_INPUT', message, { status: e.status });
};

/** What /readyz reports besides the database: start-up work such as loading the seed. */
export interface Readiness {
  /** Why the app is not ready yet, or null once start-up work is done. */
  starting: string | null;
  /** Why the database is under maintenance (a restore under way), or null; asked on every /readyz. */
  maintenance?: () => Promise<string | null>;
}

/** Files streamed from the database (the whole-graph export, server/src/export), served at /export/<file>. */
export interface Downloads {
  /** Each file's content type, by file name. */
  files: Readonly<Record<string, string>>;
  /** Writes `file` to `sink`; `sink.write` resolves when the client can take more. */
  write(file: string, sink: { write(chunk: string): Promise<void> }): Promise<void>;
}

export interface AppOptions {
  db: Db;
  graphql: ApolloServer<Context>;
  readiness: Readiness;
  /** The built client (client/dist); served at / when present. */
  clientDir: string;
  /** Largest accepted request body (default DEFAULT_LIMITS.bodyLimit: room for a saved view's layout). */
  bodyLimit?: string;
  /** Access control and abuse limits (defaults: DEFAULT_SECURITY). */
  security?: Partial<SecurityOptions>;
  /** Where errors that reach Express are logged (default: console.error). */
  log?: (message: string, error: unknown) => void;
  /** The whole-graph export, served at /export/<file> when given. */
  downloads?: Downloads;
}

export interface SecurityOptions {
  /** The configured API tokens; none: open mode (only loopback Host names are answered, writes are open). */
  tokens: TokenStore;
  /** With tokens: reads need no token (writes still need an editor token). */
  anonymousReads: boolean;
  /** Origins allowed to call /graphql from a browser; none: CORS closed. */
  corsOrigins: string[];
  /** Per-client token bucket, or null for none. */
  rateLimit: { perMinute: number; burst: number } | null;
  /** Longest a /graphql request may take before it is answered 503 REQUEST_TIMEOUT. */
  requestTimeoutMs: number;
  /** Express's "trust proxy" (which X-Forwarded-For hops to believe for the client's address). */
  trustProxy: boolean | number | string;
}

/** What createApp uses for any security option not given (the explorer passes its configuration). */
export const DEFAULT_SECURITY: SecurityOptions = {
  tokens: tokenStore([]),
  anonymousReads: false,
  corsOrigins: [],
  rateLimit: null,
  requestTimeoutMs: 30_000,
  trustProxy: false,
};

/** Builds the Express application. */
export function createApp(options: AppOptions): Express {
  const { db, graphql, readiness, clientDir } = options;
  const security = { ...DEFAULT_SECURITY, ...options.security };
  const log = options.log ?? ((message: string) => process.stderr.write(`[explorer] ${message}\n`));
  const limiter = security.rateLimit ? new RateLimiter(security.rateLimit) : null;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', security.trustProxy);
  app.use(securityHeaders);
  if (security.tokens.size === 0) app.use(loopbackHostOnly);

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
    const maintenance = await readiness.maintenance?.().catch(() => null);
    if (maintenance) {
      res.status(503).json({ status: 'maintenance', cause: 'maintenance', message: maintenance });
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
    cors(security.corsOrigins),
    (req, res, next) => {
      if (wantsHtml(req) && !req.query.query && existsSync(console)) res.sendFile(console);
      else next();
    },
    authenticateAndLimit({ tokens: security.tokens, anonymousReads: security.anonymousReads, limiter }),
    // A write past the limit gets its transaction's own limit (and the driver's retry) more to say how it ended.
    requestTimeout(security.requestTimeoutMs, (db.txTimeoutMs ?? 15_000) + 5_000),
    express.json({ limit: options.bodyLimit ?? DEFAULT_LIMITS.bodyLimit }),
    (req, _res, next) => {
      // Express 5 leaves req.body unset for a body that is not JSON; Apollo then answers 500. Unset means none.
      if (!('body' in req)) (req as { body?: unknown }).body = undefined;
      next();
    },
    (req, res, next) => {
      const key = req.get('idempotency-key');
      if (key === undefined || isIdempotencyKey(key)) next();
      else {
        sendError(req, res, 'BAD_USER_INPUT', 'The Idempotency-Key header must be 1 to 200 characters.', {
          status: 400,
        });
      }
    },
    expressMiddleware(graphql, {
      context: async ({ req, res }): Promise<Context> => ({
        db,
        sessionConfig: db.database ? { database: db.database } : undefined,
        transaction: { timeout: db.txTimeoutMs },
        access: res.locals.access as Context['access'],
        idempotencyKey: req.get('idempotency-key'),
      }),
    }),
  );
  app.use('/graphql', graphqlBodyErrors);

  if (options.downloads) {
    const downloads = options.downloads;
    // Reads as /graphql reads: the same token check (reads need a token unless anonymous reads are on) and the
    // same rate limit; no time limit, since a large graph takes minutes to send (its transaction has its own).
    app.get(
      '/export/:file',
      authenticateAndLimit({ tokens: security.tokens, anonymousReads: security.anonymousReads, limiter }),
      async (req, res) => {
        const file = String(req.params.file);
        const type = Object.hasOwn(downloads.files, file) ? downloads.files[file] : undefined;
        if (!type) {
          const known = Object.keys(downloads.files).join(', ');
          sendError(req, res, 'NOT_FOUND', `No export "${file}": the graph is exported as ${known}.`);
          return;
        }
        const sink = {
          write: (chunk: string) =>
            new Promise<void>((resolve, reject) => {
              if (res.destroyed) return reject(new Error('the client closed the download'));
              if (!res.headersSent) {
                res.status(200).set({
                  'content-type': type,
                  'content-disposition': `attachment; filename="${file}"`,
                  'cache-control': 'no-store',
                });
              }
              if (res.write(chunk)) return resolve();
              const done = (closed: boolean) => {
                res.off('drain', drained).off('close', gone);
                if (closed) reject(new Error('the client closed the download'));
                else resolve();
              };
              const drained = () => done(false);
              const gone = () => done(true);
              res.on('drain', drained).on('close', gone);
            }),
        };
        try {
          await downloads.write(file, sink);
          res.end();
        } catch (e) {
          if (res.headersSent) {
            // Part of the file is sent: all that can be said is to cut it short, so it is not taken as whole.
            if (!res.destroyed) log(`export ${file} failed after it started: ${(e as Error).message}`, e);
            res.destroy();
            return;
          }
          const known = e instanceof AppError && e.code !== 'INTERNAL_SERVER_ERROR';
          if (!known) log(`export ${file} failed: ${(e as Error).message}`, e);
          sendError(
            req,
            res,
            known ? e.code : 'INTERNAL_SERVER_ERROR',
            known ? e.message : 'Internal server error',
          );
        }
      },
    );
  }

  if (existsSync(clientDir)) {
    app.use(express.static(clientDir, { index: 'index.html' }));
  }
  app.use(finalErrors(log));
  return app;
}
