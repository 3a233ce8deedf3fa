// The console's example queries are valid against the schema the server serves, in its printed form
// (server/schema.graphql), so the client imports nothing from server/.
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { printedSchema } from '../../../test/support/printed-schema.ts';
import { EXAMPLES } from './examples.ts';

describe('GraphQL console examples', () => {
  it('cover the memo: search, statements with sources, September 2022, paths Modi → Xi, Xi’s neighbourhood', () => {
    const text = EXAMPLES.map((e) => e.query).join('\n');
    for (const expected of [
      'search(text: "Patrushev"',
      'actor:li-zhanshu',
      'saidAt: { some: { date:',
      'paths(sourceId: "actor:narendra-modi", targetId: "actor:xi-jinping"',
      'neighborhood(id: "actor:xi-jinping"',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('validate against the schema', () => {
    const schema = printedSchema();
    for (const example of EXAMPLES) {
      const errors = validate(schema, parse(example.query)).map((e) => e.message);
      expect(errors, example.title).toEqual([]);
    }
  });
});
