// The one GraphQL client of the explorer: POSTs an operation to /graphql and returns its data, or throws an
// ApiError carrying the contract's `extensions.code` (or NETWORK when the server cannot be reached at all).

/** Codes the client distinguishes; any other server code is kept as a string. */
export type ApiErrorCode =
  | 'NETWORK'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'DATABASE_UNAVAILABLE'
  | 'QUERY_TOO_COMPLEX'
  | 'INTERNAL_SERVER_ERROR'
  | (string & {});

/** An error from the API, with the code the contract gives it. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: ApiErrorCode,
    readonly status?: number,
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

/** Runs one GraphQL operation and resolves with its data; rejects with an ApiError. */
export async function request<T>(
  query: string,
  variables: Record<string, unknown> = {},
  init: { signal?: AbortSignal; url?: string } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(init.url ?? GRAPHQL_URL, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
      },
      body: JSON.stringify({ query, variables }),
      signal: init.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError('The explorer’s server cannot be reached.', 'NETWORK');
  }
  let body: GraphQLResponse<T> | undefined;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    body = undefined;
  }
  const first = body?.errors?.[0];
  if (first) {
    const code =
      first.extensions?.code ?? (response.status === 503 ? 'DATABASE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR');
    throw new ApiError(first.message, code, response.status);
  }
  if (!response.ok || !body || body.data == null) {
    const code =
      response.status === 503
        ? 'DATABASE_UNAVAILABLE'
        : response.status >= 500 || !body
          ? 'NETWORK'
          : 'INTERNAL_SERVER_ERROR';
    throw new ApiError(
      `The server answered ${response.status} ${response.statusText}`.trim(),
      code,
      response.status,
    );
  }
  return body.data;
}

/** A sentence for the user about what went wrong and what to do. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'NETWORK':
        return 'The explorer’s server cannot be reached. Check that it is running, then retry.';
      case 'DATABASE_UNAVAILABLE':
        return 'The graph database is not answering. The server keeps trying; retry in a moment.';
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
