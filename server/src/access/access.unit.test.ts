import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.ts';
import { actorOf, requireRole, roleAllows, type Access } from './index.ts';
import {
  bearerToken,
  checkDevSwitch,
  checkListenAccess,
  isLoopbackHost,
  parseApiTokens,
  tokenStore,
} from './tokens.ts';

const EDITOR = 'editor-token-0123456789';
const READER = 'reader-token-0123456789';

describe('API_TOKENS', () => {
  it('parses name:role:token entries, a token may contain colons', () => {
    expect(parseApiTokens(` ana:editor:${EDITOR} , bo:reader:a:b:c:0123456789abcdef`)).toEqual([
      { name: 'ana', role: 'editor', token: EDITOR },
      { name: 'bo', role: 'reader', token: 'a:b:c:0123456789abcdef' },
    ]);
    expect(parseApiTokens(undefined)).toEqual([]);
    expect(parseApiTokens('  ')).toEqual([]);
  });

  it('refuses malformed entries in one line that never shows a token', () => {
    const cases: [string, RegExp][] = [
      [`ana:admin:${EDITOR}`, /entry 1 \(ana\): the role must be reader or editor, not "admin"/],
      ['ana:editor:short', /entry 1 \(ana\): the token must be at least 16/],
      [`ana:editor:${EDITOR},`, /entry 2 is empty/],
      [`ana:editor:${EDITOR},ana:reader:${READER}`, /the name "ana" is used twice/],
      [`ana:editor:${EDITOR},bo:reader:${EDITOR}`, /entry 2 \(bo\): its token is used twice/],
      ['no-colons', /entry 1 is not "name:role:token"/],
      [':editor', /entry 1 is not "name:role:token"/],
      [':editor:0123456789abcdef', /entry 1: the name must be/],
      ['ana:editor', /entry 1 is not "name:role:token"/],
      [`bad name:editor:${EDITOR}`, /entry 1: the name must be/],
      ['ana:editor:has a space in it here', /printable characters without spaces/],
    ];
    for (const [raw, message] of cases) {
      let error: Error | undefined;
      try {
        parseApiTokens(raw);
      } catch (e) {
        error = e as Error;
      }
      expect(error?.message, raw).toMatch(message);
      expect(error?.message).not.toContain(EDITOR);
      expect(error?.message.includes('\n')).toBe(false);
    }
  });

  it('identifies a token, and nothing else', () => {
    const store = tokenStore(parseApiTokens(`ana:editor:${EDITOR},bo:reader:${READER}`));
    expect(store.size).toBe(2);
    expect(store.identify(EDITOR)).toEqual({ name: 'ana', role: 'editor' });
    expect(store.identify(READER)).toEqual({ name: 'bo', role: 'reader' });
    for (const wrong of ['', EDITOR.slice(0, -1), `${EDITOR}x`, EDITOR.toUpperCase(), 'ana']) {
      expect(store.identify(wrong)).toBeNull();
    }
  });

  it('reads the bearer token of an Authorization header', () => {
    expect(bearerToken(undefined)).toBeNull();
    expect(bearerToken(`Bearer ${EDITOR}`)).toBe(EDITOR);
    expect(bearerToken(`bearer  ${EDITOR} `)).toBe(EDITOR);
    expect(bearerToken(`Basic ${EDITOR}`)).toBe('malformed');
    expect(bearerToken('Bearer')).toBe('malformed');
    expect(bearerToken('Bearer a b')).toBe('malformed');
    expect(bearerToken('')).toBeNull();
    expect(bearerToken(`X-Bearer ${EDITOR}`)).toBe('malformed');
  });
});

describe('listening beyond loopback', () => {
  it('knows loopback addresses', () => {
    for (const h of [
      '127.0.0.1',
      '127.1.2.3',
      'localhost',
      '::1',
      '[::1]',
      '::ffff:127.0.0.1',
      'app.localhost',
    ])
      expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['LOCALHOST', ' 127.0.0.1 ', '[::1]', '0:0:0:0:0:0:0:1', '127.10.200.255'])
      expect(isLoopbackHost(h), h).toBe(true);
    for (const h of [
      '0.0.0.0',
      '::',
      '',
      '192.168.1.10',
      'example.org',
      '127.0.0.1.example.org',
      '10.0.0.1',
      'x127.0.0.1',
      '1::ffff:127.0.0.1',
      '[::1',
      '127.0.0.1x',
    ])
      expect(isLoopbackHost(h), h).toBe(false);
  });

  it('needs tokens anywhere else', () => {
    expect(() => checkListenAccess('127.0.0.1', 0)).not.toThrow();
    expect(() => checkListenAccess('0.0.0.0', 1)).not.toThrow();
    expect(() => checkListenAccess('0.0.0.0', 0)).toThrow(/HOST=0\.0\.0\.0 .* needs API_TOKENS/);
  });

  it('allows the development switch DEV_ERRORS on loopback only', () => {
    expect(() => checkDevSwitch('127.0.0.1', true)).not.toThrow();
    expect(() => checkDevSwitch('0.0.0.0', false)).not.toThrow();
    expect(() => checkDevSwitch('0.0.0.0', true)).toThrow(/DEV_ERRORS=true .* not HOST=0\.0\.0\.0/);
  });
});

describe('roles', () => {
  const tokens = (principal: Access['principal']): Access => ({ mode: 'tokens', principal });
  const codeOf = (f: () => void) => {
    try {
      f();
      return 'allowed';
    } catch (e) {
      return (e as AppError).code;
    }
  };

  it('lets an editor write, a reader read, and anyone do anything in open mode', () => {
    expect(roleAllows('editor', 'reader')).toBe(true);
    expect(roleAllows('reader', 'editor')).toBe(false);
    expect(codeOf(() => requireRole(undefined, 'editor', 'x'))).toBe('allowed');
    expect(codeOf(() => requireRole({ mode: 'open', principal: null }, 'editor', 'x'))).toBe('allowed');
    expect(codeOf(() => requireRole(tokens({ name: 'a', role: 'editor' }), 'editor', 'x'))).toBe('allowed');
    expect(codeOf(() => requireRole(tokens({ name: 'b', role: 'reader' }), 'editor', 'x'))).toBe('FORBIDDEN');
    expect(codeOf(() => requireRole(tokens(null), 'editor', 'x'))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => requireRole(tokens(null), 'reader', 'x'))).toBe('UNAUTHENTICATED');
  });

  it('says what is needed and what the token is', () => {
    const messageOf = (f: () => void) => {
      try {
        f();
      } catch (e) {
        return (e as Error).message;
      }
      return null;
    };
    expect(messageOf(() => requireRole(tokens(null), 'editor', 'Saving a view'))).toBe(
      'Saving a view needs an editor token: send "Authorization: Bearer <token>".',
    );
    expect(messageOf(() => requireRole(tokens(null), 'reader', 'Reading the graph'))).toBe(
      'Reading the graph needs a reader or editor token: send "Authorization: Bearer <token>".',
    );
    expect(
      messageOf(() => requireRole(tokens({ name: 'ann', role: 'reader' }), 'editor', 'Saving a view')),
    ).toBe('Saving a view needs an editor token; the token "ann" is a reader token.');
    expect(messageOf(() => requireRole(tokens({ name: 'ann', role: 'reader' }), 'reader', 'x'))).toBeNull();
    expect(actorOf(tokens(null))).toBe('local');
  });

  it('records the token name, or "local"', () => {
    expect(actorOf(undefined)).toBe('local');
    expect(actorOf(tokens({ name: 'ana', role: 'editor' }))).toBe('ana');
  });
});
