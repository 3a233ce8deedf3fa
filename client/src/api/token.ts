// The access token the explorer sends as `Authorization: Bearer …`. Kept in sessionStorage (forgotten when the tab
// closes) unless the analyst chose "remember on this browser" (localStorage). Never in a cookie, so no other site
// can make the browser send it. The GraphQL console reads the same token.

/** The storage key, the same in sessionStorage and localStorage. */
export const TOKEN_KEY = 'kg-explorer.token';

/** The part of the Web Storage API used here (tests pass their own). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The token in use and where it is kept; changes are announced to subscribers. */
export interface TokenStore {
  /** The token in use, or null. */
  get(): string | null;
  /** True when the token is kept in localStorage (survives closing the browser). */
  remembered(): boolean;
  /** Uses `token` from now on, in localStorage when `remember`, otherwise in sessionStorage only. */
  set(token: string, remember: boolean): void;
  /** Forgets the token everywhere (signing out). */
  clear(): void;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/** A storage that may be missing or refuse access (private modes, disabled storage) becomes a Map in memory. */
function memoryStorage(): KeyValueStorage {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
  };
}

function browserStorage(name: 'sessionStorage' | 'localStorage'): KeyValueStorage {
  try {
    const s = (globalThis as Record<string, unknown>)[name] as Storage | undefined;
    if (!s) return memoryStorage();
    s.getItem(TOKEN_KEY);
    return s;
  } catch {
    return memoryStorage();
  }
}

/** A token store over a session and a local storage. */
export function createTokenStore(session: KeyValueStorage, local: KeyValueStorage): TokenStore {
  const listeners = new Set<() => void>();
  const read = (s: KeyValueStorage) => {
    try {
      const v = s.getItem(TOKEN_KEY);
      return v && v.trim() ? v.trim() : null;
    } catch {
      return null;
    }
  };
  const write = (s: KeyValueStorage, v: string | null): boolean => {
    try {
      if (v === null) s.removeItem(TOKEN_KEY);
      else s.setItem(TOKEN_KEY, v);
      return true;
    } catch {
      return false;
    }
  };
  // Where the storage refuses to keep it, the token lasts as long as this page.
  let fallback: string | null = null;
  const notify = () => listeners.forEach((l) => l());
  return {
    get: () => read(session) ?? read(local) ?? fallback,
    remembered: () => read(session) === null && read(local) !== null,
    set(token, remember) {
      const t = token.trim();
      const kept = write(remember ? local : session, t);
      write(remember ? session : local, null);
      fallback = kept ? null : t;
      notify();
    },
    clear() {
      write(session, null);
      write(local, null);
      fallback = null;
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The page's token store. */
export const tokens: TokenStore = createTokenStore(
  browserStorage('sessionStorage'),
  browserStorage('localStorage'),
);
