import { describe, expect, it } from 'vitest';
import { isOwnDocument, sourceAddress } from './sourceLabel.ts';

describe('where a source is found', () => {
  it('the memo itself (no footnote, no address) is "this document", with its publisher when known', () => {
    expect(isOwnDocument({ url: null, footnote: null, publisher: null })).toBe(true);
    expect(sourceAddress({ url: null, footnote: null, publisher: null })).toBe('this document');
    expect(sourceAddress({ url: null, footnote: null, publisher: 'Think tank' })).toBe(
      'this document (Think tank)',
    );
  });

  it('a footnoted source gives its address, or none', () => {
    expect(sourceAddress({ url: 'https://tass.com/x', footnote: 3, publisher: 'TASS' })).toBe(
      'https://tass.com/x',
    );
    expect(isOwnDocument({ url: null, footnote: 8, publisher: null })).toBe(false);
    expect(sourceAddress({ url: null, footnote: 8, publisher: null })).toBeNull();
  });
});
