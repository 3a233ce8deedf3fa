import { describe, expect, it } from 'vitest';
import { isUnhandledRun } from './runShortcut.ts';

describe('the console’s run shortcut', () => {
  it('is Ctrl+Enter or Cmd+Enter that no editor has handled', () => {
    const key = { key: 'Enter', ctrlKey: true, metaKey: false, defaultPrevented: false };
    expect(isUnhandledRun(key)).toBe(true);
    expect(isUnhandledRun({ ...key, ctrlKey: false, metaKey: true })).toBe(true);
    expect(isUnhandledRun({ ...key, defaultPrevented: true })).toBe(false);
    expect(isUnhandledRun({ ...key, ctrlKey: false })).toBe(false);
    expect(isUnhandledRun({ ...key, key: 'a' })).toBe(false);
  });
});
