// The one error normaliser: every GraphQL error leaves the server with a contract code, and in production
// without a stack trace, Cypher or driver internals. It never throws.
import type { GraphQLFormattedError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { mapDatabaseError } from '../../../core/db/database.ts';
import { AppError, isErrorCode, type ErrorCode } from '../../../core/errors.ts';

/** Apollo's own codes: a request that cannot be parsed, validated or resolved is the user's to fix. */
const APOLLO_TO_CONTRACT: Record<string, ErrorCode> = {
  GRAPHQL_PARSE_FAILED: 'BAD_USER_INPUT',
  GRAPHQL_VALIDATION_FAILED: 'BAD_USER_INPUT',
  BAD_REQUEST: 'BAD_USER_INPUT',
  PERSISTED_QUERY_NOT_FOUND: 'BAD_USER_INPUT',
  PERSISTED_QUERY_NOT_SUPPORTED: 'BAD_USER_INPUT',
  OPERATION_RESOLUTION_FAILURE: 'BAD_USER_INPUT',
};

/** @neo4j/graphql's error classes, by name (its generated queries throw them). */
const NEO4J_GRAPHQL_TO_CONTRACT: Record<string, ErrorCode> = {
  Neo4jGraphQLForbiddenError: 'FORBIDDEN',
  Neo4jGraphQLAuthenticationError: 'UNAUTHENTICATED',
  Neo4jGraphQLConstraintValidationError: 'BAD_USER_INPUT',
  Neo4jGraphQLRelationshipValidationError: 'BAD_USER_INPUT',
  // Raised while translating a request (an argument combination it cannot serve).
  Neo4jGraphQLError: 'BAD_USER_INPUT',
};

/** The chain of errors behind a GraphQL error: itself, its originalError, their causes. */
function chain(error: unknown): unknown[] {
  const out: unknown[] = [];
  let e: unknown = error;
  for (let i = 0; i < 6 && e && !out.includes(e); i++) {
    out.push(e);
    const next = e as { originalError?: unknown; cause?: unknown };
    e = next.originalError ?? next.cause;
  }
  return out;
}

/**
 * Requests too large to even check: graphql-js stops validating a query whose fields take too long to compare
 * ("Validation aborted.", e.g. one field repeated thousands of times), and a query or variables nested thousands
 * deep overflow the parser's stack. Both are the limits' QUERY_TOO_COMPLEX, with a message that says so.
 */
function tooLargeToCheck(errors: unknown[]): AppError | undefined {
  const messages = errors.map((e) => (e as { message?: unknown })?.message);
  if (messages.includes('Validation aborted.')) {
    return new AppError(
      'QUERY_TOO_COMPLEX',
      'The query repeats too many fields to be checked: ask for each field once.',
    );
  }
  if (messages.some((m) => typeof m === 'string' && /Maximum call stack size exceeded/.test(m))) {
    return new AppError('QUERY_TOO_COMPLEX', 'The query or its variables are nested too deeply.');
  }
  return undefined;
}

/** The AppError an error stands for: thrown by our code, or mapped from the driver or @neo4j/graphql. */
export function appErrorOf(error: unknown): AppError | undefined {
  const errors = chain(error);
  const app = errors.find((e): e is AppError => e instanceof AppError);
  if (app) return app;
  const tooLarge = tooLargeToCheck(errors);
  if (tooLarge) return tooLarge;
  const driverError = errors.find((e): e is Neo4jError => e instanceof Neo4jError);
  if (driverError) return mapDatabaseError(driverError, 'typed-query');
  for (const e of errors) {
    const name = (e as { name?: unknown }).name;
    const code = typeof name === 'string' ? NEO4J_GRAPHQL_TO_CONTRACT[name] : undefined;
    if (code) return new AppError(code, (e as Error).message);
  }
  return undefined;
}

/** The contract code for an error and its already-formatted form. */
export function codeOf(formatted: GraphQLFormattedError, error: unknown): ErrorCode {
  const app = appErrorOf(error);
  if (app) return app.code;
  const rawCode = formatted.extensions?.code;
  if (isErrorCode(rawCode)) return rawCode;
  if (typeof rawCode === 'string' && APOLLO_TO_CONTRACT[rawCode]) return APOLLO_TO_CONTRACT[rawCode];
  return 'INTERNAL_SERVER_ERROR';
}

/** Builds Apollo's `formatError`: contract codes everywhere, internals hidden when `production`. */
export function makeFormatError(production: boolean, log: (message: string, error: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    try {
      const app = appErrorOf(error);
      const code = codeOf(formatted, error);
      if (code === 'INTERNAL_SERVER_ERROR') log(`internal error: ${formatted.message}`, app?.cause ?? error);
      // Our own messages (AppError, also for mapped driver errors) are written for users; any other internal
      // message may carry Cypher or driver text, so production replaces it.
      let message: string;
      if (app) message = !production && code === 'INTERNAL_SERVER_ERROR' ? formatted.message : app.message;
      else
        message =
          production && code === 'INTERNAL_SERVER_ERROR' ? 'Internal server error' : formatted.message;
      const extensions: Record<string, unknown> = { code };
      if (app?.details) Object.assign(extensions, app.details);
      if (!production && formatted.extensions?.stacktrace)
        extensions.stacktrace = formatted.extensions.stacktrace;
      const out: GraphQLFormattedError = { message, extensions };
      return {
        ...out,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
      };
    } catch {
      return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
  };
}
