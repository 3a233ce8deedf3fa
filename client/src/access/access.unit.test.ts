import { describe, expect, it } from 'vitest';
import type { Viewer } from '../api/types.ts';
import { ready } from '../shared/loadable.ts';
import {
  dialogReason,
  initialAccess,
  readOnlyViewer,
  signedIn,
  signedOut,
  signInAsked,
  signInCancelled,
  signInFromAccount,
  signInToLoad,
  unauthenticated,
  viewerLoaded,
} from './access.ts';

const reader: Viewer = { name: 'ann', role: 'READER', tokensRequired: true };
const editor: Viewer = { name: 'ed', role: 'EDITOR', tokensRequired: true };
const anonymous: Viewer = { name: null, role: 'READER', tokensRequired: true };
const open: Viewer = { name: null, role: 'EDITOR', tokensRequired: false };

describe('signing in', () => {
  it('opens the dialog when the server refuses, saying why, and keeps the reason of a dialog already open', () => {
    expect(unauthenticated(initialAccess, false).signIn).toBe('required');
    expect(unauthenticated(initialAccess, true).signIn).toBe('refused');
    const forbidden = signInAsked(initialAccess, 'forbidden');
    expect(unauthenticated(forbidden, true)).toBe(forbidden);
  });

  it('closes the dialog with the viewer once a token is kept; signing out forgets who it was', () => {
    const s = signedIn(signInAsked(initialAccess, 'required'), editor);
    expect(s).toEqual({ signIn: null, viewer: ready(editor) });
    expect(signedOut(s).viewer.type).toBe('loading');
    expect(signInCancelled(signInAsked(s, 'change')).signIn).toBeNull();
  });

  it('says "save" where reading needs no token but a write asked for one', () => {
    const required = signInAsked(initialAccess, 'required');
    expect(dialogReason(required)).toBe('required');
    expect(dialogReason(viewerLoaded(required, anonymous))).toBe('save');
    expect(dialogReason(viewerLoaded(signInAsked(initialAccess, 'refused'), anonymous))).toBe('refused');
    expect(dialogReason(initialAccess)).toBeNull();
  });

  it('asks to sign in again after a refusal, or to change the token from the account menu', () => {
    expect(signInToLoad(true)).toBe('refused');
    expect(signInToLoad(false)).toBe('required');
    expect(signInFromAccount(true)).toBe('change');
    expect(signInFromAccount(false)).toBe('required');
  });
});

describe('read-only access', () => {
  it('is a reader on a server with tokens, not an editor nor a server without tokens', () => {
    expect(readOnlyViewer(ready(reader))).toEqual(reader);
    expect(readOnlyViewer(ready(anonymous))).toEqual(anonymous);
    expect(readOnlyViewer(ready(editor))).toBeNull();
    expect(readOnlyViewer(ready(open))).toBeNull();
    expect(readOnlyViewer(initialAccess.viewer)).toBeNull();
  });
});
