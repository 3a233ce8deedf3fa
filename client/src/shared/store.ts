// A small observable store: one value, replaced by pure actions `(state, input) => newState`. Each concept keeps
// its state in one (created in app/stores.ts); components read it with `useStore`, and the async workflows read
// the latest value with `get()`, so no component mirrors state in refs.
import { useSyncExternalStore } from 'react';

export interface Store<S> {
  get(): S;
  /** Replaces the value with `update(value)`; listeners hear of it only when it changed. */
  set(update: (state: S) => S): void;
  subscribe(listener: () => void): () => void;
}

/** A store holding `initial`. */
export function createStore<S>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(update) {
      const next = update(state);
      if (Object.is(next, state)) return;
      state = next;
      for (const l of [...listeners]) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The store's value, re-rendering the component when it changes. */
export function useStore<S>(store: Store<S>): S {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
