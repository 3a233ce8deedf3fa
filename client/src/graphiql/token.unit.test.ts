import { describe, expect, it } from 'vitest';
import { withToken } from './token.ts';

describe('the console’s token', () => {
  it('is added as the Authorization header', () => {
    const init = withToken(
      { method: 'POST', headers: { 'content-type': 'application/json' } },
      'tok-0123456789abcdef',
    );
    const headers = new Headers(init?.headers);
    expect(headers.get('authorization')).toBe('Bearer tok-0123456789abcdef');
    expect(headers.get('content-type')).toBe('application/json');
    expect(init?.method).toBe('POST');
  });

  it('gives way to an Authorization header set in the console, and is left out without a token', () => {
    const own = withToken(
      { headers: { Authorization: 'Bearer mine-0123456789abcdef' } },
      'tok-0123456789abcdef',
    );
    expect(new Headers(own?.headers).get('authorization')).toBe('Bearer mine-0123456789abcdef');
    const none = { headers: { 'content-type': 'application/json' } };
    expect(withToken(none, null)).toBe(none);
  });
});
