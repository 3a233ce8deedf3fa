// An answer of the API for what a component shows: asked when `key` or `refresh` changes (the previous request
// aborted), loading until the answer for this very key and refresh comes, and the error described when it fails.
// A null key asks nothing.
import { useEffect, useRef, useState } from 'react';
import { describeError } from '../api/client.ts';
import { failed, loading, ready, type Loadable } from './loadable.ts';

/**
 * The answer of `ask` for `key` (a string naming what is asked: a node's id) and `refresh` (anything whose
 * identity changes when the same question must be asked again: the list of views after a save).
 */
export function useAnswer<T>(
  key: string | null,
  refresh: unknown,
  ask: (signal: AbortSignal) => Promise<T>,
): Loadable<T> {
  const [answer, setAnswer] = useState<{ key: string; refresh: unknown; result: Loadable<T> }>();
  // The latest `ask`: it closes over what `key` and `refresh` name, so they are what ask again.
  // Kept in an effect that runs before the one that asks.
  const asker = useRef(ask);
  useEffect(() => {
    asker.current = ask;
  });
  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    asker.current(controller.signal).then(
      (value) => setAnswer({ key, refresh, result: ready(value) }),
      (e: unknown) => {
        if ((e as Error).name !== 'AbortError') setAnswer({ key, refresh, result: failed(describeError(e)) });
      },
    );
    return () => controller.abort();
  }, [key, refresh]);
  return key !== null && answer?.key === key && answer.refresh === refresh ? answer.result : loading;
}
