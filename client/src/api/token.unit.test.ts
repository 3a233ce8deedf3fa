import { describe, expect, it } from 'vitest';
import { createTokenStore, TOKEN_KEY, type KeyValueStorage } from './token.ts';

const storage = () => {
  const m = new Map<string, string>();
  const s: KeyValueStorage & { m: Map<string, string> } = {
    m,
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
  };
  return s;
};

describe('the token store', () => {
  it('keeps the token for this tab only, unless asked to remember it on this browser', () => {
    const session = storage();
    const local = storage();
    const store = createTokenStore(session, local);
    expect(store.get()).toBeNull();
    store.set(' abc-0123456789abcdef ', false);
    expect(store.get()).toBe('abc-0123456789abcdef');
    expect(session.m.get(TOKEN_KEY)).toBe('abc-0123456789abcdef');
    expect(local.m.has(TOKEN_KEY)).toBe(false);
    expect(store.remembered()).toBe(false);

    store.set('def-0123456789abcdef', true);
    expect(local.m.get(TOKEN_KEY)).toBe('def-0123456789abcdef');
    expect(session.m.has(TOKEN_KEY)).toBe(false);
    expect(store.remembered()).toBe(true);
    // A new page on this browser (a fresh session storage) finds it.
    expect(createTokenStore(storage(), local).get()).toBe('def-0123456789abcdef');
  });

  it('forgets it everywhere on sign-out, and tells subscribers of every change', () => {
    const session = storage();
    const local = storage();
    const store = createTokenStore(session, local);
    let changes = 0;
    const off = store.subscribe(() => changes++);
    store.set('abc-0123456789abcdef', true);
    store.clear();
    expect(store.get()).toBeNull();
    expect(local.m.size + session.m.size).toBe(0);
    expect(changes).toBe(2);
    off();
    store.set('abc-0123456789abcdef', false);
    expect(changes).toBe(2);
  });

  it('keeps the token in memory for this page when the browser refuses storage', () => {
    const refusing: KeyValueStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {},
    };
    const store = createTokenStore(refusing, refusing);
    store.set('abc-0123456789abcdef', false);
    expect(store.get()).toBe('abc-0123456789abcdef');
    store.clear();
    expect(store.get()).toBeNull();
  });
});
