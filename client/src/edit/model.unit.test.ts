import { describe, expect, it } from 'vitest';
import { edge, node } from '../../../test/support/client-fixtures.ts';
import {
  addedByEdit,
  allowedTypes,
  canMerge,
  canRetract,
  citableSources,
  correctableProperties,
  directionsOf,
  mergeRefusal,
  versionOf,
} from './model.ts';

describe('which relationship types an edit may add', () => {
  it('offers from an actor the types that start or end at an actor', () => {
    const types = allowedTypes('ACTOR', null);
    expect(types).toContain('MET_WITH');
    expect(types).toContain('ATTENDED');
    // ABOUT may end at any kind, an actor too.
    expect(types).toContain('ABOUT');
    // SAID_AT joins a statement and a meeting only.
    expect(types).not.toContain('SAID_AT');
  });

  it('narrows to the types between the two kinds once the other end is known', () => {
    // Either way round: a meeting may be ABOUT an actor.
    expect(allowedTypes('ACTOR', 'MEETING')).toEqual(allowedTypes('MEETING', 'ACTOR'));
    expect(allowedTypes('MEETING', 'ACTOR')).toEqual([
      'ATTENDED',
      'DID_NOT_ATTEND',
      'HOSTED',
      'ABOUT',
      'REPORTED',
    ]);
    expect(allowedTypes('SOURCE', 'STATEMENT')).toEqual(['ABOUT']);
    expect(allowedTypes('SOURCE', 'SOURCE')).toEqual([]);
  });

  it('gives the directions a type may take', () => {
    expect(directionsOf('MET_WITH', 'ACTOR', 'ACTOR')).toEqual(['out', 'in']);
    expect(directionsOf('ATTENDED', 'ACTOR', 'MEETING')).toEqual(['out']);
    expect(directionsOf('ATTENDED', 'MEETING', 'ACTOR')).toEqual(['in']);
    expect(directionsOf('ATTENDED', 'MEETING', null)).toEqual(['in']);
    expect(directionsOf('ATTENDED', 'ACTOR', 'ACTOR')).toEqual([]);
    // A statement about another statement: either way round.
    expect(directionsOf('ABOUT', 'STATEMENT', 'STATEMENT')).toEqual(['out', 'in']);
  });
});

describe('what may be merged and retracted', () => {
  it('merges actors, meetings and agreements of one kind only', () => {
    const xi = node('actor:xi-jinping', 'ACTOR');
    expect(canMerge(xi)).toBe(true);
    expect(canMerge(node('statement:s', 'STATEMENT'))).toBe(false);
    expect(mergeRefusal(xi, node('actor:putin', 'ACTOR'))).toBeNull();
    expect(mergeRefusal(xi, xi)).toMatch(/not merged with itself/);
    expect(mergeRefusal(xi, node('meeting:m', 'MEETING', { label: 'Samarkand' }))).toBe(
      '“Samarkand” is a meeting: choose an actor.',
    );
    expect(mergeRefusal(node('figure:f', 'FIGURE'), node('figure:g', 'FIGURE'))).toMatch(/Only actors/);
  });

  it('retracts claims, what an edit added, and relationships', () => {
    expect(canRetract(node('statement:s', 'STATEMENT', { properties: { document: 'memo' } }))).toBe(true);
    expect(canRetract(node('figure:f', 'FIGURE', { properties: { document: 'memo' } }))).toBe(true);
    expect(canRetract(node('actor:a', 'ACTOR', { properties: { documents: ['memo'] } }))).toBe(false);
    const added = node('actor:new-1', 'ACTOR', { properties: { addedBy: 'ana', version: 1 } });
    expect(addedByEdit(added)).toBe(true);
    expect(canRetract(added)).toBe(true);
    expect(canRetract(edge('actor:a', 'MET_WITH', 'actor:b', { document: 'memo' }))).toBe(true);
  });
});

describe('corrections', () => {
  it('offers the properties a correction may set, the name first', () => {
    const n = node('actor:a', 'ACTOR', {
      properties: {
        id: 'actor:a',
        kind: 'ACTOR',
        name: 'A',
        role: 'President',
        aliases: ['Ay'],
        documents: ['memo'],
        version: 2,
        datePrecision: 'day',
        date: '2022-01-01',
      },
    });
    expect(correctableProperties(n)).toEqual(['name', 'date', 'aliases', 'role']);
    expect(versionOf(n)).toBe(2);
    expect(versionOf(node('actor:b', 'ACTOR'))).toBe(1);
  });

  it('offers each source of the nodes once', () => {
    const s = (id: string) => ({ id, title: id, url: null, publisher: null, date: null, footnote: null });
    expect(citableSources([s('a'), s('b')], [s('b'), s('c')], null).map((x) => x.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
  });
});
