// The error table decides a GraphQL answer's HTTP status: the database's absence and timeouts always, a refusal
// when it left no data, anything else never (it travels in a 200 result beside the data).
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_TABLE, statusCode, statusOf } from './errors.ts';

describe('the error table', () => {
  it('gives every code a status and says which may be retried', () => {
    for (const code of ERROR_CODES) expect(statusOf(code)).toBeGreaterThanOrEqual(400);
    expect(ERROR_CODES.filter((c) => ERROR_TABLE[c].retryable).sort()).toEqual([
      'DATABASE_UNAVAILABLE',
      'RATE_LIMITED',
      'REQUEST_TIMEOUT',
    ]);
  });

  it('picks the code that sets the status of a GraphQL result', () => {
    expect(statusCode(['NOT_FOUND', 'DATABASE_UNAVAILABLE'], true)).toBe('DATABASE_UNAVAILABLE');
    expect(statusCode(['REQUEST_TIMEOUT'], true)).toBe('REQUEST_TIMEOUT');
    expect(statusCode(['FORBIDDEN'], false)).toBe('FORBIDDEN');
    expect(statusCode(['FORBIDDEN'], true)).toBeUndefined();
    expect(statusCode(['NOT_FOUND', 'CONFLICT', 'BAD_USER_INPUT'], false)).toBeUndefined();
    expect(statusCode(['SOMETHING_NEW', undefined], false)).toBeUndefined();
  });
});
