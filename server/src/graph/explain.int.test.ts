// Every named Cypher query is planned once by the real Neo4j (EXPLAIN: nothing runs), so a typo or a clause
// Neo4j 5.26 does not know fails here rather than on a user's click. Importing the schema registers every
// concept module's queries; the seed loader's and the whole-graph export's (served outside GraphQL) are imported too.
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDb, declaredQueries, int } from '../../../core/db/database.ts';
import '../app/schema.ts';
import '../../../graph-seed/src/index.ts';
import '../export/index.ts';

const db = createDb({ uri: inject('neo4jUri') });
afterAll(() => db.close());

// Parameters that Cypher wants as integers (LIMIT, SKIP) get 1; every other parameter is null.
const INTEGER_PARAMS = new Set(['limit', 'cap', 'offset', 'candidates', 'skip', 'batch', 'batchSize']);

function dummyParams(text: string): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [, name] of text.matchAll(/\$(\w+)/g)) {
    params[name!] = INTEGER_PARAMS.has(name!) ? int(1) : null;
  }
  return params;
}

// Schema commands cannot be EXPLAINed; they are idempotent (IF NOT EXISTS) and run for real instead, as do the
// read-only SHOW commands. A DROP is neither planned nor run (it would take an index from the other tests).
const isSchemaCommand = (text: string) =>
  /^\s*(CREATE\s+(CONSTRAINT|INDEX|FULLTEXT|RANGE|TEXT|POINT)|SHOW)\b/i.test(text);
const isDrop = (text: string) => /^\s*DROP\b/i.test(text);

describe('every named Cypher query', () => {
  const queries = declaredQueries();

  it('includes the explorer operations', () => {
    const names = queries.map((q) => q.name);
    for (const name of [
      'searchEntities',
      'nodesPage',
      'neighborhoodStep',
      'pathsShortestUpTo4',
      'pathsShortestUpTo8',
      'viewsUpdate',
    ]) {
      expect(names).toContain(name);
    }
  });

  it.each(queries.map((q) => [q.name, q] as const))('%s is valid Cypher', async (_name, query) => {
    if (isDrop(query.text)) return;
    const session = db.driver.session();
    try {
      if (isSchemaCommand(query.text)) await session.run(query.text, dummyParams(query.text));
      else await session.run(`EXPLAIN ${query.text}`, dummyParams(query.text));
    } finally {
      await session.close();
    }
  });
});
