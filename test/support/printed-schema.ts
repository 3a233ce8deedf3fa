// The API's schema as the client sees it: built from its printed form, server/schema.graphql (`npm run codegen`
// writes it, `npm run codegen -- --check` keeps it in step), so client tests import nothing from server/.
import { readFileSync } from 'node:fs';
import { buildSchema, type GraphQLSchema } from 'graphql';

const SCHEMA_FILE = new URL('../../server/schema.graphql', import.meta.url);

/** The schema built from server/schema.graphql. */
export function printedSchema(): GraphQLSchema {
  return buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
}
