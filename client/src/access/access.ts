// Sign-in and access: who the server says the token in use belongs to (the viewer), and whether the sign-in
// dialog is open and why. State and pure actions; the dialog and the account menu render them.
import type { Viewer } from '../api/types.ts';
import { failed, loading, ready, type Loadable } from '../shared/loadable.ts';

/** Why the dialog opens; it decides the sentence at its top. */
export type SignInReason =
  /** The server needs a token and none is in use. */
  | 'required'
  /** The server refused the token in use. */
  | 'refused'
  /** A write was refused: the token can read but not save. */
  | 'forbidden'
  /** Reading needs no token here (anonymous reads), saving does. */
  | 'save'
  /** The analyst asked to use another token. */
  | 'change';

export interface AccessState {
  viewer: Loadable<Viewer>;
  /** Why the sign-in dialog is open, or null when it is closed. */
  signIn: SignInReason | null;
}

export const initialAccess: AccessState = { viewer: loading, signIn: null };

/** The server told who the token in use belongs to. */
export function viewerLoaded(state: AccessState, viewer: Viewer): AccessState {
  return { ...state, viewer: ready(viewer) };
}

/** The server could not say who is signed in. */
export function viewerFailed(state: AccessState, message: string, code?: string): AccessState {
  return { ...state, viewer: failed(message, code) };
}

/** Opens the dialog for `reason` (or changes why it is open). */
export function signInAsked(state: AccessState, reason: SignInReason): AccessState {
  return { ...state, signIn: reason };
}

/** The server refused a request for want of a valid token: the dialog opens unless it is open already. */
export function unauthenticated(state: AccessState, hasToken: boolean): AccessState {
  return state.signIn ? state : { ...state, signIn: hasToken ? 'refused' : 'required' };
}

/** The dialog closes without signing in. */
export function signInCancelled(state: AccessState): AccessState {
  return { ...state, signIn: null };
}

/** A token was checked and kept. */
export function signedIn(_state: AccessState, viewer: Viewer): AccessState {
  return { signIn: null, viewer: ready(viewer) };
}

/** The token was forgotten: who is signed in is unknown until the server says. */
export function signedOut(state: AccessState): AccessState {
  return { ...state, viewer: loading };
}

/** The sign-in the load error's button asks for. */
export function signInToLoad(hasToken: boolean): SignInReason {
  return hasToken ? 'refused' : 'required';
}

/** The sign-in the account control's button asks for. */
export function signInFromAccount(hasToken: boolean): SignInReason {
  return hasToken ? 'change' : 'required';
}

/** Why the dialog says it is open: reading without a token (anonymous reads) where a write asked for one. */
export function dialogReason(state: AccessState): SignInReason | null {
  const { signIn, viewer } = state;
  return signIn === 'required' && viewer.type === 'ready' && viewer.value.tokensRequired ? 'save' : signIn;
}

/** The viewer when it may read but not save on a server with tokens, else null. */
export function readOnlyViewer(viewer: Loadable<Viewer>): Viewer | null {
  return viewer.type === 'ready' && viewer.value.tokensRequired && viewer.value.role === 'READER'
    ? viewer.value
    : null;
}
