// The one error table: every code a client may see (the public contract's `extensions.code`), with its HTTP
// status and whether the same request may succeed when retried; and the one error class that carries a code.
// The GraphQL schema publishes the table (enum ErrorCode, Query.model.errorCodes), so the client's list is
// generated from it.

/**
 * What each code means to a client, how the server answers with it, whether retrying can help, and when it sets
 * the status of a GraphQL answer raised while executing (`decides`): `always` (the request failed for a reason
 * outside the query), `alone` (a refusal that left no data), or `never` (it travels in a 200 result beside the
 * data, as GraphQL over HTTP expects).
 */
export const ERROR_TABLE = {
  BAD_USER_INPUT: {
    status: 400,
    retryable: false,
    decides: 'never',
    meaning: 'An argument or the request is invalid: the message says what is allowed.',
  },
  NOT_FOUND: {
    status: 404,
    retryable: false,
    decides: 'never',
    meaning: 'The view or node named does not exist.',
  },
  CONFLICT: {
    status: 409,
    retryable: false,
    decides: 'never',
    meaning: 'The view changed since it was read (expectedVersion is no longer current).',
  },
  UNAUTHENTICATED: {
    status: 401,
    retryable: false,
    decides: 'alone',
    meaning: 'A valid token is needed: sign in.',
  },
  FORBIDDEN: {
    status: 403,
    retryable: false,
    decides: 'alone',
    meaning: 'The token (or the address) may not do this.',
  },
  QUERY_TOO_COMPLEX: {
    status: 400,
    retryable: false,
    decides: 'never',
    meaning: 'Depth, cost, alias, directive or size limits exceeded; refused before anything ran.',
  },
  RATE_LIMITED: {
    status: 429,
    retryable: true,
    decides: 'never',
    meaning: 'Too many requests from this token or address: retry after the Retry-After seconds.',
  },
  REQUEST_TIMEOUT: {
    status: 503,
    retryable: true,
    decides: 'always',
    meaning: 'The request or its database transaction took too long and was stopped; a smaller one may pass.',
  },
  DATABASE_UNAVAILABLE: {
    status: 503,
    retryable: true,
    decides: 'always',
    meaning: 'The graph database cannot be reached right now.',
  },
  INTERNAL_SERVER_ERROR: {
    status: 500,
    retryable: false,
    decides: 'never',
    meaning: 'Anything else; details are in the server log.',
  },
} as const satisfies Record<
  string,
  { status: number; retryable: boolean; decides: 'always' | 'alone' | 'never'; meaning: string }
>;

export type ErrorCode = keyof typeof ERROR_TABLE;
export const ERROR_CODES = Object.keys(ERROR_TABLE) as ErrorCode[];

/** True when `code` is one of the table's codes. */
export const isErrorCode = (code: unknown): code is ErrorCode =>
  typeof code === 'string' && Object.hasOwn(ERROR_TABLE, code);

/** The HTTP status an error with this code is answered with when it ends the request. */
export const statusOf = (code: ErrorCode): number => ERROR_TABLE[code].status;

/**
 * The code that sets the HTTP status of a GraphQL result with these errors, or undefined (200), by the table's
 * `decides`: an `always` code anywhere, else an `alone` code when the result holds no data.
 */
export function statusCode(codes: readonly unknown[], hasData: boolean): ErrorCode | undefined {
  const known = codes.filter(isErrorCode);
  return (
    known.find((c) => ERROR_TABLE[c].decides === 'always') ??
    (hasData ? undefined : known.find((c) => ERROR_TABLE[c].decides === 'alone'))
  );
}

/** An error the client may see: its message is written for the user and its code is in the table. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export const badInput = (message: string, details?: Record<string, unknown>) =>
  new AppError('BAD_USER_INPUT', message, details);
export const notFound = (message: string) => new AppError('NOT_FOUND', message);
