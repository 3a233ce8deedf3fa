// toPlain: the driver's values made plain, whatever order it tests them in (issue 18 moved plain values first).
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toPlain } from './database.ts';

describe('toPlain', () => {
  it('keeps strings, numbers and booleans, and gives null for null and undefined', () => {
    expect([toPlain('a'), toPlain(1.5), toPlain(0), toPlain(false), toPlain(true)]).toEqual([
      'a',
      1.5,
      0,
      false,
      true,
    ]);
    expect(toPlain(null)).toBeNull();
    expect(toPlain(undefined)).toBeNull();
  });

  it('turns driver integers into numbers, and those beyond 2^53 into strings', () => {
    expect(toPlain(neo4j.int(42))).toBe(42);
    expect(toPlain(neo4j.int('9007199254740993'))).toBe('9007199254740993');
  });

  it('turns dates into ISO strings', () => {
    expect(toPlain(new neo4j.types.Date(2022, 9, 15))).toBe('2022-09-15');
    expect(toPlain(new neo4j.types.LocalDateTime(2022, 9, 15, 10, 30, 0, 0))).toBe('2022-09-15T10:30:00');
    expect(toPlain(new neo4j.types.DateTime(2022, 9, 15, 10, 30, 0, 0, 0))).toBe('2022-09-15T10:30:00Z');
  });

  it('makes nodes, relationships, maps and lists plain all the way down', () => {
    const node = new neo4j.types.Node(neo4j.int(1), ['Entity'], { id: 'actor:x', n: neo4j.int(3) }, 'e1');
    const rel = new neo4j.types.Relationship(
      neo4j.int(2),
      neo4j.int(1),
      neo4j.int(1),
      'MET',
      { since: new neo4j.types.Date(2022, 1, 4) },
      'r1',
      'e1',
      'e1',
    );
    expect(
      toPlain({ node, rel, list: [neo4j.int(1), 'a', null, { deep: [neo4j.int(2)] }], empty: {} }),
    ).toEqual({
      node: { labels: ['Entity'], properties: { id: 'actor:x', n: 3 } },
      rel: { type: 'MET', properties: { since: '2022-01-04' } },
      list: [1, 'a', null, { deep: [2] }],
      empty: {},
    });
  });

  it('makes a map without a prototype plain too', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { a: neo4j.int(7) });
    expect(toPlain(bare)).toEqual({ a: 7 });
  });
});
