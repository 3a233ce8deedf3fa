// The HTTP side of hardening, as Express middleware for app.ts: security headers, CORS, the loopback Host check,
// identifying the caller by bearer token, per-client rate limiting and the per-request time limit. Every refusal
// is a GraphQL-shaped JSON body with a code, never Express's HTML page.
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { OPEN_ACCESS, type Access, type Principal } from '../access/index.ts';
import { bearerToken, isLoopbackHost, type TokenStore } from '../access/tokens.ts';
import { statusOf, type ErrorCode } from '../../../core/errors.ts';
import { RateLimiter } from './rate-limit.ts';

/**
 * Sends `{ errors: [{ message, extensions: { code } }] }` with the code's status from the error table (or
 * `options.status`, where HTTP has a more precise one, such as 413 for a body too large).
 */
export function sendError(
  req: Request,
  res: Response,
  code: ErrorCode,
  message: string,
  options: { headers?: Record<string, string>; status?: number } = {},
): void {
  const { headers = {}, status = statusOf(code) } = options;
  const accepted = req.accepts(['application/json', 'application/graphql-response+json']);
  res
    .status(status)
    .set(headers)
    .type(accepted === 'application/graphql-response+json' ? accepted : 'application/json')
    .send(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * The content security policy: scripts, styles, fonts, workers and requests only from the app's own origin.
 * Inline styles are allowed (React, Cytoscape and GraphiQL's editor set them; they cannot run code); inline and
 * injected scripts, eval, plugins, framing and foreign form targets are not. `blob:` images and workers serve
 * the editor and exported pictures.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Security headers on every response. */
export const securityHeaders: RequestHandler = (_req, res, next) => {
  res.set({
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'x-dns-prefetch-control': 'off',
  });
  next();
};

/**
 * CORS for /graphql: closed (no Access-Control-* header, so browsers keep other sites' pages out) unless the
 * request's Origin is one of `origins`. Tokens travel in the Authorization header, never in cookies, so
 * credentials are not allowed.
 */
export function cors(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    res.vary('Origin');
    const origin = req.get('origin');
    const ok = origin !== undefined && allowed.has(origin);
    if (ok) res.set('access-control-allow-origin', origin);
    if (req.method === 'OPTIONS') {
      if (ok) {
        res.set({
          'access-control-allow-methods': 'GET, POST',
          'access-control-allow-headers': 'content-type, authorization, accept',
          'access-control-max-age': '600',
        });
      }
      res.status(204).end();
      return;
    }
    next();
  };
}

/**
 * In open mode (no tokens, writes open) the server answers only requests addressed to a loopback name, so that a
 * web page whose domain is re-pointed at 127.0.0.1 (DNS rebinding) cannot reach it as its own origin.
 */
export const loopbackHostOnly: RequestHandler = (req, res, next) => {
  const host = (req.get('host') ?? '').replace(/:\d+$/, '');
  if (isLoopbackHost(host)) {
    next();
    return;
  }
  sendError(
    req,
    res,
    'FORBIDDEN',
    'This server runs without tokens and answers only requests addressed to 127.0.0.1 or localhost.',
  );
};

export interface AuthOptions {
  tokens: TokenStore;
  anonymousReads: boolean;
  limiter: RateLimiter | null;
}

type Identity = { principal: Principal | null } | { failure: string };

function identify(req: Request, tokens: TokenStore): Identity {
  const presented = bearerToken(req.get('authorization'));
  if (presented === null) return { principal: null };
  if (presented === 'malformed') return { failure: 'The Authorization header must be "Bearer <token>".' };
  const principal = tokens.identify(presented);
  return principal ? { principal } : { failure: 'The token is not valid.' };
}

/**
 * For /graphql: identifies the caller, spends one of its rate-limit tokens (by token name, or by address for
 * anonymous callers and failed attempts) and refuses a bad token (401 UNAUTHENTICATED), or a missing one when
 * reads need a token. Leaves the caller's Access in `res.locals.access` for the GraphQL context.
 */
export function authenticateAndLimit(options: AuthOptions): RequestHandler {
  const { tokens, anonymousReads, limiter } = options;
  return (req, res, next) => {
    const identity: Identity = tokens.size === 0 ? { principal: null } : identify(req, tokens);
    if (limiter) {
      const key =
        'principal' in identity && identity.principal
          ? `token:${identity.principal.name}`
          : `ip:${req.ip ?? 'unknown'}`;
      const decision = limiter.take(key);
      if (!decision.allowed) {
        sendError(
          req,
          res,
          'RATE_LIMITED',
          `Too many requests: try again in ${decision.retryAfterSeconds} s.`,
          { headers: { 'retry-after': String(decision.retryAfterSeconds) } },
        );
        return;
      }
    }
    if (tokens.size === 0) {
      res.locals.access = OPEN_ACCESS;
      next();
      return;
    }
    const challenge = { 'www-authenticate': 'Bearer realm="kg-explorer"' };
    if ('failure' in identity) {
      sendError(req, res, 'UNAUTHENTICATED', identity.failure, { headers: challenge });
      return;
    }
    if (!identity.principal && !anonymousReads) {
      sendError(
        req,
        res,
        'UNAUTHENTICATED',
        'This server needs a token: send "Authorization: Bearer <token>".',
        { headers: challenge },
      );
      return;
    }
    const access: Access = { mode: 'tokens', principal: identity.principal };
    res.locals.access = access;
    next();
  };
}

/**
 * Answers 503 REQUEST_TIMEOUT (with Retry-After) when a request is not answered within `ms`. Database work stops
 * by itself: every transaction has its own, shorter, time limit. A write (a mutation) is not cut off while its
 * transaction may still commit: past `ms` it gets `writeGraceMs` more (its transaction's own limit), so its answer
 * says whether it was saved; only a write still unanswered after that is told it may have been saved, and how to
 * find out safely (the same Idempotency-Key).
 */
export function requestTimeout(ms: number, writeGraceMs = 0): RequestHandler {
  return (req, res, next) => {
    const stop = (message: string) => {
      if (res.headersSent) return;
      res.locals.timedOut = true;
      sendError(req, res, 'REQUEST_TIMEOUT', message, { headers: { 'retry-after': '5' } });
    };
    let timer = setTimeout(() => {
      const query = (req.body as { query?: unknown } | undefined)?.query;
      if (!(typeof query === 'string' && /^\s*mutation\b/.test(query))) {
        stop(`The request took longer than ${ms / 1000} s and was stopped.`);
        return;
      }
      timer = setTimeout(
        () =>
          stop(
            `The write took longer than ${(ms + writeGraceMs) / 1000} s; its answer was stopped, but it may still have been saved. Send it again with the same Idempotency-Key: it returns what was saved, or saves it once.`,
          ),
        writeGraceMs,
      );
    }, ms);
    const clear = () => clearTimeout(timer);
    res.once('finish', clear);
    res.once('close', clear);
    next();
  };
}

/**
 * The last error handler: any error that reached Express becomes a JSON error with a code, never an HTML page or
 * a stack trace. A response that was already sent (e.g. a request answered by its time limit whose work ended
 * later) is left alone.
 */
export function finalErrors(log: (message: string, error: unknown) => void): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (res.headersSent) {
      if (!res.locals.timedOut) log(`error after the response was sent: ${(err as Error)?.message}`, err);
      return;
    }
    const status = (err as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      sendError(req, res, 'BAD_USER_INPUT', `The request cannot be served (${status}).`, { status });
      return;
    }
    log(`internal error in ${req.method} ${req.path}: ${(err as Error)?.message}`, err);
    sendError(req, res, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  };
}
