// The one GraphQL client of the explorer: POSTs an operation to /graphql with the access token in use (if any)
// and returns its data, or throws an ApiError carrying the contract's `extensions.code` (or NETWORK when the
// server cannot be reached at all). A read the rate limiter refused is retried once by itself after the
// server's Retry-After (when that is short); a write never is: the analyst decides.
import type { ErrorCode } from '../generated/enums.ts';
import { tokens } from './token.ts';

/**
 * The server's codes (the schema's ErrorCode, generated from the error table) and NETWORK, when the server cannot
 * be reached at all; a code from a newer server is kept as a string.
 */
export type ApiErrorCode = ErrorCode | 'NETWORK' | (string & {});

/** An error from the API, with the code the contract gives it. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: ApiErrorCode,
    readonly status?: number,
    /** From the Retry-After header (RATE_LIMITED, REQUEST_TIMEOUT, DATABASE_UNAVAILABLE): seconds to wait. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Where requests go; tests of the module may point it elsewhere. */
export const GRAPHQL_URL = '/graphql';

/** Longest Retry-After a read waits out by itself; beyond it the analyst is told and retries. */
export const AUTO_RETRY_MAX_SECONDS = 30;

/** What the client tells the page about, beside each request's own answer. */
export type ClientEvent =
  /** The server refused the token in use (or wants one): the page asks the analyst to sign in. */
  | { type: 'unauthenticated'; error: ApiError }
  /** A read was rate limited; the client tries it again in `seconds`. */
  | { type: 'waiting'; seconds: number }
  /** That wait is over (the read was retried, or given up). */
  | { type: 'waited' };

const listeners = new Set<(event: ClientEvent) => void>();

/** Subscribes to the client's events; returns the unsubscribe function. */
export function onClientEvent(listener: (event: ClientEvent) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const emit = (event: ClientEvent) => listeners.forEach((l) => l(event));

/**
 * Seconds to wait from a Retry-After header: a number of seconds, or an HTTP date (then counted from `now`).
 * Undefined when absent or unreadable.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value == null) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** True when the document's operation is a mutation (a write). */
export function isMutation(query: string): boolean {
  return /^\s*(#[^\n]*\n\s*)*mutation\b/.test(query);
}

const wait = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export interface RequestOptions {
  signal?: AbortSignal;
  url?: string;
  /**
   * The token to send: by default the one in use (signed in); a string sends that one (checking a token before
   * keeping it); null sends none. With an explicit token a refusal is not announced as `unauthenticated`.
   */
  token?: string | null;
  /** Retry once after a short Retry-After when rate limited (default: for queries, not for mutations). */
  retryRateLimited?: boolean;
  /**
   * Sent as the Idempotency-Key header: a write sent again with the same key (a Retry after a lost answer)
   * returns what the first one did and writes nothing again.
   */
  idempotencyKey?: string;
}

/** A fresh Idempotency-Key (random, 32 hex digits; crypto.randomUUID needs a secure context, this does not). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Runs one GraphQL operation and resolves with its data; rejects with an ApiError. */
export async function request<T>(
  query: string,
  variables: Record<string, unknown> = {},
  init: RequestOptions = {},
): Promise<T> {
  const retry = init.retryRateLimited ?? !isMutation(query);
  try {
    return await once<T>(query, variables, init);
  } catch (e) {
    const s = e instanceof ApiError && e.code === 'RATE_LIMITED' ? e.retryAfterSeconds : undefined;
    if (!retry || s === undefined || s > AUTO_RETRY_MAX_SECONDS) throw e;
    emit({ type: 'waiting', seconds: s });
    try {
      await wait(s * 1000, init.signal);
      return await once<T>(query, variables, init);
    } finally {
      emit({ type: 'waited' });
    }
  }
}

async function once<T>(query: string, variables: Record<string, unknown>, init: RequestOptions): Promise<T> {
  const token = init.token === undefined ? tokens.get() : init.token;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
  };
  if (token) headers.authorization = `Bearer ${token}`;
  if (init.idempotencyKey) headers['idempotency-key'] = init.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(init.url ?? GRAPHQL_URL, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
      signal: init.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError('The explorer’s server cannot be reached.', 'NETWORK');
  }
  const error = await errorOf<T>(response);
  if (error instanceof ApiError) {
    if (error.code === 'UNAUTHENTICATED' && init.token === undefined) {
      emit({ type: 'unauthenticated', error });
    }
    throw error;
  }
  return error.data;
}

/** The response's data, or the ApiError it stands for. */
async function errorOf<T>(response: Response): Promise<ApiError | { data: T }> {
  let body: GraphQLResponse<T> | undefined;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    body = undefined;
  }
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  const first = body?.errors?.[0];
  if (first) {
    const code = first.extensions?.code ?? codeOfStatus(response.status, 'errors');
    return new ApiError(first.message, code, response.status, retryAfter);
  }
  if (!response.ok || !body || body.data == null) {
    return new ApiError(
      `The server answered ${response.status} ${response.statusText}`.trim(),
      codeOfStatus(response.status, body ? 'json' : 'none'),
      response.status,
      retryAfter,
    );
  }
  return { data: body.data };
}

/**
 * The code an answer without one stands for, by its HTTP status and what its body was: GraphQL errors (the
 * server answered), some other JSON, or nothing usable (a proxy's page, or nothing at all).
 */
function codeOfStatus(status: number, body: 'errors' | 'json' | 'none'): ApiErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 503) return 'DATABASE_UNAVAILABLE';
  if (body === 'errors') return 'INTERNAL_SERVER_ERROR';
  return status >= 500 || body === 'none' ? 'NETWORK' : 'INTERNAL_SERVER_ERROR';
}

const seconds = (e: ApiError) =>
  e.retryAfterSeconds === undefined
    ? 'a moment'
    : `${e.retryAfterSeconds} ${e.retryAfterSeconds === 1 ? 'second' : 'seconds'}`;

/** A sentence for the user about what went wrong and what to do. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'NETWORK':
        return 'The explorer’s server cannot be reached. Check that it is running, then retry.';
      case 'DATABASE_UNAVAILABLE':
        return 'The graph database is not answering. The server keeps trying; retry in a moment.';
      case 'UNAUTHENTICATED':
        return 'This explorer needs a valid access token: sign in to continue.';
      case 'FORBIDDEN':
        return `Your access token does not allow this: ${error.message}`;
      case 'RATE_LIMITED':
        return `Too many requests to the server just now: wait ${seconds(error)}, then try again.`;
      case 'REQUEST_TIMEOUT':
        return 'The request took too long and the server stopped it. Try a smaller depth or limit, then retry.';
      case 'QUERY_TOO_COMPLEX':
        return `The request was too large for the server: ${error.message}`;
      case 'BAD_USER_INPUT':
        return `The server rejected the request: ${error.message}`;
      case 'NOT_FOUND':
        return `Not found: ${error.message}`;
      case 'CONFLICT':
        return `Someone else changed this first: ${error.message}`;
      default:
        return `The server reported an error: ${error.message}`;
    }
  }
  return `Something went wrong: ${(error as Error)?.message ?? String(error)}`;
}
