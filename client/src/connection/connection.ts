// Connection status: whether the page's graph loaded (and why not), the reads the rate limiter refused that the
// client retries by itself, and the one-line notice under the canvas. State and pure actions.
import type { ClientEvent } from '../api/client.ts';
import { failed, loading, ready, type Loadable } from '../shared/loadable.ts';

/** Reads the rate limiter refused and the client will retry by itself: how many, and the longest wait. */
export interface Waiting {
  count: number;
  seconds: number;
}

export interface ConnectionState {
  page: Loadable<null>;
  waiting: Waiting;
  notice: string | null;
}

export const initialConnection: ConnectionState = {
  page: loading,
  waiting: { count: 0, seconds: 0 },
  notice: null,
};

/** The page's graph is loading: the notice of the last page goes. */
export function pageLoading(state: ConnectionState): ConnectionState {
  return { ...state, page: loading, notice: null };
}

/** The page's graph is drawn. */
export function pageLoaded(state: ConnectionState): ConnectionState {
  return { ...state, page: ready(null) };
}

/** The page's graph could not be loaded. */
export function pageFailed(state: ConnectionState, message: string, code?: string): ConnectionState {
  return { ...state, page: failed(message, code) };
}

/** Shows a notice (null dismisses it). */
export function noticeShown(state: ConnectionState, notice: string | null): ConnectionState {
  return state.notice === notice ? state : { ...state, notice };
}

/** Counts a rate-limited read the client waits for, or one it has finished waiting for. */
export function waitingChanged(
  state: ConnectionState,
  event: Extract<ClientEvent, { type: 'waiting' | 'waited' }>,
): ConnectionState {
  const w = state.waiting;
  const waiting =
    event.type === 'waiting'
      ? { count: w.count + 1, seconds: Math.max(w.seconds, event.seconds) }
      : w.count <= 1
        ? { count: 0, seconds: 0 }
        : { ...w, count: w.count - 1 };
  return { ...state, waiting };
}

/** The heading of the message shown when the graph cannot be loaded. */
export function loadErrorTitle(code: string | undefined): string {
  switch (code) {
    case 'NOT_FOUND':
      return 'Saved view not found';
    case 'UNAUTHENTICATED':
      return 'Sign-in needed';
    case 'REQUEST_TIMEOUT':
      return 'The graph took too long to load';
    default:
      return 'The graph cannot be loaded';
  }
}

/** The notice shown while the client waits out a rate limit. */
export function waitingNotice({ seconds }: Waiting): string {
  return `The server asks the explorer to slow down: trying again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}…`;
}
