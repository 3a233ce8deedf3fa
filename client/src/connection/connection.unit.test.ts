import { describe, expect, it } from 'vitest';
import * as connection from './connection.ts';

describe('the page’s load', () => {
  it('goes loading (dropping the last notice), then ready or failed with the API’s code', () => {
    const noticed = connection.noticeShown(
      connection.pageLoaded(connection.initialConnection),
      'Loading Xi Jinping…',
    );
    const loadingAgain = connection.pageLoading(noticed);
    expect(loadingAgain.page.type).toBe('loading');
    expect(loadingAgain.notice).toBeNull();
    expect(connection.pageFailed(loadingAgain, 'gone', 'NOT_FOUND').page).toEqual({
      type: 'error',
      message: 'gone',
      code: 'NOT_FOUND',
    });
  });

  it('names what went wrong in the heading', () => {
    expect(connection.loadErrorTitle('NOT_FOUND')).toBe('Saved view not found');
    expect(connection.loadErrorTitle('UNAUTHENTICATED')).toBe('Sign-in needed');
    expect(connection.loadErrorTitle('REQUEST_TIMEOUT')).toBe('The graph took too long to load');
    expect(connection.loadErrorTitle('NETWORK')).toBe('The graph cannot be loaded');
    expect(connection.loadErrorTitle(undefined)).toBe('The graph cannot be loaded');
  });
});

describe('rate-limit waits', () => {
  it('counts the reads waiting and keeps the longest wait until the last is over', () => {
    let s = connection.waitingChanged(connection.initialConnection, { type: 'waiting', seconds: 2 });
    s = connection.waitingChanged(s, { type: 'waiting', seconds: 5 });
    expect(s.waiting).toEqual({ count: 2, seconds: 5 });
    s = connection.waitingChanged(s, { type: 'waited' });
    expect(s.waiting).toEqual({ count: 1, seconds: 5 });
    s = connection.waitingChanged(s, { type: 'waited' });
    expect(s.waiting).toEqual({ count: 0, seconds: 0 });
    expect(connection.waitingChanged(s, { type: 'waited' }).waiting).toEqual({ count: 0, seconds: 0 });
  });

  it('says how long the explorer waits', () => {
    expect(connection.waitingNotice({ count: 1, seconds: 1 })).toMatch(/trying again in 1 second…$/);
    expect(connection.waitingNotice({ count: 3, seconds: 2 })).toMatch(
      /slow down: trying again in 2 seconds…$/,
    );
  });
});
