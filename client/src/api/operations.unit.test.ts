// Every operation the explorer sends must be valid against the API's printed schema (server/schema.graphql),
// so a renamed field fails here rather than in an analyst's browser.
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { printedSchema } from '../../../test/support/printed-schema.ts';
import * as operations from './operations.ts';

const schema = printedSchema();
const documents = Object.entries(operations as Record<string, unknown>).filter(
  (e): e is [string, string] => typeof e[1] === 'string',
);

describe('the explorer’s GraphQL operations', () => {
  it('are all there', () => {
    expect(documents.map(([name]) => name).sort()).toEqual(
      [
        'CONTESTED',
        'DELETE_VIEW',
        'DOCUMENTS',
        'DRAFT_DOCUMENT',
        'DRAFT_FILES',
        'EVIDENCE',
        'GRADED_SOURCES',
        'IMPORT_DOCUMENT',
        'NEIGHBORHOOD',
        'NODE',
        'NODES',
        'NODE_VIEWS',
        'PATHS',
        'PREVIEW_DOCUMENT',
        'REMOVE_DOCUMENT',
        'SAVE_VIEW',
        'SEARCH',
        'STATS',
        'UPDATE_VIEW',
        'VIEW',
        'VIEWER',
        'VIEWS',
        // The history of an item, and a view's earlier versions (issue 16).
        'HISTORY',
        'VIEW_VERSION',
        'RESTORE_VIEW',
        // Edits that cite, merges and their undo (client/src/edit).
        'ADD_NODE',
        'ADD_EDGE',
        'UPDATE_NODE',
        'RETRACT',
        'MERGE_NODES',
        'UNMERGE',
        'MERGE_EVENTS',
      ].sort(),
    );
  });
  it.each(documents)('%s validates against server/schema.graphql', (_name, doc) => {
    expect(validate(schema, parse(doc)).map((e) => e.message)).toEqual([]);
  });
});
