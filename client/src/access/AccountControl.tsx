// The header's account control: on a server with tokens, who is signed in (the token's name and role) with
// "Change token" and "Sign out", or "Sign in" when no token is in use. Nothing on a server without tokens.
import { useSyncExternalStore, type MouseEvent } from 'react';
import { tokens } from '../api/token.ts';
import type { Viewer } from '../api/types.ts';
import type { Loadable } from '../shared/loadable.ts';

interface Props {
  viewer: Loadable<Viewer>;
  onSignIn: () => void;
  onSignOut: () => void;
}

/** Shows the token in use and lets the analyst change it or sign out. */
export function AccountControl({ viewer, onSignIn, onSignOut }: Props) {
  const token = useSyncExternalStore(tokens.subscribe, tokens.get);
  const remembered = useSyncExternalStore(tokens.subscribe, tokens.remembered);
  const known = viewer.type === 'ready' ? viewer.value : null;
  if (known && !known.tokensRequired) return null;
  if (!token) {
    // No token: offer to sign in where the server takes tokens (anonymous reads) or asked for one.
    const asked = viewer.type === 'error' && viewer.code === 'UNAUTHENTICATED';
    return known || asked ? (
      <button type="button" className="account" data-testid="account" onClick={onSignIn}>
        Sign in
      </button>
    ) : null;
  }
  const role = known ? (known.role === 'EDITOR' ? 'editor' : 'reader') : null;
  return (
    <details className="account" data-testid="account">
      <summary aria-label={`Access token in use${known?.name ? `: ${known.name}` : ''}`}>
        {known?.name ?? 'Token in use'}
        {role && <span className="muted small"> · {role}</span>}
        <span aria-hidden="true"> ▾</span>
      </summary>
      <div className="account-menu">
        <p>
          {known?.name ? (
            <>
              Signed in as <strong>{known.name}</strong>
              {role === 'reader'
                ? ' with a reader token: you can explore but not save views.'
                : ' with an editor token.'}
            </>
          ) : (
            'An access token is in use.'
          )}
        </p>
        <p className="muted small">
          {remembered ? 'Remembered on this browser until you sign out.' : 'Kept for this tab only.'}
        </p>
        <p className="dialog-buttons">
          <button type="button" onClick={closeThen(onSignIn)}>
            Change token
          </button>
          <button type="button" onClick={closeThen(onSignOut)}>
            Sign out
          </button>
        </p>
      </div>
    </details>
  );
}

/** A click handler that closes the menu the button sits in, then runs `action`. */
function closeThen(action: () => void) {
  return (e: MouseEvent<HTMLButtonElement>) => {
    e.currentTarget.closest('details')?.removeAttribute('open');
    action();
  };
}
