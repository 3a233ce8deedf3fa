import { describe, expect, it } from 'vitest';
import { OPEN_ACCESS } from './index.ts';
import { viewerOf } from './viewer.ts';

describe('viewer', () => {
  it('names the token and its role', () => {
    expect(viewerOf({ mode: 'tokens', principal: { name: 'ana', role: 'editor' } })).toEqual({
      name: 'ana',
      role: 'EDITOR',
      tokensRequired: true,
    });
    expect(viewerOf({ mode: 'tokens', principal: { name: 'bo', role: 'reader' } })).toEqual({
      name: 'bo',
      role: 'READER',
      tokensRequired: true,
    });
  });

  it('is the editor "local" without tokens, and a nameless reader for anonymous reads', () => {
    expect(viewerOf(OPEN_ACCESS)).toEqual({ name: 'local', role: 'EDITOR', tokensRequired: false });
    expect(viewerOf(undefined)).toEqual({ name: 'local', role: 'EDITOR', tokensRequired: false });
    expect(viewerOf({ mode: 'tokens', principal: null })).toEqual({
      name: null,
      role: 'READER',
      tokensRequired: true,
    });
  });
});
