import { describe, expect, it } from 'vitest';
import { edge, node } from '../../../test/support/client-fixtures.ts';
import { claimWords, contestOf } from './contest.ts';

const memo = node('statement:memo-rift', 'STATEMENT', {
  label: 'The evidence does not support this view',
  contested: true,
});
const ft = node('statement:ft', 'STATEMENT', {
  label: 'FT',
  contested: true,
  properties: { text: 'West sees Xi and Modi critique of Putin' },
});
const xi = node('statement:xi', 'STATEMENT', { label: 'Xi in Samarkand' });
const other = node('statement:other', 'STATEMENT', { label: 'Other' });

describe('what disputes or bears out a claim', () => {
  const around = {
    nodes: [memo, ft, xi, other],
    edges: [
      edge(xi.id, 'CORROBORATES', memo.id),
      edge(memo.id, 'DISPUTES', ft.id),
      edge(other.id, 'ABOUT', memo.id),
      edge(other.id, 'DISPUTES', xi.id),
    ],
  };

  it('reads each link from the claim’s side, disagreements first, and ignores other links and claims', () => {
    expect(contestOf(memo.id, around).map((e) => [e.stance, e.other.id])).toEqual([
      ['disputes', ft.id],
      ['borne-out-by', xi.id],
    ]);
    expect(contestOf(ft.id, around).map((e) => [e.stance, e.other.id])).toEqual([['disputed-by', memo.id]]);
    expect(contestOf(xi.id, around).map((e) => e.stance)).toEqual(['disputed-by', 'bears-out']);
  });

  it('leaves out a link whose other end the answer does not hold', () => {
    expect(contestOf(memo.id, { nodes: [memo], edges: around.edges })).toEqual([]);
  });

  it('quotes a statement’s words, and names anything else', () => {
    expect(claimWords(ft)).toBe('“West sees Xi and Modi critique of Putin”');
    expect(claimWords(xi)).toBe('Xi in Samarkand');
  });
});
