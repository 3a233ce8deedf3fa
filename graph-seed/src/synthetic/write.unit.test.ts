import { describe, expect, it } from 'vitest';
import { duration, renderBar, thousands } from './progress.ts';
import { isTransient } from './write.ts';

describe('synthetic load helpers', () => {
  it('retries deadlocks and other transient Neo4j errors, found anywhere in the causes, and nothing else', () => {
    const deadlock = Object.assign(new Error('ForsetiClient can not acquire lock'), {
      code: 'Neo.TransientError.Transaction.DeadlockDetected',
    });
    expect(isTransient(deadlock)).toBe(true);
    expect(isTransient(new Error('wrapped', { cause: deadlock }))).toBe(true);
    expect(isTransient(new Error('a deadlock was detected'))).toBe(true);
    expect(
      isTransient(Object.assign(new Error('bad'), { code: 'Neo.ClientError.Statement.SyntaxError' })),
    ).toBe(false);
    expect(isTransient(new Error('1 of 3 relationships were not written'))).toBe(false);
    expect(isTransient('not an error')).toBe(false);
  });

  it('draws a progress bar with the rate and the time left', () => {
    expect(renderBar('rels', 250, 1000, 50, 'rels', 8)).toBe('[##......]  25%  rels  50 rels/s  ETA 15.0s');
    expect(renderBar('rels', 0, 1000, 0, 'rels', 4)).toBe('[....]   0%  rels  0 rels/s  ETA ?');
    expect(thousands(1234567.8)).toBe('1,234,568');
    expect(duration(125)).toBe('2m05s');
  });
});
