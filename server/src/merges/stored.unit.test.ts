import { describe, expect, it } from 'vitest';
import { canonical, differingKeys, mergedAliases, renameIds, renameInJson, unrestorable } from './stored.ts';

describe('what a merge plans with', () => {
  it('renames the merged id in a view’s ids, once', () => {
    expect(renameIds(['a:x', 'a:m', 'a:y'], 'a:m', 'a:k')).toEqual(['a:x', 'a:k', 'a:y']);
    expect(renameIds(['a:k', 'a:m'], 'a:m', 'a:k')).toEqual(['a:k']);
  });

  it('renames it in a layout’s keys and values; an entry under the kept id wins', () => {
    const layout = JSON.stringify({
      positions: { 'a:m': { x: 1 }, 'a:o': { x: 2 } },
      pinned: ['a:m', 'a:o'],
    });
    expect(JSON.parse(renameInJson(layout, 'a:m', 'a:k')!)).toEqual({
      positions: { 'a:k': { x: 1 }, 'a:o': { x: 2 } },
      pinned: ['a:k', 'a:o'],
    });
    const both = JSON.stringify({ positions: { 'a:k': { x: 0 }, 'a:m': { x: 1 } }, pinned: ['a:k', 'a:m'] });
    expect(JSON.parse(renameInJson(both, 'a:m', 'a:k')!)).toEqual({
      positions: { 'a:k': { x: 0 } },
      pinned: ['a:k'],
    });
    expect(renameInJson('{"zoom":1}', 'a:m', 'a:k')).toBe('{"zoom":1}');
    expect(renameInJson(null, 'a:m', 'a:k')).toBeNull();
  });

  it('adds the merged node’s names and aliases to the kept one’s aliases, without repeats or its own name', () => {
    expect(
      mergedAliases(
        { name: 'Vladimir Putin', aliases: ['Putin'] },
        { name: 'Wladimir Putin', aliases: ['Putin', 'Vladimir Putin', 'W. Putin'] },
      ),
    ).toEqual(['Putin', 'Wladimir Putin', 'W. Putin']);
  });

  it('compares properties with their types, and names the types it could not write back', () => {
    const a = { props: { n: 1, d: '2022-01-01' }, types: { n: 'INTEGER NOT NULL', d: 'DATE NOT NULL' } };
    const b = { props: { d: '2022-01-01', n: 1 }, types: { n: 'FLOAT NOT NULL', d: 'DATE NOT NULL' } };
    expect(canonical(a)).not.toBe(canonical(b));
    expect(differingKeys(a, b)).toEqual(['n']);
    expect(differingKeys(a, { ...a, props: { ...a.props } })).toEqual([]);
    expect(unrestorable({ props: { p: 'x' }, types: { p: 'POINT NOT NULL' } })).toEqual(['p']);
  });
});
