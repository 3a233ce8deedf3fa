import { describe, expect, it } from 'vitest';
import { createStore } from './store.ts';

describe('a store', () => {
  it('applies pure actions and tells its listeners only of real changes', () => {
    const store = createStore({ count: 0 });
    let heard = 0;
    const stop = store.subscribe(() => heard++);
    store.set((s) => ({ count: s.count + 1 }));
    store.set((s) => s);
    expect(store.get()).toEqual({ count: 1 });
    expect(heard).toBe(1);
    stop();
    store.set((s) => ({ count: s.count + 1 }));
    expect(heard).toBe(1);
    expect(store.get().count).toBe(2);
  });
});
