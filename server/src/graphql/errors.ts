// The one error normaliser: every GraphQL error leaves the server with a contract code, and in production
// without a stack trace, Cypher or driver internals. It never throws.
import type { GraphQLFormattedError } from 'graphql';
import { AppError, ERROR_CODES, type ErrorCode } from '../errors.ts';

const APOLLO_TO_CONTRACT: Record<string, ErrorCode> = {
  GRAPHQL_PARSE_FAILED: 'BAD_USER_INPUT',
  GRAPHQL_VALIDATION_FAILED: 'BAD_USER_INPUT',
  BAD_REQUEST: 'BAD_USER_INPUT',
  PERSISTED_QUERY_NOT_FOUND: 'BAD_USER_INPUT',
  PERSISTED_QUERY_NOT_SUPPORTED: 'BAD_USER_INPUT',
  OPERATION_RESOLUTION_FAILURE: 'BAD_USER_INPUT',
};

function findAppError(error: unknown): AppError | undefined {
  let e: unknown = error;
  for (let i = 0; i < 5 && e; i++) {
    if (e instanceof AppError) return e;
    e = (e as { originalError?: unknown; cause?: unknown }).originalError ?? (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Builds Apollo's `formatError`: contract codes everywhere, internals hidden when `production`. */
export function makeFormatError(production: boolean, log: (message: string, error: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const app = findAppError(error);
    const rawCode = formatted.extensions?.code;
    let code: ErrorCode;
    if (app) code = app.code;
    else if (typeof rawCode === 'string' && (ERROR_CODES as readonly string[]).includes(rawCode))
      code = rawCode as ErrorCode;
    else if (typeof rawCode === 'string' && APOLLO_TO_CONTRACT[rawCode]) code = APOLLO_TO_CONTRACT[rawCode];
    else code = 'INTERNAL_SERVER_ERROR';

    if (code === 'INTERNAL_SERVER_ERROR') log('internal error', (app?.cause ?? error) as unknown);
    const message =
      code === 'INTERNAL_SERVER_ERROR' && production && !app ? 'Internal server error' : formatted.message;
    const extensions: Record<string, unknown> = { code };
    if (app?.details) Object.assign(extensions, app.details);
    if (!production && formatted.extensions?.stacktrace)
      extensions.stacktrace = formatted.extensions.stacktrace;
    return { message, locations: formatted.locations, path: formatted.path, extensions };
  };
}
