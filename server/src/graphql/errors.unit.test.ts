// The error normaliser: every error gets a contract code; production hides what was not written for users.
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.ts';
import { graphql } from './graphql-runtime.ts';
import { makeFormatError } from './errors.ts';

const format = (production: boolean) => makeFormatError(production, () => {});
const wrap = (originalError: Error, extensions: Record<string, unknown> = {}) =>
  new graphql.GraphQLError(originalError.message, { originalError, extensions });
const formatted = (e: InstanceType<typeof graphql.GraphQLError>) => ({
  message: e.message,
  extensions: { ...e.extensions, stacktrace: ['at secret.ts:1'] },
});

describe('formatError', () => {
  it('maps an unreachable database to DATABASE_UNAVAILABLE with a message for users', () => {
    const e = wrap(new Neo4jError('Failed to connect to server: ECONNREFUSED', 'ServiceUnavailable', '', ''));
    expect(format(true)(formatted(e), e)).toEqual({
      message: 'The graph database cannot be reached right now.',
      extensions: { code: 'DATABASE_UNAVAILABLE' },
    });
  });

  it("maps @neo4j/graphql's errors by class", () => {
    const forbidden = Object.defineProperty(new Error('Forbidden'), 'name', {
      value: 'Neo4jGraphQLForbiddenError',
    });
    const e = wrap(forbidden);
    expect(format(true)(formatted(e), e).extensions?.code).toBe('FORBIDDEN');
  });

  it("maps Apollo's parse and validation codes to BAD_USER_INPUT", () => {
    for (const code of ['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST']) {
      const e = new graphql.GraphQLError('bad', { extensions: { code } });
      expect(format(true)(formatted(e), e).extensions?.code, code).toBe('BAD_USER_INPUT');
    }
  });

  it('keeps an AppError code, message and details', () => {
    const e = wrap(new AppError('BAD_USER_INPUT', 'Unknown node ids: x', { unknownIds: ['x'] }));
    expect(format(true)(formatted(e), e)).toEqual({
      message: 'Unknown node ids: x',
      extensions: { code: 'BAD_USER_INPUT', unknownIds: ['x'] },
    });
  });

  it('hides an unexpected error in production and shows it with its stack in development', () => {
    const e = wrap(new Error('MATCH (n) RETURN n exploded'));
    expect(format(true)(formatted(e), e)).toEqual({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    const dev = format(false)(formatted(e), e);
    expect(dev.message).toContain('exploded');
    expect(dev.extensions?.stacktrace).toBeDefined();
  });
});
