// `npm run schema:print`: builds the schema without a database connection and prints it (SDL) to stdout.
// `npm run codegen` writes the same text to server/schema.graphql.
import { printedSchema } from './schema.ts';

process.stdout.write(await printedSchema());
