// Over the canvas while the graph loads, and when it cannot: what went wrong and the way on (retry, sign in,
// or open the memo's graph when a saved view is missing).
import type { Loadable } from '../shared/loadable.ts';
import { loadErrorTitle } from './connection.ts';

interface Props {
  page: Loadable<null>;
  onRetry: () => void;
  onSignIn: () => void;
  onOpenMemo: () => void;
}

/** The loading spinner or the load error, or nothing once the graph is drawn. */
export function LoadOverlay({ page, onRetry, onSignIn, onOpenMemo }: Props) {
  if (page.type === 'loading') {
    return (
      <div className="overlay" role="status">
        <div className="spinner" aria-hidden="true" /> Loading the graph…
      </div>
    );
  }
  if (page.type !== 'error') return null;
  return (
    <div className="overlay error" role="alert" data-testid="load-error">
      <h2>{loadErrorTitle(page.code)}</h2>
      <p>{page.message}</p>
      <p>
        {page.code === 'UNAUTHENTICATED' ? (
          <button type="button" onClick={onSignIn} autoFocus>
            Sign in
          </button>
        ) : (
          <button type="button" onClick={onRetry} autoFocus>
            Retry
          </button>
        )}{' '}
        {page.code === 'NOT_FOUND' && (
          <button type="button" onClick={onOpenMemo}>
            Open the memo’s graph
          </button>
        )}
      </p>
    </div>
  );
}
